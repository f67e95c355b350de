package dev.tokencontract.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The contract's {@code x-authorization} annotation: which claim values grant which operation. An
 * operation that is not listed is never granted (fail closed).
 *
 * @param scopeClaim the claim holding space-delimited scopes (default {@code scope})
 * @param rolesClaim the claim holding an array of roles (default {@code roles})
 * @param operations the rules by operation name
 */
public record AuthorizationRules(String scopeClaim, String rolesClaim, Map<String, OperationRule> operations) {

    /** Rules that grant nothing, for contracts without {@code x-authorization}. */
    public static final AuthorizationRules NONE = new AuthorizationRules("scope", "roles", Map.of());

    public AuthorizationRules {
        operations = Map.copyOf(operations);
    }

    public Optional<OperationRule> rule(String operation) {
        return Optional.ofNullable(operations.get(operation));
    }

    /**
     * What the claims lack for the operation: the missing scopes and roles, prefixed {@code scope:} and
     * {@code role:}. Empty means granted. An unknown operation lacks {@code operation:<name>}.
     */
    public List<String> missingFor(String operation, JsonNode claims) {
        OperationRule rule = operations.get(operation);
        if (rule == null) {
            return List.of("operation:" + operation);
        }
        Set<String> scopes = scopesIn(claims);
        Set<String> roles = rolesIn(claims);
        List<String> missing = new ArrayList<>();
        rule.scopes().stream().filter(s -> !scopes.contains(s)).forEach(s -> missing.add("scope:" + s));
        rule.roles().stream().filter(r -> !roles.contains(r)).forEach(r -> missing.add("role:" + r));
        return missing;
    }

    private Set<String> scopesIn(JsonNode claims) {
        JsonNode scope = claims.path(scopeClaim);
        return scope.isString()
                ? new HashSet<>(Arrays.asList(scope.stringValue().split(" ")))
                : Set.of();
    }

    private Set<String> rolesIn(JsonNode claims) {
        Set<String> roles = new HashSet<>();
        JsonNode node = claims.path(rolesClaim);
        if (node.isArray()) {
            node.values().stream().filter(JsonNode::isString).forEach(r -> roles.add(r.stringValue()));
        }
        return roles;
    }
}
