package dev.tokencontract.spring.boot;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether one issuer's keys can be loaded now: fetches its JWK set (through its discovery document when no
 * JWKS URL is configured) with short timeouts, no redirects and a size cap, and remembers the last success.
 * Probes at most once per {@code minInterval}, so a polled health endpoint cannot turn into load on the
 * identity provider.
 */
final class KeySourceProbe {
    static final int MAX_BYTES = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** One probe's outcome. */
    record Result(
            String issuer,
            String jwksUri,
            boolean reachable,
            int keys,
            Optional<Instant> lastRefresh,
            Optional<String> error,
            Instant checkedAt) {}

    private final TokencontractProperties.Issuer issuer;
    private final Duration minInterval;
    private final Clock clock;
    private Result last;
    private Instant lastSuccess;

    KeySourceProbe(TokencontractProperties.Issuer issuer, Duration minInterval, Clock clock) {
        this.issuer = issuer;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    synchronized Result check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.checkedAt().plus(minInterval))) {
            return last;
        }
        String jwksUri = configuredJwks().orElse("(discovery) " + issuer.issuerUri());
        try {
            URI uri = configuredJwks().map(URI::create).orElseGet(this::discoveredJwks);
            jwksUri = uri.toString();
            int keys = JWKSet.parse(fetch(uri)).getKeys().size();
            if (keys == 0) {
                throw new ProbeException("the JWK set holds no key");
            }
            lastSuccess = now;
            last = new Result(issuer.issuerUri(), jwksUri, true, keys, Optional.of(now), Optional.empty(), now);
        } catch (ProbeException | java.text.ParseException | IllegalArgumentException e) {
            last = new Result(
                    issuer.issuerUri(),
                    jwksUri,
                    false,
                    0,
                    Optional.ofNullable(lastSuccess),
                    Optional.of(String.valueOf(e.getMessage())),
                    now);
        }
        return last;
    }

    private Optional<String> configuredJwks() {
        return Optional.ofNullable(issuer.jwksUri()).filter(uri -> !uri.isBlank());
    }

    private URI discoveredJwks() {
        String base = issuer.issuerUri().replaceAll("/+$", "");
        URI discovery = URI.create(base + "/.well-known/openid-configuration");
        try {
            String jwks = JSONObjectUtils.getString(JSONObjectUtils.parse(fetch(discovery)), "jwks_uri");
            if (jwks == null) {
                throw new ProbeException("discovery document " + discovery + " names no jwks_uri");
            }
            return URI.create(jwks);
        } catch (java.text.ParseException e) {
            throw new ProbeException("discovery document " + discovery + " is not JSON: " + e.getMessage());
        }
    }

    private static String fetch(URI uri) {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new ProbeException(uri + " answered HTTP " + response.statusCode());
                }
                if (bytes.length > MAX_BYTES) {
                    throw new ProbeException(uri + " answered more than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ProbeException(uri + " unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException(uri + ": interrupted");
        }
    }

    /** Why the keys could not be loaded, for the health details. */
    private static final class ProbeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeException(String message) {
            super(message);
        }
    }
}
