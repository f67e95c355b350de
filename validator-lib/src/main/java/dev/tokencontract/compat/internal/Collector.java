package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.ChangeKind;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers changes, maps raw classes through the context ({@code not}, {@code oneOf}, authorization claims),
 * and bounds the work: a hostile pair of documents ends in a conservative "too large" change, never a hang.
 */
final class Collector {
    static final int MAX_CHANGES = 2_000;
    static final int MAX_STEPS = 100_000;
    static final int MAX_DEPTH = 128;

    /** Shared by a collector and its forks, so nested measurements count against one budget. */
    private static final class Budget {
        int steps;
        boolean exhausted;
    }

    private final Budget budget;
    /** The collector whose changes are reported; forks only measure. */
    private final Collector root;

    private final Set<String> authorizationClaims;
    private final String noun;
    private final Set<Change> changes = new LinkedHashSet<>();
    /** Changes that can alter what a token is judged by (not annotations), counted even when a duplicate is dropped. */
    private int observable;

    private Collector(Budget budget, Collector root, Set<String> authorizationClaims, String noun) {
        this.budget = budget;
        this.root = root == null ? this : root;
        this.authorizationClaims = Set.copyOf(authorizationClaims);
        this.noun = noun;
    }

    /** @param authorizationClaims top-level claims that {@code x-authorization} reads (scope and roles claims) */
    static Collector create(Set<String> authorizationClaims, String noun) {
        return new Collector(new Budget(), null, authorizationClaims, noun);
    }

    /** A collector for a nested measurement: same budget, no authorization claims, its own list. */
    Collector fork() {
        return new Collector(budget, root, Set.of(), noun);
    }

    /**
     * Charges {@code steps} extra steps for work a step does not count (a nested measurement builds its own
     * collector and explanations); false when the budget is spent.
     */
    boolean charge(Context ctx, int steps) {
        if (budget.exhausted) {
            return false;
        }
        budget.steps += steps;
        return step(ctx);
    }

    /** Counts one comparison step; false when the budget is spent (the caller stops descending). */
    boolean step(Context ctx) {
        if (budget.exhausted) {
            return false;
        }
        if (++budget.steps > MAX_STEPS || changes.size() >= MAX_CHANGES || ctx.depth() > MAX_DEPTH) {
            budget.exhausted = true;
            Change tooLarge = new Change(
                    ChangeKind.DIFF_TOO_LARGE,
                    EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS),
                    ctx.newPointer(),
                    "The documents are too large or too deeply nested to compare in full (more than "
                            + MAX_STEPS + " steps, " + MAX_CHANGES + " changes or depth " + MAX_DEPTH
                            + "); the rest is assumed breaking both ways.",
                    null,
                    null);
            changes.add(tooLarge);
            root.changes.add(tooLarge); // reported even when a nested measurement ran out
            return false;
        }
        return true;
    }

    /**
     * Adds a change with its raw classes (what it does at this place), mapped through the context: swapped
     * under {@code not}, made two-way under {@code oneOf}/{@code if}, and marked authorization-widening when
     * it loosens a claim that {@code x-authorization} reads.
     */
    void add(
            Context ctx,
            String kind,
            Set<ChangeClass> raw,
            String pointer,
            String explanation,
            String before,
            String after) {
        add(ctx, kind(kind), raw, pointer, explanation, before, after);
    }

    void add(
            Context ctx,
            ChangeKind kind,
            Set<ChangeClass> raw,
            String pointer,
            String explanation,
            String before,
            String after) {
        EnumSet<ChangeClass> classes = EnumSet.copyOf(raw);
        String why = explanation;
        if (ctx.inverted()) {
            boolean consumers = classes.remove(ChangeClass.BREAKING_FOR_CONSUMERS);
            boolean producers = classes.remove(ChangeClass.BREAKING_FOR_PRODUCERS);
            if (consumers) {
                classes.add(ChangeClass.BREAKING_FOR_PRODUCERS);
            }
            if (producers) {
                classes.add(ChangeClass.BREAKING_FOR_CONSUMERS);
            }
            why += " (inside 'not', so the effect on tokens is reversed)";
        }
        if (ctx.conservative()
                && (classes.contains(ChangeClass.BREAKING_FOR_CONSUMERS)
                        || classes.contains(ChangeClass.BREAKING_FOR_PRODUCERS))) {
            classes.add(ChangeClass.BREAKING_FOR_CONSUMERS);
            classes.add(ChangeClass.BREAKING_FOR_PRODUCERS);
            why += " (inside oneOf/if, where any change can reject a token: breaking both ways)";
        }
        String top = ctx.topClaim();
        if (classes.contains(ChangeClass.BREAKING_FOR_PRODUCERS) && authorizationClaims.contains(top)) {
            classes.add(ChangeClass.AUTHORIZATION_WIDENING);
            why += "; '" + Show.text(top) + "' is read by x-authorization, so this can grant more";
        }
        if (!ANNOTATION_KINDS.contains(kind)) {
            observable++;
        }
        if (changes.size() < MAX_CHANGES) {
            changes.add(new Change(kind, classes, pointer, why, before, after));
        }
    }

    private static final Set<ChangeKind> ANNOTATION_KINDS = Set.copyOf(EnumSet.of(
            ChangeKind.TITLE_CHANGED,
            ChangeKind.DESCRIPTION_CHANGED,
            ChangeKind.EXAMPLES_CHANGED,
            ChangeKind.COMMENT_CHANGED,
            ChangeKind.DEFAULT_CHANGED,
            ChangeKind.ANNOTATION_CHANGED));

    /** How many non-annotation changes were added so far (a running count: compare two readings). */
    int observable() {
        return observable;
    }

    /** Adds a change whose classes are final (x-jose, x-authorization, document header). */
    void addAsIs(
            String kind, Set<ChangeClass> classes, String pointer, String explanation, String before, String after) {
        addAsIs(kind(kind), classes, pointer, explanation, before, after);
    }

    /** A kind composed from a keyword ({@code max-length} + {@code -added}); every composition is a declared kind. */
    static ChangeKind kind(String wireName) {
        return ChangeKind.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("undeclared change kind " + wireName));
    }

    void addAsIs(
            ChangeKind kind,
            Set<ChangeClass> classes,
            String pointer,
            String explanation,
            String before,
            String after) {
        if (changes.size() < MAX_CHANGES) {
            changes.add(new Change(kind, classes, pointer, explanation, before, after));
        }
    }

    /** {@code claim 'roles[]'}, or {@code the claims} for the top level. */
    String subject(Context ctx) {
        if (ctx.claim().isEmpty()) {
            return "the " + noun + "s object";
        }
        return noun + " '" + Show.text(ctx.claim()) + "'";
    }

    /** The union of the classes found, breaking and widening only. */
    Set<ChangeClass> classes() {
        EnumSet<ChangeClass> all = EnumSet.noneOf(ChangeClass.class);
        changes.forEach(c -> all.addAll(c.classes()));
        return all;
    }

    int size() {
        return changes.size();
    }

    boolean exhausted() {
        return budget.exhausted;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }
}
