package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.validator.JwksUrlSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Keys of an issuer found through its metadata: on first use, {@code <issuer>/.well-known/openid-configuration}
 * (then RFC 8414's {@code /.well-known/oauth-authorization-server}) is fetched, its {@code issuer} must equal the
 * configured one exactly (a mix-up defence), and its {@code jwks_uri} is then served by a
 * {@link JwksUrlKeyProvider} with the same settings. Nothing is fetched at construction. Failed discovery is
 * retried no more often than the minimum refresh interval.
 */
public final class DiscoveryKeyProvider implements KeyProvider {
    private final URI issuer;
    private final JwksUrlSettings settings;
    private final HttpClient client;
    private volatile JwksUrlKeyProvider delegate;
    private volatile Instant lastAttempt = Instant.MIN;
    private volatile String lastFailure;

    public DiscoveryKeyProvider(URI issuer, JwksUrlSettings settings) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public KeyLookup lookup(String kid) {
        JwksUrlKeyProvider current = delegate;
        if (current == null) {
            current = discover();
            if (current == null) {
                return KeyLookup.unavailable(
                        lastFailure == null ? "discovery for " + issuer + " not done yet" : lastFailure);
            }
        }
        return current.lookup(kid);
    }

    private synchronized JwksUrlKeyProvider discover() {
        if (delegate != null) {
            return delegate;
        }
        Instant now = settings.clock().instant();
        if (now.isBefore(lastAttempt.plus(settings.minRefreshInterval()))) {
            return null;
        }
        lastAttempt = now;
        String base = issuer.toString().endsWith("/")
                ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
        String origin = base.substring(0, base.length() - (path.endsWith("/") ? path.length() - 1 : path.length()));
        List<URI> candidates = List.of(
                URI.create(base + "/.well-known/openid-configuration"),
                URI.create(origin + "/.well-known/oauth-authorization-server" + (path.equals("/") ? "" : path)));
        List<String> failures = new java.util.ArrayList<>();
        for (URI candidate : candidates) {
            try {
                URI jwksUri = jwksUri(fetch(candidate), candidate);
                delegate = new JwksUrlKeyProvider(jwksUri, settings);
                lastFailure = null;
                return delegate;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(candidate + ": " + Redact.shorten(String.valueOf(e.getMessage()), 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted");
                break;
            }
        }
        lastFailure = "discovery for " + issuer + " failed: " + String.join("; ", failures);
        return null;
    }

    private URI jwksUri(String body, URI from) {
        StrictJson.Parsed parsed = StrictJson.parse(body);
        if (!parsed.ok() || !parsed.node().isObject()) {
            throw new IllegalArgumentException("not a metadata document");
        }
        JsonNode doc = parsed.node();
        String named = doc.path("issuer").asString("");
        if (!named.equals(issuer.toString())) {
            throw new IllegalArgumentException(
                    "the document names issuer '" + Redact.value(named) + "', not " + issuer);
        }
        String jwks = doc.path("jwks_uri").asString("");
        URI uri;
        try {
            uri = URI.create(jwks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jwks_uri is not a URI");
        }
        if (!uri.isAbsolute()
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("jwks_uri '" + Redact.value(jwks) + "' is not an absolute http(s) URL");
        }
        if ("http".equals(uri.getScheme()) && !"http".equals(from.getScheme())) {
            throw new IllegalArgumentException("jwks_uri downgrades to http");
        }
        return uri;
    }

    private String fetch(URI uri) throws IOException, InterruptedException {
        return BoundedGet.text(client, uri, "application/json", settings.readTimeout(), settings.maxBytes());
    }

    @Override
    public String description() {
        JwksUrlKeyProvider current = delegate;
        return current == null
                ? "keys of " + issuer + " (by discovery)"
                : current.description() + " (discovered from " + issuer + ")";
    }

    @Override
    public List<String> warnings() {
        JwksUrlKeyProvider current = delegate;
        return current == null ? List.of() : current.warnings();
    }
}
