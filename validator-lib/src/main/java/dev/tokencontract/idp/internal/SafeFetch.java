package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.CappedBody;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.validator.JwksUrlSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * GET of one metadata or key document with the JWKS URL conventions: connect and whole-exchange timeouts,
 * a body size cap, https except loopback, and redirects followed by hand (each hop checked, at most
 * {@code maxRedirects}, loops detected). Every failure is a finding, never an exception.
 */
public final class SafeFetch {
    private final JwksUrlSettings settings;
    private final int maxRedirects;
    private final HttpClient client;

    public SafeFetch(JwksUrlSettings settings, int maxRedirects) {
        this.settings = settings;
        this.maxRedirects = maxRedirects;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * What came back: the final URL, the status, the {@code WWW-Authenticate} header (for 401s), a JSON
     * body for 200s, or the finding that says why there is none.
     */
    public record Answer(URI finalUri, int status, Optional<String> wwwAuthenticate, JsonNode json, Finding problem) {
        public boolean ok() {
            return json != null;
        }
    }

    /** http is allowed only for loopback hosts (tests); everything else must be https. */
    public static boolean allowedScheme(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()));
    }

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // an IPv4 literal in 127.0.0.0/8, not any DNS name that happens to start with "127."
        return h.equals("localhost") || LOOPBACK_V4.matcher(h).matches() || h.equals("[::1]") || h.equals("::1");
    }

    /** Fetches {@code uri} and reads a JSON object from a 200 answer; {@code pointer} names the document in findings. */
    public Answer getJson(URI uri, String pointer) {
        URI current = uri;
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!allowedScheme(current)) {
                return failed(
                        current,
                        FindingCode.FETCH_INSECURE_URL,
                        pointer,
                        "an https URL (http only for loopback)",
                        Redact.value(current.toString()),
                        "Refused to fetch " + Redact.value(current.toString()) + ": not https.");
            }
            if (!seen.add(current)) {
                return failed(
                        current,
                        FindingCode.FETCH_TOO_MANY_REDIRECTS,
                        pointer,
                        "no redirect loop",
                        Redact.value(current.toString()),
                        "Redirect loop at " + Redact.value(current.toString()) + ".");
            }
            Exchange exchange;
            try {
                exchange = exchange(current);
            } catch (IOException e) {
                return failed(
                        current,
                        FindingCode.FETCH_FAILED,
                        pointer,
                        "HTTP 200 with a JSON document",
                        Redact.shorten(Describe.cause(e), 200),
                        "Could not fetch " + Redact.value(current.toString()) + ": "
                                + Redact.shorten(Describe.cause(e), 200) + ".");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(current, FindingCode.FETCH_FAILED, pointer, null, "interrupted", "Fetch interrupted.");
            }
            if (exchange.tooLarge()) {
                return failed(
                        current,
                        FindingCode.FETCH_TOO_LARGE,
                        pointer,
                        "at most " + settings.maxBytes() + " bytes",
                        "more",
                        Redact.value(current.toString()) + " answered with more than " + settings.maxBytes()
                                + " bytes.");
            }
            HttpResponse<byte[]> response = exchange.response();
            int status = response.statusCode();
            Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return failed(
                            current,
                            FindingCode.FETCH_FAILED,
                            pointer,
                            "a Location header",
                            "HTTP " + status + " without Location",
                            "Redirect without a Location from " + Redact.value(current.toString()) + ".");
                }
                if (hop >= maxRedirects) {
                    return failed(
                            current,
                            FindingCode.FETCH_TOO_MANY_REDIRECTS,
                            pointer,
                            "at most " + maxRedirects + " redirects",
                            (hop + 1) + " redirects",
                            "More than " + maxRedirects + " redirects from " + Redact.value(uri.toString()) + ".");
                }
                try {
                    current = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return failed(
                            current,
                            FindingCode.FETCH_FAILED,
                            pointer,
                            "a valid Location",
                            Redact.value(location.get()),
                            "Redirect to an unusable Location.");
                }
                continue;
            }
            if (status != 200) {
                Finding problem = Finding.error(
                        FindingCode.FETCH_FAILED,
                        pointer,
                        "HTTP 200",
                        "HTTP " + status,
                        Redact.value(current.toString()) + " answered HTTP " + status + ".");
                return new Answer(current, status, challenge, null, problem);
            }
            return json(current, response, pointer);
        }
    }

    private Answer json(URI current, HttpResponse<byte[]> response, String pointer) {
        String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok() || !parsed.node().isObject()) {
            String detail = parsed.ok() ? "JSON but not an object" : parsed.detail();
            Finding problem = Finding.error(
                    FindingCode.FETCH_NOT_JSON,
                    pointer,
                    "a JSON object",
                    "Content-Type " + Redact.value(contentType) + ", starts with " + Redact.shorten(text.strip(), 40),
                    Redact.value(current.toString()) + " did not answer with a JSON object ("
                            + Redact.shorten(detail, 120) + ").");
            return new Answer(current, 200, Optional.empty(), null, problem);
        }
        return new Answer(current, 200, Optional.empty(), parsed.node(), null);
    }

    /** A response, or none because the body passed the size cap. */
    private record Exchange(HttpResponse<byte[]> response, boolean tooLarge) {}

    /** The read timeout bounds the whole exchange, body included, as for JWKS URLs. */
    private Exchange exchange(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(
                request,
                info -> info.statusCode() == 200
                        ? new CappedBody(settings.maxBytes())
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            return new Exchange(pending.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS), false);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new java.net.http.HttpTimeoutException(
                    "no complete answer within " + settings.readTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io
                    && io.getClass() == IOException.class
                    && String.valueOf(io.getMessage()).startsWith("response larger than")) {
                return new Exchange(null, true);
            }
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static Answer failed(
            URI uri, FindingCode code, String pointer, String expected, String actual, String message) {
        return new Answer(uri, 0, Optional.empty(), null, Finding.error(code, pointer, expected, actual, message));
    }
}
