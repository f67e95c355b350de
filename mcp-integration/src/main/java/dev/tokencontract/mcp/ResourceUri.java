package dev.tokencontract.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The canonical URI of an MCP server (MCP authorization 2025-11-25, RFC 8707 section 2): an absolute
 * {@code http} or {@code https} URI with scheme and host in lower case, no user info, no fragment, no
 * default port, and no trailing slash (the form the spec asks implementations to use consistently).
 */
public final class ResourceUri {
    private ResourceUri() {}

    /**
     * The canonical form of a configured resource URI.
     *
     * @throws IllegalArgumentException when the value cannot name an MCP server (relative, fragment, user
     *                                  info, another scheme)
     */
    public static String canonical(String value) {
        return parse(value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a usable MCP server URI (absolute http(s), no fragment, no user info): "
                                + shorten(value)));
    }

    /** The canonical form, or empty when the value cannot name an MCP server (used for token audiences). */
    public static Optional<String> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 2048) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return Optional.empty();
        }
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return Optional.of(out.toString());
    }

    /** True when both values name the same MCP server after canonicalisation. */
    public static boolean sameResource(String a, String b) {
        Optional<String> left = parse(a);
        return left.isPresent() && left.equals(parse(b));
    }

    /**
     * The path of the RFC 9728 protected resource metadata document for a canonical resource URI:
     * {@code /.well-known/oauth-protected-resource} followed by the resource's path, if any.
     */
    public static String metadataPath(String canonicalResource) {
        URI uri = URI.create(canonicalResource);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return "/.well-known/oauth-protected-resource" + path;
    }

    /** The absolute URL of the metadata document (RFC 9728 section 3.1). */
    public static String metadataUrl(String canonicalResource) {
        URI uri = URI.create(canonicalResource);
        return uri.getScheme() + "://" + uri.getRawAuthority() + metadataPath(canonicalResource);
    }

    private static String shorten(String value) {
        if (value == null) {
            return "(null)";
        }
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
