package dev.tokencontract.validator.internal;

import dev.tokencontract.validator.JwksUrlSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keys from a JWKS URL: cached for a TTL, refetched on an unknown {@code kid} no more often than the
 * minimum refresh interval, with connect and read timeouts and a response size cap. A failed refetch
 * keeps serving the last good keys. Thread-safe: readers see an immutable snapshot; fetches are serialised.
 */
public final class JwksUrlKeyProvider implements KeyProvider {
    private final URI uri;
    private final JwksUrlSettings settings;
    private final HttpClient client;
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.MIN;
    private volatile int fetches;

    private record Snapshot(JwkKeys.Loaded loaded, Instant fetchedAt) {}

    public JwksUrlKeyProvider(URI uri, JwksUrlSettings settings) {
        this.uri = Objects.requireNonNull(uri);
        this.settings = Objects.requireNonNull(settings);
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public KeyLookup lookup(String kid) {
        Snapshot current = snapshot;
        Instant now = settings.clock().instant();
        boolean stale = current == null || now.isAfter(current.fetchedAt().plus(settings.cacheTtl()));
        boolean unknownKid = current != null && kid != null
                && current.loaded().keys().stream().noneMatch(k -> kid.equals(k.kid()));
        if (stale || unknownKid) {
            String failure = refresh(now, current == null ? null : current.fetchedAt());
            current = snapshot;
            if (current == null) {
                return KeyLookup.unavailable(failure == null ? "JWKS not fetched yet" : failure);
            }
        }
        return KeyLookup.of(current.loaded().keys());
    }

    /** Fetches unless one was attempted within the minimum interval; returns the failure, or null. */
    private synchronized String refresh(Instant now, Instant seenFetchedAt) {
        Snapshot current = snapshot;
        if (current != null && !Objects.equals(current.fetchedAt(), seenFetchedAt)) {
            return null; // another thread refreshed while this one waited
        }
        if (current != null && now.isBefore(lastAttempt.plus(settings.minRefreshInterval()))) {
            return null; // rate limit: keep serving what we have
        }
        lastAttempt = now;
        fetches++;
        try {
            String body = fetch();
            snapshot = new Snapshot(JwkKeys.fromJwkSet(body), now);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "JWKS " + uri + " unavailable: " + Redact.shorten(e.getMessage(), 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "JWKS " + uri + " fetch interrupted";
        }
    }

    private String fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(settings.maxBytes() + 1);
            if (bytes.length > settings.maxBytes()) {
                throw new IOException("response larger than " + settings.maxBytes() + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** How many fetches were attempted; for tests and metrics. */
    public int fetchCount() {
        return fetches;
    }

    @Override
    public String description() {
        Snapshot current = snapshot;
        return "JWKS URL " + uri + (current == null ? "" : " (" + current.loaded().keys().size() + " keys)");
    }

    @Override
    public List<String> warnings() {
        Snapshot current = snapshot;
        return current == null ? List.of() : current.loaded().warnings();
    }
}
