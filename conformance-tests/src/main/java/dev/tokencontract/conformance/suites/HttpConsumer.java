package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.http.BearerChallengeCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Calls an MCP endpoint as a client would, with {@code Authorization: Bearer <token>}: a {@code POST} of a
 * JSON-RPC {@code tools/list} request, or, for a stateful MCP server (Streamable HTTP sessions), of the
 * {@code initialize} request that opens a session, which is then closed with {@code DELETE} and its
 * {@code Mcp-Session-Id}. 2xx is acceptance; 401 and 403 are rejection, and their {@code WWW-Authenticate}
 * is checked; anything else is neither. Unreachable is {@link CouldNotRun}.
 */
final class HttpConsumer implements TokenConsumer {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}";
    static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"tokencontract-conformance\",\"version\":\"1\"}}}";
    /** Session ids are visible ASCII (MCP transports); anything else is not echoed back. */
    private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,256}");

    private final URI endpoint;
    private final HttpClient client;
    private final boolean session;

    HttpConsumer(URI endpoint) {
        this(endpoint, false);
    }

    /** {@code session}: open (and close) an MCP session with {@code initialize} instead of a bare {@code tools/list}. */
    HttpConsumer(URI endpoint, boolean session) {
        String scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the consumer endpoint must be an http(s) URL: " + endpoint);
        }
        this.endpoint = endpoint;
        this.session = session;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Decision decide(String token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(session ? INITIALIZE : TOOLS_LIST))
                .build();
        HttpResponse<Void> response;
        try {
            response = sendRetryingOnce(request);
        } catch (HttpTimeoutException e) {
            throw new CouldNotRun(
                    "the consumer at " + endpoint + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CouldNotRun(
                    "cannot reach the consumer at " + endpoint + ": "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (session) {
                response.headers().firstValue(SESSION_HEADER).ifPresent(id -> closeSession(token, id));
            }
            return Decision.accepted("HTTP " + status);
        }
        if (status == 401 || status == 403) {
            List<String> challenge = response.headers().allValues("WWW-Authenticate");
            return new Decision(
                    Decision.Outcome.REJECTED, "HTTP " + status, BearerChallengeCheck.check(status, challenge));
        }
        return new Decision(
                Decision.Outcome.NEITHER,
                "HTTP " + status + " (expected 2xx to accept, 401 or 403 to reject)",
                List.of());
    }

    /**
     * Sends once more when the first attempt fails below HTTP (not a timeout): a kept-alive connection the
     * server closed just as the request went out ("header parser received no bytes") is not the consumer's
     * answer, and the JDK client does not retry a POST by itself. Judging a token is safe to repeat; an
     * endpoint that is really down fails the second attempt too and is reported as could-not-run.
     */
    private HttpResponse<Void> sendRetryingOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException timeout) {
            throw timeout;
        } catch (IOException firstAttempt) {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Best effort: a server without a session sweeper would otherwise keep every session the suite opened. */
    private void closeSession(String token, String id) {
        if (!SESSION_ID.matcher(id).matches()) {
            return;
        }
        HttpRequest delete = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header(SESSION_HEADER, id)
                .DELETE()
                .build();
        try {
            client.send(delete, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the decision is made; a session the server keeps is its own affair
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return endpoint + (session ? " (MCP session)" : "");
    }
}
