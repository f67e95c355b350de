package dev.tokencontract.examples.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory users and clients of the legacy login. Demo passwords are {@code <name>-demo}. */
public final class Directory {
    /** A person who can log in. */
    public record User(
            String username,
            String password,
            String displayName,
            List<String> tenants,
            List<String> roles,
            List<String> scopes) {}

    /** The shared service account a hub may use instead of the user (the drift the report warns about). */
    public static final User BOT = new User(
            "svc-crm-bot",
            null,
            "CRM integration bot",
            List.of("acme"),
            List.of("support", "hr", "admin"),
            List.of("crm.read", "crm.write"));

    private static final Map<String, User> USERS = Map.of(
            "alice",
                    new User(
                            "alice",
                            "alice-demo",
                            "Alice Example",
                            List.of("acme", "globex"),
                            List.of("support"),
                            List.of("crm.read", "crm.write")),
            "bob", new User("bob", "bob-demo", "Bob Viewer", List.of("acme"), List.of("viewer"), List.of("crm.read")),
            "hana", new User("hana", "hana-demo", "Hana HR", List.of("acme"), List.of("hr"), List.of("crm.read")),
            "olga",
                    new User(
                            "olga",
                            "olga-demo",
                            "Olga Admin",
                            List.of("acme", "globex"),
                            List.of("admin", "support"),
                            List.of("crm.read", "crm.write")));

    /** The public client an agent uses for the password grant. */
    public static final String AGENT_CLIENT = "crm-agent";
    /** The confidential client of the hub (token exchange and, in drift, client credentials). */
    public static final String HUB_CLIENT = "hub";

    private Directory() {}

    /** The user when the password matches (compared in constant time), else empty. */
    public static Optional<User> authenticate(String username, String password) {
        User user = username == null ? null : USERS.get(username);
        if (user == null || password == null) {
            return Optional.empty();
        }
        boolean match = MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(user) : Optional.empty();
    }

    public static Optional<User> user(String username) {
        return Optional.ofNullable(username == null ? null : USERS.get(username));
    }

    public static List<String> tenants() {
        return List.of("acme", "globex");
    }
}
