package dev.tokencontract.idp;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Keeps leaked private key material out of reports: a JWK set with its private members' values replaced. */
public final class JwkRedaction {
    /** RFC 7517/7518 members that only a private (or symmetric) key has. */
    public static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    /** What a private member's value becomes in {@link #redacted}. */
    public static final String REDACTED = "(redacted)";

    private JwkRedaction() {}

    /**
     * A copy of {@code jwks} in which every private member of every key has its value replaced by
     * {@value #REDACTED}, so a report never repeats leaked key material. Anything that is not a set is copied.
     */
    public static JsonNode redacted(JsonNode jwks) {
        JsonNode copy = jwks.deepCopy();
        for (JsonNode key : copy.path("keys")) {
            if (key instanceof ObjectNode object) {
                PRIVATE_MEMBERS.stream().filter(object::has).forEach(name -> object.put(name, REDACTED));
            }
        }
        return copy;
    }
}
