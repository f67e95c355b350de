package dev.tokencontract.conformance.testing;

import dev.tokencontract.conformance.suites.TokenCarrier;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.validator.TokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small agent hub: checks the user's token, then calls the downstream MCP server. Honest, it exchanges
 * the token (RFC 8693) for one with the user's sub, the downstream audience and {@code act} naming the hub;
 * drifted, it presents its own bot identity or passes the user's token through.
 */
public final class StubHub {
    public static final String HUB_ACTOR = "agent:crm-hub";
    public static final String BOT = "svc-crm-hub-bot";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How this carrier drifted. */
    public enum Drift {
        NONE,
        BOT_IDENTITY,
        PASSTHROUGH
    }

    private final TokenValidator userTokens;
    private final TokenMinter exchange;
    private final String downstreamAudience;
    private final Drift drift;
    private final HttpClient client = HttpClient.newHttpClient();

    /**
     * @param userTokens checks the tokens users present (audience: the hub)
     * @param exchange   mints the tokens the hub presents downstream (stands in for the token exchange)
     */
    public StubHub(TokenValidator userTokens, TokenMinter exchange, String downstreamAudience, Drift drift) {
        this.userTokens = userTokens;
        this.exchange = exchange;
        this.downstreamAudience = downstreamAudience;
        this.drift = drift;
    }

    public void call(String userToken, URI downstream) throws Exception {
        var report = userTokens.validate(userToken);
        if (!report.accepted()) {
            throw new IllegalStateException("user token rejected: " + report.errors());
        }
        JsonNode user = report.validated().orElseThrow().claims();
        String presented = switch (drift) {
            case PASSTHROUGH -> userToken;
            case BOT_IDENTITY -> exchange.mint(downstreamClaims(user).put("sub", BOT));
            case NONE -> {
                ObjectNode claims = downstreamClaims(user);
                claims.putObject("act").put("sub", HUB_ACTOR);
                yield exchange.mint(claims);
            }
        };
        client.send(
                HttpRequest.newBuilder(downstream)
                        .header("Authorization", "Bearer " + presented)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private ObjectNode downstreamClaims(JsonNode user) {
        ObjectNode claims = ((ObjectNode) user).deepCopy();
        claims.put("aud", downstreamAudience);
        claims.put("client_id", "crm-hub");
        claims.remove("act");
        return claims;
    }

    public TokenCarrier carrier() {
        return this::call;
    }

    /** As an HTTP hub: POST with the user's bearer token and {"downstream": url}. */
    public StubServer serve() {
        return StubServer.start((authorization, body) -> {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return new StubServer.Answer(401, Map.of("WWW-Authenticate", "Bearer"), "");
            }
            call(
                    authorization.substring(7),
                    URI.create(JSON.readTree(body).path("downstream").asString()));
            return new StubServer.Answer(200, Map.of("Content-Type", "application/json"), "{}");
        });
    }
}
