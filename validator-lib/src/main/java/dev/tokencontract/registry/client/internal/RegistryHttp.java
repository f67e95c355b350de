package dev.tokencontract.registry.client.internal;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.CappedBody;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryException.Kind;
import dev.tokencontract.registry.client.RegistrySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP for the registry client: GET with a bounded number of redirects (each target checked by
 * {@link UrlPolicy}, never https to http), POST without following redirects, a timeout over the whole
 * exchange and a body cap on every answer. The bearer token goes only into the Authorization header of a
 * POST and never into a message.
 */
public final class RegistryHttp {
    private final RegistrySettings settings;
    private final HttpClient client;

    /** One answer; {@link #uri()} is where it came from after redirects. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body, URI uri) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    public RegistryHttp(RegistrySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Response get(URI uri, String ifNoneMatch) throws RegistryException {
        URI current = uri;
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            UrlPolicy.check(current);
            seen.add(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .timeout(settings.readTimeout())
                    .header("Accept", "application/json, application/problem+json")
                    .GET();
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            Response response = send(request.build());
            if (!isRedirect(response.status())) {
                return response;
            }
            URI next = location(response);
            if (seen.contains(next)) {
                throw new RegistryException(
                        Kind.BAD_RESPONSE,
                        "redirect loop: " + Redact.value(current.toString()) + " -> " + Redact.value(next.toString()));
            }
            if (hop >= settings.maxRedirects()) {
                throw new RegistryException(
                        Kind.BAD_RESPONSE,
                        "more than " + settings.maxRedirects() + " redirects, last to "
                                + Redact.value(next.toString()));
            }
            if (current.getScheme().equalsIgnoreCase("https")
                    && !next.getScheme().equalsIgnoreCase("https")) {
                throw new RegistryException(
                        Kind.INVALID_URL, "refusing a redirect from https to " + Redact.value(next.toString()));
            }
            current = next;
        }
    }

    /** A POST of JSON with a bearer token; a redirect is returned as it is, never followed with the token. */
    public Response post(URI uri, byte[] json, String bearerToken) throws RegistryException {
        UrlPolicy.check(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return send(request);
    }

    /** A PUT of JSON with a bearer token; like {@link #post}, a redirect is returned, never followed with the token. */
    public Response put(URI uri, byte[] json, String bearerToken) throws RegistryException {
        UrlPolicy.check(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return send(request);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(Response response) throws RegistryException {
        String location = response.header("Location")
                .orElseThrow(() -> new RegistryException(
                        Kind.BAD_RESPONSE, "HTTP " + response.status() + " redirect without a Location header"));
        try {
            return response.uri().resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE, "redirect to an invalid Location: " + Redact.value(location));
        }
    }

    private Response send(HttpRequest request) throws RegistryException {
        CappedBody[] body = new CappedBody[1];
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> {
            body[0] = new CappedBody(settings.maxBytes());
            return body[0];
        });
        try {
            HttpResponse<byte[]> response = pending.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Response(response.statusCode(), response.headers(), response.body(), request.uri());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw unreachable(request, noAnswerWithin());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(request, "interrupted");
        } catch (ExecutionException e) {
            if (body[0] != null && body[0].exceeded()) {
                throw new RegistryException(
                        Kind.BAD_RESPONSE,
                        "the answer from " + where(request) + " is larger than " + settings.maxBytes() + " bytes");
            }
            boolean readTimeout = e.getCause() instanceof java.net.http.HttpTimeoutException
                    && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException);
            throw unreachable(request, readTimeout ? noAnswerWithin() : describe(e.getCause()));
        }
    }

    /** The client's own timer and the request's timeout race; both mean the same, so both say the same. */
    private String noAnswerWithin() {
        return "no complete answer within " + settings.readTimeout().toMillis() + " ms";
    }

    private static RegistryException unreachable(HttpRequest request, String why) {
        return new RegistryException(Kind.UNREACHABLE, "registry " + where(request) + " unreachable: " + why);
    }

    private static String where(HttpRequest request) {
        URI uri = request.uri();
        return Redact.value(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /** A cause a person can act on, never a stack trace. */
    private static String describe(Throwable e) {
        String what;
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            what = "connect timed out";
        } else if (e instanceof java.net.ConnectException) {
            what = "connection refused";
        } else if (e instanceof java.net.UnknownHostException) {
            what = "unknown host";
        } else if (e instanceof java.net.http.HttpTimeoutException) {
            what = "timed out";
        } else if (e instanceof javax.net.ssl.SSLException) {
            what = "TLS failure";
        } else if (e instanceof IOException && e.getClass() == IOException.class && e.getMessage() != null) {
            return Redact.shorten(e.getMessage(), 200);
        } else {
            what = "I/O failure ("
                    + (e == null ? "unknown" : e.getClass().getSimpleName().replace("Exception", "")) + ")";
        }
        String message = e == null ? null : e.getMessage();
        return message == null
                        || message.isBlank()
                        || message.toLowerCase(Locale.ROOT).equals(what)
                ? what
                : what + ": " + Redact.shorten(message, 200);
    }
}
