package dev.tokencontract.mcp.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which principal opened which MCP session. The transport hands out {@code Mcp-Session-Id}; the filter sees it
 * leave (the response wrapper) and binds it to the caller; a later request naming the session from anyone else
 * is refused as if the session did not exist. Entries go when the owner deletes the session. Thread-safe.
 */
public final class SessionBindings {
    /** Who a session belongs to: the same person through the same client at the same issuer and tenant. */
    public record Principal(String issuer, String subject, String tenant, String clientId) {}

    /** What a request naming a session may do. */
    public enum Check {
        OWNER,
        NOT_OWNER,
        UNBOUND
    }

    private final Map<String, Principal> owners = new ConcurrentHashMap<>();

    public Check check(String sessionId, Principal caller) {
        Principal owner = owners.get(sessionId);
        if (owner == null) {
            return Check.UNBOUND;
        }
        return owner.equals(caller) ? Check.OWNER : Check.NOT_OWNER;
    }

    public void unbind(String sessionId) {
        owners.remove(sessionId);
    }

    public int size() {
        return owners.size();
    }

    /** The owner of a session, for tests and diagnostics. */
    public Optional<Principal> owner(String sessionId) {
        return Optional.ofNullable(owners.get(sessionId));
    }

    /**
     * The response as the transport sees it: when it sets {@code Mcp-Session-Id} (the answer to
     * {@code initialize}), the session is bound to {@code caller} before any byte of the response leaves.
     */
    public HttpServletResponse binding(HttpServletResponse response, Principal caller) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                bind(name, value);
                super.setHeader(name, value);
            }

            @Override
            public void addHeader(String name, String value) {
                bind(name, value);
                super.addHeader(name, value);
            }

            private void bind(String name, String value) {
                if ("Mcp-Session-Id".equalsIgnoreCase(name) && value != null) {
                    owners.putIfAbsent(value, caller);
                }
            }
        };
    }

    /** A session id for log lines: enough to correlate, not enough to use. */
    public static String redacted(String sessionId) {
        return sessionId.length() <= 8 ? "…" : sessionId.substring(0, 8) + "…";
    }
}
