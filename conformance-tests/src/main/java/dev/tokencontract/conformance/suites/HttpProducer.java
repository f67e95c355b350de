package dev.tokencontract.conformance.suites;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A token endpoint called with the input as JSON; any non-2xx answer is a failure of the producer. */
final class HttpProducer implements TokenProducer {
    private final URI endpoint;
    private final HttpClient client;

    HttpProducer(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the token endpoint must be an http(s) URL: " + endpoint);
        }
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String mint(ProducerInput input) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(input.toJson().toString()))
                .build();
        HttpResponse<java.io.InputStream> response;
        String body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                body = new String(in.readNBytes(TokenText.MAX_CHARS + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CouldNotRun(
                    "cannot reach the token endpoint " + endpoint + ": "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PropertyFailure("the token endpoint answered HTTP " + response.statusCode() + " for " + input);
        }
        return TokenText.read(body);
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
