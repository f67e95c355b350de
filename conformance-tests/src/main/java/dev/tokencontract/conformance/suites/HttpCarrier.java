package dev.tokencontract.conformance.suites;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Asks a hub over HTTP to act for the user; a non-2xx answer to a valid user token is a failure. */
final class HttpCarrier implements TokenCarrier {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI hub;
    private final HttpClient client;

    HttpCarrier(URI hub) {
        String scheme = hub.getScheme();
        if (hub.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the hub must be an http(s) URL: " + hub);
        }
        this.hub = hub;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void call(String userToken, URI downstream) throws InterruptedException {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("downstream", downstream.toString()));
        HttpRequest request = HttpRequest.newBuilder(hub)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + userToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CouldNotRun(
                    "cannot reach the hub at " + hub + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PropertyFailure("the hub answered HTTP " + response.statusCode() + " to a valid user token");
        }
    }

    @Override
    public String toString() {
        return hub.toString();
    }
}
