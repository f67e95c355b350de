package dev.tokencontract.contract.internal;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.JoseRules;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The lint rules and annotation parsing specific to {@code jwt-access-token} contracts. */
final class TokenContractRules {
    private static final List<String> ACCESS_TOKEN_CLAIMS = List.of("iss", "aud", "exp");

    private TokenContractRules() {}

    static void requiredClaims(JsonNode document, List<Finding> findings) {
        Set<String> required = new LinkedHashSet<>();
        document.path("required").values().forEach(name -> required.add(name.asString("")));
        for (String claim : ACCESS_TOKEN_CLAIMS) {
            if (!required.contains(claim)) {
                findings.add(Finding.error(
                        FindingCode.LINT_CLAIM_NOT_REQUIRED,
                        "/required",
                        "'" + claim + "' in required",
                        "(not required)",
                        "Access-token contracts must require '" + claim + "'."));
            }
        }
    }

    static JoseRules jose(JsonNode document, List<Finding> findings) {
        JsonNode jose = document.path("x-jose");
        if (!jose.isObject()) {
            findings.add(Finding.error(
                    FindingCode.LINT_JOSE_MISSING,
                    "/x-jose",
                    "an x-jose object with alg",
                    "(absent)",
                    "A token contract must say which algorithms it allows."));
            return null;
        }
        Set<String> algorithms = new LinkedHashSet<>();
        JsonNode algs = jose.path("alg");
        for (int i = 0; i < algs.size(); i++) {
            String alg = algs.get(i).asString("");
            if (alg.equalsIgnoreCase("none")) {
                findings.add(Finding.error(
                        FindingCode.LINT_ALG_NONE,
                        "/x-jose/alg/" + i,
                        "a signing algorithm",
                        alg,
                        "'none' is listed as an allowed algorithm."));
            } else if (!alg.isEmpty()) {
                algorithms.add(alg);
            }
        }
        boolean hmac = algorithms.stream().anyMatch(a -> a.startsWith("HS"));
        if (hmac && algorithms.stream().anyMatch(a -> !a.startsWith("HS"))) {
            findings.add(Finding.warning(
                    FindingCode.LINT_ALG_MIXED,
                    "/x-jose/alg",
                    "only HS* or only public-key algorithms",
                    String.join(",", algorithms),
                    "HMAC and public-key algorithms are allowed together."));
        }
        if (algorithms.isEmpty()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        jose.path("typ").values().forEach(t -> types.add(t.asString("")));
        Optional<Duration> maxLifetime = jose.path("maxLifetimeSeconds").canConvertToLong()
                        && jose.path("maxLifetimeSeconds").asLong() > 0
                ? Optional.of(Duration.ofSeconds(jose.path("maxLifetimeSeconds").asLong()))
                : Optional.empty();
        return new JoseRules(algorithms, types, jose.path("kidRequired").asBoolean(false), maxLifetime);
    }

    static AuthorizationRules authorization(JsonNode document, List<Finding> findings) {
        JsonNode authz = document.path("x-authorization");
        if (!authz.isObject()) {
            return AuthorizationRules.NONE;
        }
        String scopeClaim = authz.path("scopeClaim").asString("scope");
        String rolesClaim = authz.path("rolesClaim").asString("roles");
        Map<String, OperationRule> operations = new LinkedHashMap<>();
        boolean usesScopes = false;
        boolean usesRoles = false;
        for (Map.Entry<String, JsonNode> entry : authz.path("operations").properties()) {
            List<String> scopes = strings(entry.getValue().path("scopes"));
            List<String> roles = strings(entry.getValue().path("roles"));
            usesScopes |= !scopes.isEmpty();
            usesRoles |= !roles.isEmpty();
            operations.put(
                    entry.getKey(),
                    new OperationRule(
                            entry.getKey(),
                            scopes,
                            roles,
                            entry.getValue().path("description").asString("")));
        }
        JsonNode properties = document.path("properties");
        if (usesScopes && !properties.has(scopeClaim)) {
            findings.add(Finding.error(
                    FindingCode.LINT_AUTHZ_CLAIM_UNDECLARED,
                    "/x-authorization/scopeClaim",
                    "a declared claim",
                    scopeClaim,
                    "Operations need scopes from '" + scopeClaim + "', which the schema does not declare."));
        }
        if (usesRoles && !properties.has(rolesClaim)) {
            findings.add(Finding.error(
                    FindingCode.LINT_AUTHZ_CLAIM_UNDECLARED,
                    "/x-authorization/rolesClaim",
                    "a declared claim",
                    rolesClaim,
                    "Operations need roles from '" + rolesClaim + "', which the schema does not declare."));
        }
        return new AuthorizationRules(scopeClaim, rolesClaim, operations);
    }

    /** {@code aud} must accept both a single string and an array of strings. */
    static void audienceShape(ClaimsSchema schema, List<Finding> findings) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode asString = json.objectNode().put("aud", "https://resource.example");
        ObjectNode asArray = json.objectNode();
        asArray.putArray("aud").add("https://resource.example");
        List<String> refused = new ArrayList<>();
        if (rejectsAudience(schema, asString)) {
            refused.add("a string");
        }
        if (rejectsAudience(schema, asArray)) {
            refused.add("an array");
        }
        if (!refused.isEmpty()) {
            findings.add(Finding.error(
                    FindingCode.LINT_AUD_SHAPE,
                    "/properties/aud",
                    "a string or an array of strings",
                    "refuses " + String.join(" and ", refused),
                    "'aud' refuses " + String.join(" and ", refused) + "."));
        }
    }

    private static boolean rejectsAudience(ClaimsSchema schema, ObjectNode instance) {
        return schema.errors(instance).stream()
                .anyMatch(e -> e.getInstanceLocation() != null
                        && e.getInstanceLocation().toString().startsWith("/aud"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString("")));
        return values;
    }
}
