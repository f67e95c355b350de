package dev.tokencontract.validator.internal;

import dev.tokencontract.json.CappedBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET for key material (a JWKS, a discovery document): the read timeout bounds the whole exchange, body
 * included, so a server that stalls mid-body is cut off; the body is capped while it arrives; only 200 is read.
 * I/O failures keep their type so callers can say what went wrong (timed out, unknown host, TLS).
 */
final class BoundedGet {
    private BoundedGet() {}

    static String text(HttpClient client, URI uri, String accept, Duration timeout, int maxBytes)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? new CappedBody(maxBytes)
                        : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException(String.valueOf(e.getCause()), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
