package dev.tokencontract.spring;

import dev.tokencontract.mcp.ResourceUri;
import dev.tokencontract.spring.internal.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the RFC 9728 protected resource metadata document the {@code resource_metadata} challenges point to,
 * at {@code /.well-known/oauth-protected-resource} followed by the resource's path:
 * the resource (the audience tokens must name), its authorization servers (the trusted issuers) and the
 * scopes the contract's tool rules name.
 */
public final class McpResourceMetadataFilter extends OncePerRequestFilter {
    private final Set<String> paths;
    private final Map<String, Object> document;

    public McpResourceMetadataFilter(
            String resource, List<String> authorizationServers, List<String> scopes, String resourceName) {
        String canonical = ResourceUri.canonical(resource);
        // only the path-suffixed form: a document at the root would have to name the root as its resource (RFC 9728
        // 3.3)
        this.paths = Set.of(ResourceUri.metadataPath(canonical));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", canonical);
        doc.put("authorization_servers", List.copyOf(authorizationServers));
        doc.put("scopes_supported", List.copyOf(scopes));
        doc.put("bearer_methods_supported", List.of("header"));
        if (resourceName != null && !resourceName.isBlank()) {
            doc.put("resource_name", resourceName);
        }
        this.document = java.util.Collections.unmodifiableMap(doc);
    }

    /** The paths the document is served at. */
    public Set<String> paths() {
        return paths;
    }

    /** Every well-known metadata path is answered here: Spring Security 7 would serve its own document at the others. */
    private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(WELL_KNOWN) && !path.startsWith(WELL_KNOWN + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!paths.contains(
                request.getRequestURI().substring(request.getContextPath().length()))) {
            // a document at the root would have to name the root as its resource (RFC 9728 3.3); Spring Security's
            // own filter would describe the request URL and claim certificate-bound tokens
            Responses.json(response, 404, Map.of("error", "not_found"));
            return;
        }
        if (!"GET".equalsIgnoreCase(request.getMethod()) && !"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            Responses.json(response, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        Responses.json(response, 200, document);
    }
}
