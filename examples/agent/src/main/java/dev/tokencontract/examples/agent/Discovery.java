package dev.tokencontract.examples.agent;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an MCP client does on first contact (MCP authorization 2025-11-25): call the server, read the 401's
 * {@code WWW-Authenticate}, fetch the protected resource metadata it points to (or, without
 * {@code resource_metadata}, the well-known URLs built from the server's URL), <b>check that the metadata's
 * {@code resource} is the server that was called</b> (RFC 9728 section 3.3: otherwise a server could send the
 * client's credentials anywhere), then the authorization server's metadata. A server without protected resource
 * metadata is treated as a 2025-03-26 server: its origin is the authorization server.
 *
 * @param resource             what tokens are requested for (RFC 8707)
 * @param resourceMetadataUrl  where the protected resource metadata was found, or null (2025-03-26 server)
 * @param authorizationServer  the authorization server (its issuer)
 * @param as                   the authorization server's metadata (or the 2025-03-26 default endpoints)
 * @param challengedScopes     the {@code scope} of the challenge, may be empty
 * @param scopesSupported      the metadata's {@code scopes_supported}, may be empty
 */
record Discovery(
        String resource,
        String resourceMetadataUrl,
        String authorizationServer,
        JsonNode as,
        String challengedScopes,
        List<String> scopesSupported) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"");

    String tokenEndpoint() {
        return as.path("token_endpoint").asString("");
    }

    /** The scope to ask for: the challenge's, else everything the resource lists, else none (RFC 6749 default). */
    String scopeToRequest() {
        return !challengedScopes.isEmpty() ? challengedScopes : String.join(" ", scopesSupported);
    }

    /** From the {@code WWW-Authenticate} of a 401 the server at {@code mcpUrl} answered. */
    static Discovery discover(String mcpUrl, String wwwAuthenticate) throws Exception {
        Map<String, String> challenge = challenge(wwwAuthenticate == null ? "" : wwwAuthenticate);
        String scope = challenge.getOrDefault("scope", "");
        URI server = URI.create(mcpUrl);
        String origin = server.getScheme() + "://" + server.getRawAuthority();
        String path = server.getRawPath() == null || server.getRawPath().equals("/") ? "" : server.getRawPath();
        List<String> candidates = new ArrayList<>();
        if (challenge.containsKey("resource_metadata")) {
            candidates.add(challenge.get("resource_metadata"));
        } else { // the spec's fallback: the path-suffixed well-known URL, then the root one
            if (!path.isEmpty()) {
                candidates.add(origin + "/.well-known/oauth-protected-resource" + path);
            }
            candidates.add(origin + "/.well-known/oauth-protected-resource");
        }
        for (String url : candidates) {
            HttpResponse<String> response = Http.get(url);
            if (response.statusCode() != 200) {
                continue;
            }
            JsonNode metadata = Http.json(response.body());
            String resource = metadata.path("resource").asString("");
            if (!canonical(resource).equals(canonical(mcpUrl))
                    && !canonical(resource).equals(canonical(origin))) {
                throw new IllegalStateException("the protected resource metadata at " + url + " names resource '"
                        + resource + "', not " + mcpUrl + ": refusing to sign in for it (RFC 9728 section 3.3)");
            }
            String as = metadata.path("authorization_servers").path(0).asString("");
            if (as.isEmpty()) {
                throw new IllegalStateException("the protected resource metadata lists no authorization server");
            }
            List<String> supported = new ArrayList<>();
            metadata.path("scopes_supported").values().forEach(v -> supported.add(v.asString("")));
            return new Discovery(
                    resource, url, as, authorizationServerMetadata(as, true), scope, List.copyOf(supported));
        }
        // no protected resource metadata: a 2025-03-26 server, whose origin is its authorization server
        return new Discovery(
                canonical(mcpUrl), null, origin, authorizationServerMetadata(origin, false), scope, List.of());
    }

    /** RFC 8414 then OpenID Connect discovery, in the spec's order; for a 2025-03-26 server the default paths. */
    private static JsonNode authorizationServerMetadata(String issuer, boolean required) throws Exception {
        URI uri = URI.create(issuer);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        List<String> urls = path.isEmpty()
                ? List.of(
                        origin + "/.well-known/oauth-authorization-server",
                        origin + "/.well-known/openid-configuration")
                : List.of(
                        origin + "/.well-known/oauth-authorization-server" + path,
                        origin + "/.well-known/openid-configuration" + path,
                        origin + path + "/.well-known/openid-configuration");
        for (String url : urls) {
            HttpResponse<String> response = Http.get(url);
            if (response.statusCode() == 200) {
                JsonNode as = Http.json(response.body());
                if (!issuer.equals(as.path("issuer").asString("")) && required) {
                    throw new IllegalStateException(
                            url + " names issuer '" + as.path("issuer").asString("") + "', not " + issuer);
                }
                if (!as.path("code_challenge_methods_supported").toString().contains("\"S256\"")) {
                    throw new IllegalStateException(
                            "the authorization server does not list PKCE S256 in code_challenge_methods_supported: refusing to proceed");
                }
                return as;
            }
        }
        if (required) {
            throw new IllegalStateException("no authorization server metadata for " + issuer);
        }
        // 2025-03-26: servers without metadata use these default paths (PKCE is required of every client anyway)
        return Http.json("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token","registration_endpoint":"%1$s/register",
                 "code_challenge_methods_supported":["S256"],"token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(origin));
    }

    static Map<String, String> challenge(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return params;
        }
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    /** Scheme and host lower-cased, default port and one trailing slash dropped: how resource identifiers compare. */
    static String canonical(String uri) {
        try {
            URI u = URI.create(uri.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return uri;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
