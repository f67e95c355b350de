package dev.tokencontract.spring;

import dev.tokencontract.spring.internal.Responses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Streamable HTTP transport's DNS-rebinding defence (MCP spec, "Security Warning"): a request to the MCP
 * endpoint whose {@code Origin} is not allowed gets 403 before any token work. Allowed: the resource's own
 * origin, loopback origins (any port), and the configured ones. A request without {@code Origin} (not from a
 * browser page) is not affected.
 */
public final class McpOriginFilter extends OncePerRequestFilter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String endpoint;
    private final Set<String> allowed;

    public McpOriginFilter(String endpoint, String resource, List<String> allowedOrigins) {
        this.endpoint = endpoint;
        this.allowed = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(origin(resource)),
                        allowedOrigins.stream().map(McpOriginFilter::origin))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI()
                .substring(request.getContextPath().length())
                .equals(endpoint);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !allows(origin)) {
            Responses.json(
                    response,
                    403,
                    Map.of(
                            "error",
                            "origin_not_allowed",
                            "error_description",
                            "this origin may not call the MCP endpoint"));
            return;
        }
        chain.doFilter(request, response);
    }

    boolean allows(String origin) {
        String normalized;
        try {
            normalized = origin(origin);
        } catch (IllegalArgumentException e) {
            return false; // "null" (sandboxed pages) and garbage are never allowed
        }
        if (allowed.contains(normalized)) {
            return true;
        }
        URI uri = URI.create(normalized);
        return LOOPBACK.contains(uri.getHost()) || LOOPBACK.contains("[" + uri.getHost() + "]");
    }

    /** {@code scheme://host[:port]} in lower case, default ports dropped. */
    static String origin(String value) {
        URI uri = URI.create(value.trim());
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("not an http(s) origin: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
