package dev.tokencontract.examples.agent;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an MCP client does on first contact (MCP authorization 2025-11-25): call the server, read the 401's
 * {@code WWW-Authenticate}, fetch the protected resource metadata it points to, then the authorization
 * server's metadata (RFC 8414 first, then OpenID Connect discovery) for the token endpoint.
 *
 * @param resource             the resource the metadata names (what tokens must be requested for)
 * @param resourceMetadataUrl  from the challenge
 * @param authorizationServer  the first authorization server the metadata lists
 * @param tokenEndpoint        from the authorization server's metadata
 * @param challengedScopes     the {@code scope} of the challenge, may be empty
 */
record Discovery(String resource, String resourceMetadataUrl, String authorizationServer, String tokenEndpoint, String challengedScopes) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"");

    static Discovery discover(String mcpUrl) throws Exception {
        HttpResponse<String> probe = Http.probe(mcpUrl);
        if (probe.statusCode() != 401) {
            throw new IllegalStateException(mcpUrl + " answered " + probe.statusCode() + " without a token; expected 401 with a challenge");
        }
        Map<String, String> challenge = challenge(probe.headers().firstValue("WWW-Authenticate").orElse(""));
        String metadataUrl = challenge.get("resource_metadata");
        if (metadataUrl == null) {
            throw new IllegalStateException("the 401 has no resource_metadata in WWW-Authenticate");
        }
        JsonNode metadata = fetch(metadataUrl);
        String resource = metadata.path("resource").asString("");
        String server = metadata.path("authorization_servers").path(0).asString("");
        if (server.isEmpty()) {
            throw new IllegalStateException("the protected resource metadata lists no authorization server");
        }
        JsonNode as = null;
        for (String url : wellKnown(server)) {
            try {
                as = fetch(url);
                break;
            } catch (IllegalStateException e) {
                // try the next well-known location, as the spec's priority order says
            }
        }
        if (as == null || !server.equals(as.path("issuer").asString(""))) {
            throw new IllegalStateException("no authorization server metadata for " + server);
        }
        return new Discovery(resource, metadataUrl, server, as.path("token_endpoint").asString(""), challenge.getOrDefault("scope", ""));
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

    private static List<String> wellKnown(String issuer) {
        URI uri = URI.create(issuer);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return path.isEmpty()
                ? List.of(origin + "/.well-known/oauth-authorization-server", origin + "/.well-known/openid-configuration")
                : List.of(origin + "/.well-known/oauth-authorization-server" + path, origin + "/.well-known/openid-configuration" + path,
                        origin + path + "/.well-known/openid-configuration");
    }

    private static JsonNode fetch(String url) throws Exception {
        HttpResponse<String> response = Http.get(url);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return Http.json(response.body());
    }
}
