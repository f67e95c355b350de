package dev.tokencontract.idp.internal;

import java.net.URI;
import java.util.List;

/**
 * The well-known URLs to try, in the order MCP 2025-11-25 ("Authorization Server Metadata Discovery" and
 * "Protected Resource Metadata Discovery Requirements") gives them.
 */
public final class WellKnown {
    private WellKnown() {}

    /**
     * For an issuer with a path ({@code https://auth.example.com/tenant1}): RFC 8414 path insertion, OpenID
     * Connect path insertion, OpenID Connect path appending. Without a path: RFC 8414, then OpenID Connect.
     * A terminating '/' is removed before inserting (RFC 8414 section 3.1).
     */
    public static List<URI> authorizationServer(URI issuer) {
        String origin = origin(issuer);
        String path = trimmedPath(issuer);
        if (path.isEmpty()) {
            return List.of(
                    URI.create(origin + "/.well-known/oauth-authorization-server"),
                    URI.create(origin + "/.well-known/openid-configuration"));
        }
        return List.of(
                URI.create(origin + "/.well-known/oauth-authorization-server" + path),
                URI.create(origin + "/.well-known/openid-configuration" + path),
                URI.create(origin + path + "/.well-known/openid-configuration"));
    }

    /** For an MCP endpoint with a path: the path-suffixed RFC 9728 URL first, then the root one. */
    public static List<URI> protectedResource(URI resource) {
        String origin = origin(resource);
        String path = trimmedPath(resource);
        if (path.isEmpty()) {
            return List.of(URI.create(origin + "/.well-known/oauth-protected-resource"));
        }
        return List.of(
                URI.create(origin + "/.well-known/oauth-protected-resource" + path),
                URI.create(origin + "/.well-known/oauth-protected-resource"));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String trimmedPath(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
