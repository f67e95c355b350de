package dev.tokencontract.examples.agent;

/**
 * The hub between users' agents and MCP servers. Faithful: it exchanges the user's token for one that keeps
 * the user and names the hub in {@code act} (RFC 8693). Drifting ({@code botDrift}): it drops the user and
 * calls as its shared bot.
 */
public final class Hub {
    private final TokenClient tokens;
    private final String hubSecret;
    private final boolean botDrift;

    public Hub(String tokenEndpoint, String hubSecret, boolean botDrift) {
        this.tokens = new TokenClient(tokenEndpoint);
        this.hubSecret = hubSecret;
        this.botDrift = botDrift;
    }

    /** The token the hub sends to {@code resource} on behalf of the holder of {@code userToken}. */
    public String tokenFor(String userToken, String resource) throws Exception {
        return botDrift ? tokens.bot(resource, hubSecret) : tokens.exchange(userToken, resource, hubSecret);
    }

    public boolean drifting() {
        return botDrift;
    }
}
