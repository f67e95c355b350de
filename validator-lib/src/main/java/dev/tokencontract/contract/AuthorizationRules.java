package dev.tokencontract.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
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
     * {@code role:}. Empty means granted. An unknown operation lacks {@code operation:<name>}. The claims are
     * read with {@link #scopesIn(JsonNode)} and {@link #rolesIn(JsonNode)}.
     */
    public List<String> missingFor(String operation, JsonNode claims) {
        return missingFor(operation, scopesIn(claims), rolesIn(claims));
    }

    /**
     * The one evaluation of an {@code x-authorization} rule (the MCP filter, the Spring Security guard and the
     * CLI's {@code access} all call it): every listed scope, then every listed role, the caller lacks, prefixed
     * {@code scope:} and {@code role:}, in the contract's order. Empty means granted; an operation the contract
     * does not list lacks {@code operation:<name>} (fail closed).
     */
    public List<String> missingFor(String operation, Set<String> scopes, Set<String> roles) {
        OperationRule rule = operations.get(operation);
        if (rule == null) {
            return List.of("operation:" + operation);
        }
        List<String> missing = new ArrayList<>();
        rule.scopes().stream().filter(s -> !scopes.contains(s)).forEach(s -> missing.add("scope:" + s));
        rule.roles().stream().filter(r -> !roles.contains(r)).forEach(r -> missing.add("role:" + r));
        return List.copyOf(missing);
    }

    /**
     * The scopes a claim set grants: the {@link #scopeClaim()} string split on spaces (RFC 6749 section 3.3);
     * empty when the claim is absent, blank or not a string.
     */
    public Set<String> scopesIn(JsonNode claims) {
        JsonNode scope = claims == null ? null : claims.get(scopeClaim);
        if (scope == null || !scope.isString() || scope.stringValue().isBlank()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(
                new LinkedHashSet<>(Arrays.asList(scope.stringValue().trim().split(" +"))));
    }

    /** The roles a claim set holds: the string members of the {@link #rolesClaim()} array; empty otherwise. */
    public Set<String> rolesIn(JsonNode claims) {
        Set<String> roles = new LinkedHashSet<>();
        JsonNode node = claims == null ? null : claims.get(rolesClaim);
        if (node != null && node.isArray()) {
            node.values().stream().filter(JsonNode::isString).forEach(r -> roles.add(r.stringValue()));
        }
        return Collections.unmodifiableSet(roles);
    }
}
