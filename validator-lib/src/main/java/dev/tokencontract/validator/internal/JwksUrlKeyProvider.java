package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.validator.JwksUrlSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keys from a JWKS URL: cached for a TTL, refetched on an unknown {@code kid} no more often than the
 * minimum refresh interval, with connect and read timeouts and a response size cap. A failed refetch
 * keeps serving the last good keys; while no keys were ever fetched, failed attempts are rate limited too.
 * Thread-safe: readers see an immutable snapshot; fetches are serialised.
 */
public final class JwksUrlKeyProvider implements KeyProvider {
    private final URI uri;
    private final JwksUrlSettings settings;
    private final HttpClient client;
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.MIN;
    private volatile String lastFailure;
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
        boolean unknownKid = current != null
                && kid != null
                && current.loaded().keys().stream().noneMatch(k -> kid.equals(k.kid()));
        if (stale || unknownKid) {
            String failure = refresh(now, current == null ? null : current.fetchedAt());
            current = snapshot;
            if (current == null) {
                return KeyLookup.unavailable(failure == null ? "JWKS not fetched yet" : failure);
            }
        }
        String failure = lastFailure;
        return failure == null
                ? KeyLookup.of(current.loaded().keys())
                : KeyLookup.stale(current.loaded().keys(), failure);
    }

    /** Fetches unless one was attempted within the minimum interval; returns the failure, or null. */
    private synchronized String refresh(Instant now, Instant seenFetchedAt) {
        Snapshot current = snapshot;
        if (current != null && !Objects.equals(current.fetchedAt(), seenFetchedAt)) {
            return null; // another thread refreshed while this one waited
        }
        if (now.isBefore(lastAttempt.plus(settings.minRefreshInterval()))) {
            // rate limit: keep serving what we have; with nothing yet, a down IdP is not hammered either
            return current == null ? lastFailure : null;
        }
        lastAttempt = now;
        fetches++;
        try {
            String body = fetch();
            snapshot = new Snapshot(JwkKeys.fromJwkSet(body), now);
            lastFailure = null;
            return null;
        } catch (IOException | IllegalArgumentException e) {
            lastFailure = "JWKS " + uri + " unavailable: " + Redact.shorten(describe(e), 200);
            return lastFailure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "JWKS " + uri + " fetch interrupted";
        }
    }

    /** "HTTP 500", "not a JWK set: ...", "connection refused": a cause a person can act on, never a stack trace. */
    private static String describe(Exception e) {
        boolean plain = e.getClass() == IOException.class || e instanceof IllegalArgumentException;
        if (plain && e.getMessage() != null) {
            return e.getMessage();
        }
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
        } else {
            what = "I/O failure (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? what : what + ": " + e.getMessage();
    }

    /** The read timeout bounds the whole exchange, body included: a server that stalls mid-body is cut off. */
    private String fetch() throws IOException, InterruptedException {
        return BoundedGet.text(
                client, uri, "application/jwk-set+json, application/json", settings.readTimeout(), settings.maxBytes());
    }

    /** How many fetches were attempted; for tests and metrics. */
    public int fetchCount() {
        return fetches;
    }

    @Override
    public String description() {
        Snapshot current = snapshot;
        return "JWKS URL " + uri
                + (current == null ? "" : " (" + current.loaded().keys().size() + " keys)");
    }

    @Override
    public List<String> warnings() {
        Snapshot current = snapshot;
        return current == null ? List.of() : current.loaded().warnings();
    }
}
