package dev.tokencontract.conformance.suites;

import java.net.URI;

/**
 * The party in the middle: an agent or hub that receives a user's token and calls a downstream MCP server.
 * The suite hands it a user token and a downstream URL (a recording endpoint) and reads what arrives there.
 */
@FunctionalInterface
public interface TokenCarrier {

    /** Acts for the user holding {@code userToken}, calling {@code downstream} at least once. */
    void call(String userToken, URI downstream) throws Exception;

    /**
     * A hub over HTTP: {@code POST hub} with {@code Authorization: Bearer <user token>} and the body
     * {@code {"downstream": "<url>"}}; it must answer 2xx after calling the downstream URL.
     */
    static TokenCarrier http(URI hub) {
        return new HttpCarrier(hub);
    }
}
