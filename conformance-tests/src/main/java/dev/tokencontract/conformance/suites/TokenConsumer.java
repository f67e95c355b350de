package dev.tokencontract.conformance.suites;

import dev.tokencontract.validator.TokenValidator;
import java.net.URI;
import java.util.function.Predicate;

/**
 * The party that receives tokens: an MCP server's verifier. Implement it around the server's own check,
 * or use {@link #http(URI)} for a running endpoint.
 */
@FunctionalInterface
public interface TokenConsumer {

    /** What the consumer does with {@code token}; throw {@link CouldNotRun} when it cannot be asked. */
    Decision decide(String token) throws Exception;

    /** A Java verifier that answers true to accept. */
    static TokenConsumer of(Predicate<String> accepts) {
        return token -> accepts.test(token) ? Decision.accepted("accepted") : Decision.rejected("rejected");
    }

    /** A consumer built on validator-lib: accepts exactly what {@code validator} accepts. */
    static TokenConsumer of(TokenValidator validator) {
        return token -> {
            var report = validator.validate(token);
            return report.accepted()
                    ? Decision.accepted("ACCEPTED")
                    : Decision.rejected(report.verdict().name());
        };
    }

    /** An MCP endpoint called with {@code Authorization: Bearer <token>}: 2xx accepts, 401/403 rejects. */
    static TokenConsumer http(URI endpoint) {
        return new HttpConsumer(endpoint);
    }

    /**
     * A stateful MCP server (Streamable HTTP with sessions, e.g. the MCP Java SDK's servlet transport), which
     * answers a {@code tools/list} outside a session with 400 whatever the token: each token opens a session
     * with {@code initialize} (2xx accepts, 401/403 rejects) and the session is closed again with {@code DELETE}.
     */
    static TokenConsumer mcpSession(URI endpoint) {
        return new HttpConsumer(endpoint, true);
    }
}
