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
 * Calls an MCP endpoint as a client would: {@code POST} of a JSON-RPC {@code tools/list} request with
 * {@code Authorization: Bearer <token>}. 2xx is acceptance; 401 and 403 are rejection, and their
 * {@code WWW-Authenticate} is checked; anything else is neither. Unreachable is {@link CouldNotRun}.
 */
final class HttpConsumer implements TokenConsumer {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}";

    private final URI endpoint;
    private final HttpClient client;

    HttpConsumer(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the consumer endpoint must be an http(s) URL: " + endpoint);
        }
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Decision decide(String token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new CouldNotRun("the consumer at " + endpoint + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CouldNotRun("cannot reach the consumer at " + endpoint + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Decision.accepted("HTTP " + status);
        }
        if (status == 401 || status == 403) {
            List<String> challenge = response.headers().allValues("WWW-Authenticate");
            return new Decision(Decision.Outcome.REJECTED, "HTTP " + status, BearerChallengeCheck.check(status, challenge));
        }
        return new Decision(Decision.Outcome.NEITHER, "HTTP " + status + " (expected 2xx to accept, 401 or 403 to reject)", List.of());
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
