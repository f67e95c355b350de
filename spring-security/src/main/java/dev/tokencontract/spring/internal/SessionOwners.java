package dev.tokencontract.spring.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which principal ({@code iss} and {@code sub}) opened which MCP session, so a session id that leaks cannot
 * be used by anyone else. Bounded: past {@code max} sessions the oldest binding is forgotten, and that
 * session is bound again to whoever next presents it with a valid token. Thread-safe.
 */
public final class SessionOwners {
    private final int max;
    private final Map<String, String> owners;

    public SessionOwners(int max) {
        this.max = max;
        this.owners = new LinkedHashMap<>(16, 0.75f, false);
    }

    /** Binds the session to the owner if it is new; true when the owner may use it. */
    public synchronized boolean claim(String session, String owner) {
        String current = owners.get(session);
        if (current == null) {
            if (owners.size() >= max) {
                owners.remove(owners.keySet().iterator().next());
            }
            owners.put(session, owner);
            return true;
        }
        return current.equals(owner);
    }

    public synchronized boolean ownedByOther(String session, String owner) {
        String current = owners.get(session);
        return current != null && !current.equals(owner);
    }

    public synchronized void forget(String session) {
        owners.remove(session);
    }
}
