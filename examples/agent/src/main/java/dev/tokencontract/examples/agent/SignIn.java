package dev.tokencontract.examples.agent;

import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * When and how the agent signs in: after a 401 (from the first probe, or later from a server that let
 * {@code initialize} through without a token), by discovery from that 401's challenge and then the code flow (or
 * the legacy password grant); a step-up for more scope reuses the registered client. One sign-in per 401 kind:
 * a second 401 after signing in is reported, not looped on.
 */
final class SignIn {
    private final AgentOptions options;
    private final PrintStream out;
    private CodeFlow flow;
    private boolean signedIn;

    SignIn(AgentOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Discovers from the challenge and signs in; returns the access token. */
    String after401(String wwwAuthenticate) throws Exception {
        Discovery discovery = Discovery.discover(options.mcpUrl(), wwwAuthenticate);
        out.println(
                discovery.resourceMetadataUrl() == null
                        ? "agent: " + options.mcpUrl()
                                + " answered 401 and has no protected resource metadata; authorization server "
                                + discovery.authorizationServer() + " (2025-03-26 discovery)"
                        : "agent: " + options.mcpUrl() + " answered 401; metadata " + discovery.resourceMetadataUrl()
                                + " names authorization server " + discovery.authorizationServer() + ", token endpoint "
                                + discovery.tokenEndpoint());
        signedIn = true;
        if (options.legacyPasswordGrant()) {
            return Agent.passwordToken(options, discovery, out);
        }
        flow = new CodeFlow(discovery, options, out);
        String token = flow.signIn(discovery.scopeToRequest());
        out.println("agent: signed in as " + Agent.describe(token));
        return token;
    }

    boolean canStepUp() {
        return flow != null;
    }

    String stepUp(String scope) throws Exception {
        return flow.signIn(scope);
    }

    /** Runs {@code call}; after a first 401 signs in (once) and runs it again. */
    <T> T retryingAfter401(AtomicReference<String> token, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            McpHttpClientTransportAuthorizationException denied = unauthorized(e);
            if (denied == null || signedIn) {
                throw e;
            }
            try {
                token.set(after401(denied.getResponseInfo()
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .orElse(null)));
            } catch (Exception signInFailed) {
                throw new IllegalStateException(signInFailed.getMessage(), signInFailed);
            }
            return call.get();
        }
    }

    private static McpHttpClientTransportAuthorizationException unauthorized(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof McpHttpClientTransportAuthorizationException e
                    && e.getResponseInfo().statusCode() == 401) {
                return e;
            }
        }
        return null;
    }
}
