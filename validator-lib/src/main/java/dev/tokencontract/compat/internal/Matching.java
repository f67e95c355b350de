package dev.tokencontract.compat.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Pairs the subschemas of an {@code allOf}/{@code anyOf}/{@code oneOf} by content, not position: a branch equal in
 * effect to one on the other side (equal text without references, or a comparison that finds nothing breaking
 * either way) is matched wherever it stands. What is left keeps its order. Lists longer than {@link #MAX_PAIRED}
 * are compared by position only (the pairing is quadratic).
 *
 * @param oldLeft indexes of old branches left unmatched, in order
 * @param newLeft indexes of new branches left unmatched, in order
 */
record Matching(List<Integer> oldLeft, List<Integer> newLeft) {
    static final int MAX_PAIRED = 32;
    /** Pairs compared at most per list (each is a nested comparison): past it, what is left is compared by position. */
    static final int MAX_ATTEMPTS = 256;

    static Matching of(String keyword, JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        List<Integer> oldLeft = new ArrayList<>();
        List<Integer> newLeft = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            newLeft.add(j);
        }
        boolean pair = before.size() <= MAX_PAIRED && after.size() <= MAX_PAIRED;
        int attempts = 0;
        for (int i = 0; i < before.size(); i++) {
            Integer match = null;
            // once the work budget is spent, pair nothing more: the rest is compared by position (and cut short there)
            for (Integer j : pair && !d.out().exhausted() && attempts < MAX_ATTEMPTS ? newLeft : List.<Integer>of()) {
                attempts++;
                if (equivalent(
                        before.get(i),
                        after.get(j),
                        ctx.at(ctx.oldPointer() + "/" + keyword + "/" + i, ctx.newPointer() + "/" + keyword + "/" + j),
                        d)) {
                    match = j;
                    break;
                }
            }
            if (match == null) {
                oldLeft.add(i);
            } else {
                newLeft.remove(match);
            }
        }
        return new Matching(oldLeft, newLeft);
    }

    private static boolean equivalent(JsonNode a, JsonNode b, Context pair, SchemaDiff d) {
        return d.unchanged(a, b) || d.measure(a, b, pair).classes().isEmpty();
    }

    /** Whether containment is worth deciding between two lists: small enough that the pairwise comparisons stay cheap. */
    static boolean containable(JsonNode before, JsonNode after) {
        return (long) before.size() * after.size() <= MAX_ATTEMPTS;
    }

    /** Whether some new branch of {@code options} contains the old {@code branch} (every value it accepts, that option accepts). */
    static boolean someContains(
            SchemaDiff d, JsonNode options, String optionsAt, JsonNode branch, String branchAt, Context ctx) {
        if (options.size() > MAX_PAIRED) {
            return false;
        }
        for (int j = 0; j < options.size() && !d.out().exhausted(); j++) {
            if (Subsumption.oldWithinNew(d, branch, branchAt, options.get(j), optionsAt + "/" + j, ctx)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the new {@code branch} is contained in some old branch of {@code options}. */
    static boolean containedBySome(
            SchemaDiff d, JsonNode options, String optionsAt, JsonNode branch, String branchAt, Context ctx) {
        if (options.size() > MAX_PAIRED) {
            return false;
        }
        for (int i = 0; i < options.size() && !d.out().exhausted(); i++) {
            if (Subsumption.newWithinOld(d, options.get(i), optionsAt + "/" + i, branch, branchAt, ctx)) {
                return true;
            }
        }
        return false;
    }
}
