package dev.tokencontract.mcp.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may talk to the MCP endpoint (the transport spec's "servers MUST validate the Origin
 * header": DNS rebinding), and which of them get CORS headers. A request without {@code Origin} is not from a
 * browser page and is not judged here. Origins are compared in their serialized form
 * ({@code scheme://host[:port]}, scheme and host lower-cased, default port dropped).
 */
public final class OriginPolicy {
    /** Headers a browser client must be able to read: the challenge and the session. */
    public static final String EXPOSED_HEADERS = "WWW-Authenticate, Mcp-Session-Id, Mcp-Protocol-Version";

    static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed;
    private final boolean loopback;
    private final Set<String> cors;

    private OriginPolicy(Set<String> allowed, boolean loopback, Set<String> cors) {
        this.allowed = Set.copyOf(allowed);
        this.loopback = loopback;
        this.cors = Set.copyOf(cors);
    }

    /**
     * @param resource the server's canonical URI: its origin is always allowed
     * @param origins  the allow-list; {@code null} means the default, loopback origins on any port
     * @param cors     origins that get CORS headers (allowed as well)
     */
    public static OriginPolicy of(String resource, List<String> origins, List<String> cors) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(canonical(resource).orElseThrow());
        if (origins != null) {
            origins.forEach(o -> allowed.add(require(o)));
        }
        Set<String> corsSet = new LinkedHashSet<>();
        cors.forEach(o -> corsSet.add(require(o)));
        allowed.addAll(corsSet);
        return new OriginPolicy(allowed, origins == null, corsSet);
    }

    /** True when the request carries no {@code Origin}, or one on the allow-list. */
    public boolean allows(String originHeader) {
        if (originHeader == null) {
            return true;
        }
        Optional<String> origin = canonical(originHeader);
        if (origin.isEmpty()) {
            return false; // "null" (sandboxed or file: pages) and garbage are foreign
        }
        return allowed.contains(origin.get()) || (loopback && isLoopback(origin.get()));
    }

    /** Adds CORS headers when {@code originHeader} is on the CORS list; returns whether it is. */
    public boolean addCorsHeaders(String originHeader, HttpServletResponse response) {
        response.addHeader("Vary", "Origin");
        Optional<String> origin = originHeader == null ? Optional.empty() : canonical(originHeader);
        if (origin.isEmpty() || !cors.contains(origin.get())) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", originHeader);
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return true;
    }

    /** The answer to a CORS preflight from an origin on the CORS list. */
    public static void preflight(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(204);
    }

    /** The serialized origin of a URI or an Origin header value, or empty when it has none. */
    public static Optional<String> canonical(String value) {
        if (value == null || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** For log lines: at most 100 printable characters of what the client sent. */
    public static String printable(String origin) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < origin.length() && i < 100; i++) {
            char c = origin.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static boolean isLoopback(String origin) {
        URI uri = URI.create(origin);
        return (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                && LOOPBACK_HOSTS.contains(uri.getHost());
    }

    /** The serialized origin, or IllegalArgumentException when {@code origin} is not one (a path, no host). */
    public static String require(String origin) {
        String path = origin == null ? null : URI.create(origin.strip()).getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("an origin has no path: " + origin);
        }
        return canonical(origin)
                .orElseThrow(() -> new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin));
    }
}
