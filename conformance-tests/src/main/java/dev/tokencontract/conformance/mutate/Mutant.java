package dev.tokencontract.conformance.mutate;

import dev.tokencontract.finding.FindingCode;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One invalid instance, already proven to be rejected: the mutation, the rule it breaks (naming the claim
 * or header member), the claims, the token when the mutation is at the token level, and the finding codes
 * with which validator-lib rejected it.
 *
 * @param mutation   what was done
 * @param target     what it was done to, e.g. {@code tenant_id} or {@code header.typ}
 * @param detail     one line for people, e.g. {@code required claim 'tenant_id' dropped}
 * @param claims     the (possibly mutated) claims
 * @param token      the signed token, or {@code null} for a claims-only mutant
 * @param rejectedBy the finding codes that rejected it; never empty
 */
public record Mutant(
        Mutation mutation, String target, String detail, JsonNode claims, String token, Set<FindingCode> rejectedBy) {
    public Mutant {
        Objects.requireNonNull(mutation, "mutation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(claims, "claims");
        // name order, not Set.copyOf's per-JVM salted order: a replayed run must print the same text
        java.util.TreeSet<FindingCode> sorted =
                new java.util.TreeSet<>(java.util.Comparator.comparing(FindingCode::name));
        sorted.addAll(rejectedBy);
        rejectedBy = java.util.Collections.unmodifiableSortedSet(sorted);
        if (rejectedBy.isEmpty()) {
            throw new IllegalArgumentException("a mutant is only used once something rejects it");
        }
    }

    /** A copy carrying the signed token and the codes that rejected the token. */
    public Mutant withToken(String signed, Set<FindingCode> codes) {
        return new Mutant(mutation, target, detail, claims, signed, codes);
    }

    /** {@code drop-required(tenant_id) rejected by CLAIM_MISSING}. */
    public String label() {
        return mutation.label() + "(" + target + ") rejected by "
                + rejectedBy.stream().map(Enum::name).sorted().toList();
    }

    @Override
    public String toString() {
        return label() + ": " + detail; // never the token: it carries a full signature
    }
}
