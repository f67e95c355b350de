package dev.tokencontract.conformance.mutate;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes invalid claim sets from valid ones, each breaking exactly one named rule of the contract: the
 * mutant is kept only when {@link Contract#check} rejects it with the expected finding code at the
 * mutated claim and nothing else. When no claim of the instance can be mutated that way the answer is
 * {@link MutationOutcome.NotApplicable} with the reason. Thread-safe.
 */
public final class ClaimMutator {
    /** Added by {@link Mutation#ADD_FORBIDDEN_PROPERTY}; unlikely to be declared by any contract. */
    public static final String UNDECLARED_CLAIM = "x_tokencontract_undeclared";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Contract contract;
    private final ClaimRules rules;

    public ClaimMutator(Contract contract) {
        this.contract = contract;
        this.rules = new ClaimRules(contract.document());
    }

    /**
     * Applies {@code mutation} (a claims-level one) to {@code valid}; {@code choice} picks which claim,
     * among those it can apply to, is tried first (the rest follow in order).
     */
    public MutationOutcome apply(Mutation mutation, JsonNode valid, int choice) {
        if (mutation.level() != Mutation.Level.CLAIMS) {
            throw new IllegalArgumentException(mutation + " is a token mutation; use TokenMutator");
        }
        if (!valid.isObject()) {
            return new MutationOutcome.NotApplicable(mutation, "the instance is not a JSON object");
        }
        return firstRejected(mutation, candidates(mutation, (ObjectNode) valid), choice);
    }

    /** Applies {@code mutation} to the claim {@code claim} only (for tests and targeted checks). */
    public MutationOutcome apply(Mutation mutation, JsonNode valid, String claim) {
        if (mutation.level() != Mutation.Level.CLAIMS) {
            throw new IllegalArgumentException(mutation + " is a token mutation; use TokenMutator");
        }
        if (!valid.isObject()) {
            return new MutationOutcome.NotApplicable(mutation, "the instance is not a JSON object");
        }
        List<Candidate> candidates = candidates(mutation, (ObjectNode) valid).stream()
                .filter(c -> c.claim.equals(claim))
                .toList();
        if (candidates.isEmpty()) {
            return new MutationOutcome.NotApplicable(
                    mutation, "the mutation has nothing to break at claim '" + claim + "'");
        }
        return firstRejected(mutation, candidates, 0);
    }

    /** The claims mutations can target, in schema order, for {@code choice} to index. */
    private MutationOutcome firstRejected(Mutation mutation, List<Candidate> candidates, int choice) {
        if (candidates.isEmpty()) {
            return new MutationOutcome.NotApplicable(mutation, nothingToBreak(mutation));
        }
        // 'choice' picks the claim to try first; the other claims follow in schema order, each with all its candidates.
        List<String> claims =
                candidates.stream().map(Candidate::claim).distinct().toList();
        int start = Math.floorMod(choice, claims.size());
        for (int i = 0; i < claims.size(); i++) {
            String claim = claims.get((start + i) % claims.size());
            for (Candidate candidate : candidates) {
                if (!candidate.claim.equals(claim)) {
                    continue;
                }
                Set<FindingCode> codes = rejectedOnlyFor(candidate);
                if (codes != null) {
                    return new MutationOutcome.Applied(
                            new Mutant(mutation, candidate.claim, candidate.detail, candidate.claims, null, codes));
                }
            }
        }
        return new MutationOutcome.NotApplicable(
                mutation,
                "no claim of this instance can be changed to break only this rule (" + candidates.size()
                        + " candidates tried)");
    }

    /** The finding codes when the candidate breaks exactly its rule at its claim, else null. */
    private Set<FindingCode> rejectedOnlyFor(Candidate candidate) {
        List<Finding> findings = contract.check(candidate.claims, "/claims");
        if (findings.isEmpty()) {
            return null;
        }
        String pointer = "/claims/" + candidate.reportedAt.replace("~", "~0").replace("/", "~1");
        for (Finding finding : findings) {
            boolean atClaim = finding.pointer().equals(pointer)
                    || finding.pointer().startsWith(pointer + "/")
                    || candidate.expected == FindingCode.CLAIM_NOT_ALLOWED
                            && finding.pointer().equals("/claims");
            if (!finding.rejects() || finding.code() != candidate.expected || !atClaim) {
                return null;
            }
        }
        return Set.of(candidate.expected);
    }

    private List<Candidate> candidates(Mutation mutation, ObjectNode valid) {
        List<Candidate> out = new ArrayList<>();
        switch (mutation) {
            case DROP_REQUIRED -> {
                for (String name : rules.required) {
                    if (valid.has(name)) {
                        ObjectNode copy = valid.deepCopy();
                        copy.remove(name);
                        out.add(new Candidate(
                                name, copy, FindingCode.CLAIM_MISSING, "required claim '" + name + "' dropped"));
                    }
                }
            }
            case CHANGE_TYPE ->
                eachPresent(valid, (name, schema, value) -> {
                    for (JsonNode other : Values.ofOtherType(schema, value)) {
                        out.add(replaced(
                                valid,
                                name,
                                other,
                                FindingCode.CLAIM_TYPE_MISMATCH,
                                "'" + name + "' as " + Values.typeName(other) + " " + Values.show(other)
                                        + " instead of " + Values.typeName(value)));
                    }
                });
            case LEAVE_ENUM ->
                eachPresent(valid, (name, schema, value) -> {
                    for (JsonNode other : Values.outsideEnum(schema)) {
                        out.add(replaced(
                                valid,
                                name,
                                other,
                                FindingCode.CLAIM_VALUE_NOT_ALLOWED,
                                "'" + name + "' = " + Values.show(other) + ", not in its enum"));
                    }
                });
            case VIOLATE_BOUND ->
                eachPresent(valid, (name, schema, value) -> {
                    for (Values.Bounded other : Values.outOfBounds(schema, value)) {
                        out.add(replaced(
                                valid,
                                name,
                                other.value(),
                                FindingCode.CLAIM_OUT_OF_RANGE,
                                "'" + name + "' breaks " + other.keyword()));
                    }
                });
            case VIOLATE_PATTERN ->
                eachPresent(valid, (name, schema, value) -> {
                    if (schema.path("pattern").isString()) {
                        for (JsonNode other : Values.offPattern(value)) {
                            out.add(replaced(
                                    valid,
                                    name,
                                    other,
                                    FindingCode.CLAIM_PATTERN_MISMATCH,
                                    "'" + name + "' = " + Values.show(other) + " does not match "
                                            + schema.path("pattern").stringValue()));
                        }
                    }
                });
            case ADD_FORBIDDEN_PROPERTY -> {
                if (rules.closed && !valid.has(UNDECLARED_CLAIM)) {
                    out.add(replaced(
                            valid,
                            UNDECLARED_CLAIM,
                            NODES.stringNode("x"),
                            FindingCode.CLAIM_NOT_ALLOWED,
                            "undeclared claim '" + UNDECLARED_CLAIM + "' added to a closed contract"));
                }
            }
            case BREAK_DEPENDENT_REQUIRED -> {
                for (Map.Entry<String, List<String>> rule : rules.dependentRequired.entrySet()) {
                    for (String dependent : rule.getValue()) {
                        if (valid.has(rule.getKey()) && valid.has(dependent)) {
                            ObjectNode copy = valid.deepCopy();
                            copy.remove(dependent);
                            // the validator reports a dependentRequired miss at the claim that triggers it
                            out.add(new Candidate(
                                    dependent,
                                    copy,
                                    FindingCode.CLAIM_MISSING,
                                    "'" + dependent + "' dropped although '" + rule.getKey()
                                            + "' is present (dependentRequired)",
                                    rule.getKey()));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("not a claims mutation: " + mutation);
        }
        return out;
    }

    private String nothingToBreak(Mutation mutation) {
        return switch (mutation) {
            case DROP_REQUIRED ->
                rules.required.isEmpty()
                        ? "the contract requires no claim"
                        : "the instance has none of the required claims";
            case CHANGE_TYPE -> "no claim of the instance has a 'type' the mutation could leave";
            case LEAVE_ENUM -> "no claim of the instance has an 'enum' or 'const'";
            case VIOLATE_BOUND ->
                "no claim of the instance has a bound (minimum, maximum, minLength, maxLength, minItems, maxItems)";
            case VIOLATE_PATTERN -> "no claim of the instance has a 'pattern'";
            case ADD_FORBIDDEN_PROPERTY ->
                "the contract is open (neither additionalProperties nor unevaluatedProperties is false)";
            case BREAK_DEPENDENT_REQUIRED ->
                rules.dependentRequired.isEmpty()
                        ? "the contract has no dependentRequired"
                        : "the instance has no claim that triggers dependentRequired with its dependent present";
            default -> "not a claims mutation";
        };
    }

    private void eachPresent(ObjectNode valid, ClaimVisitor visitor) {
        for (Map.Entry<String, JsonNode> entry : rules.properties.entrySet()) {
            JsonNode value = valid.get(entry.getKey());
            if (value != null && entry.getValue().isObject()) {
                visitor.visit(entry.getKey(), entry.getValue(), value);
            }
        }
    }

    private static Candidate replaced(
            ObjectNode valid, String name, JsonNode value, FindingCode expected, String detail) {
        ObjectNode copy = valid.deepCopy();
        copy.set(name, value);
        return new Candidate(name, copy, expected, detail);
    }

    private interface ClaimVisitor {
        void visit(String name, JsonNode schema, JsonNode value);
    }

    private record Candidate(String claim, ObjectNode claims, FindingCode expected, String detail, String reportedAt) {
        Candidate(String claim, ObjectNode claims, FindingCode expected, String detail) {
            this(claim, claims, expected, detail, claim);
        }
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
