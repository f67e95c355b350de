package dev.tokencontract.registry.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;

/**
 * Checks bearer tokens with validator-lib against the {@code registry-publisher} contract, the configured
 * issuer, keys and audience, then the operation's scope (from the contract's {@code x-authorization}) and
 * the namespace rule. The token itself never leaves this class: not into problems, logs or the audit log.
 */
public final class Authenticator {
    static final String REALM = "Bearer realm=\"tokencontract-registry\"";

    private final TokenValidator validator;

    /** @param validator {@code null} when writes are not configured (every write answers 503) */
    public Authenticator(TokenValidator validator) {
        this.validator = validator;
    }

    public boolean configured() {
        return validator != null;
    }

    /** The verified caller, or a 401/503 problem. */
    public Caller authenticate(String authorization) {
        if (validator == null) {
            throw Problem.of(
                    ProblemCode.WRITES_DISABLED,
                    "this registry has no token issuer configured: start it with "
                            + "--issuer and --jwks (or --dev for a local trial)");
        }
        if (authorization == null || authorization.isBlank()) {
            throw Problem.of(ProblemCode.TOKEN_MISSING, "send 'Authorization: Bearer <token>'")
                    .header("WWW-Authenticate", REALM);
        }
        String trimmed = authorization.strip();
        if (trimmed.length() < 7
                || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw Problem.of(ProblemCode.TOKEN_MISSING, "only the Bearer scheme is accepted")
                    .header("WWW-Authenticate", REALM);
        }
        ValidationReport report = validator.validate(trimmed.substring(7).strip());
        if (report.verdict() == Verdict.UNCHECKED) {
            throw Problem.of(
                            ProblemCode.AUTH_UNAVAILABLE,
                            "the token could not be checked (keys unavailable); try again")
                    .with("findings", findings(report.errors()));
        }
        if (!report.accepted()) {
            throw Problem.of(ProblemCode.TOKEN_INVALID, "the token was rejected: " + codes(report.errors()))
                    .with("findings", findings(report.errors()))
                    .header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
        }
        return Caller.of(report.validated().orElseThrow());
    }

    /** 403 unless the caller's token grants {@code operation} under the contract's x-authorization. */
    public void requireOperation(Caller caller, String operation) {
        List<String> missing = validator
                .contract()
                .authorization()
                .missingFor(operation, caller.token().claims());
        if (!missing.isEmpty()) {
            String scopes = String.join(
                    " ",
                    missing.stream()
                            .map(m -> m.startsWith("scope:") ? m.substring(6) : m)
                            .toList());
            throw Problem.of(ProblemCode.SCOPE_MISSING, "this needs scope " + scopes)
                    .with("requiredScope", scopes)
                    .header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\", scope=\"" + scopes + "\"");
        }
    }

    /**
     * 403 unless a namespace in the token covers {@code name}: {@code identity} covers {@code identity} and
     * {@code identity.*}; {@code *} covers every name but only for a caller that also holds contracts:admin.
     */
    public void requireNamespace(Caller caller, String name) {
        List<String> namespaces = caller.namespaces();
        boolean admin = grants(caller, "configure"); // contracts:admin
        for (String namespace : namespaces) {
            if ((namespace.equals("*") && admin) || ContractNames.covers(namespace, name)) {
                return;
            }
        }
        throw Problem.of(ProblemCode.NAMESPACE_DENIED, "the token's namespaces do not cover '" + name + "'")
                .with("namespaces", Json.MAPPER.valueToTree(namespaces));
    }

    private boolean grants(Caller caller, String operation) {
        return validator
                .contract()
                .authorization()
                .missingFor(operation, caller.token().claims())
                .isEmpty();
    }

    private static String codes(List<Finding> findings) {
        return String.join(
                ", ", findings.stream().map(f -> f.code().name()).distinct().toList());
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = Json.NODES.arrayNode();
        for (Finding f : findings) {
            array.addObject()
                    .put("code", f.code().name())
                    .put("pointer", f.pointer())
                    .put("message", f.message());
        }
        return array;
    }
}
