package dev.tokencontract.compat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Redact;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ContractDiff} checked against concrete tokens. The structural engine classifies changes from the
 * documents; a {@link CounterexampleSearch} then looks for a token in <em>each</em> breaking direction, including
 * the ones the engine called safe. A token found where the engine saw no break overrides it: the diff gains a
 * {@link ChangeKind#WITNESS_FOUND} change in that direction, carrying the claims, so every mode that refuses the
 * direction refuses the pair. A reported break with no token found is {@link #unconfirmed} (the search is
 * bounded: that proves nothing either way, and the change stays reported).
 *
 * @param diff      the structural diff, plus one {@code witness-found} change per direction where only the search
 *                  saw a break
 * @param witnesses at most one token per direction the search found (consumer-breaking, producer-breaking,
 *                  widening), in that order
 * @param searched  whether a search ran at all; without one every reported break is unconfirmed
 * @param notSearched directions the search skipped, with its reason (a spent {@link SearchBudget}, or a schema size
 *                  it does not build); a direction listed here was not searched, so it has no witness
 */
public record CheckedDiff(
        ContractDiff diff, List<Counterexample> witnesses, boolean searched, Map<ChangeClass, String> notSearched) {
    private static final List<ChangeClass> BREAKING =
            List.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS);

    public CheckedDiff {
        Objects.requireNonNull(diff, "diff");
        witnesses = List.copyOf(witnesses);
        notSearched = Map.copyOf(notSearched);
    }

    /** A diff checked without a budget. */
    public CheckedDiff(ContractDiff diff, List<Counterexample> witnesses, boolean searched) {
        this(diff, witnesses, searched, Map.of());
    }

    /**
     * Diffs {@code older} and {@code newer} and searches both breaking directions with {@code search} (and the
     * widening direction when a widening change was found). {@code search} may be {@code null}: the result is then
     * the structural diff with every break unconfirmed.
     *
     * @throws IllegalArgumentException when the contracts have different names
     */
    public static CheckedDiff check(Contract older, Contract newer, CounterexampleSearch search) {
        return check(older, newer, ContractDiff.between(older, newer), search);
    }

    /** As {@link #check(Contract, Contract, CounterexampleSearch)}, for a structural diff already computed. */
    public static CheckedDiff check(
            Contract older, Contract newer, ContractDiff structural, CounterexampleSearch search) {
        return check(older, newer, structural, search, null);
    }

    /**
     * As above, every search within {@code budget} (shared with whatever else the caller searches): a direction the
     * budget did not reach is listed in {@link #notSearched()} and keeps the structural verdict.
     */
    public static CheckedDiff check(
            Contract older, Contract newer, ContractDiff structural, CounterexampleSearch search, SearchBudget budget) {
        Objects.requireNonNull(structural, "structural");
        if (search == null) {
            return new CheckedDiff(structural, List.of(), false);
        }
        List<Counterexample> found = new ArrayList<>();
        Map<ChangeClass, String> skipped = new EnumMap<>(ChangeClass.class);
        List<Change> changes = new ArrayList<>(structural.changes());
        for (ChangeClass direction : BREAKING) {
            Optional<Counterexample> witness = find(search, older, newer, direction, budget, skipped);
            if (witness.isEmpty()) {
                continue;
            }
            found.add(witness.get());
            if (!structural.has(direction)) {
                changes.add(overriding(witness.get(), older, newer));
            }
        }
        if (structural.has(ChangeClass.AUTHORIZATION_WIDENING)) {
            find(search, older, newer, ChangeClass.AUTHORIZATION_WIDENING, budget, skipped)
                    .ifPresent(found::add);
        }
        return new CheckedDiff(new ContractDiff(structural.from(), structural.to(), changes), found, true, skipped);
    }

    private static Optional<Counterexample> find(
            CounterexampleSearch search,
            Contract older,
            Contract newer,
            ChangeClass direction,
            SearchBudget budget,
            Map<ChangeClass, String> skipped) {
        if (budget == null) {
            return search.find(older, newer, direction);
        }
        SearchResult result = search.find(older, newer, direction, budget);
        result.reason().ifPresent(reason -> skipped.put(direction, reason));
        return result.counterexample();
    }

    /** The token found for {@code direction}, if any. */
    public Optional<Counterexample> witness(ChangeClass direction) {
        return witnesses.stream().filter(w -> w.direction() == direction).findFirst();
    }

    /**
     * The breaking directions of {@code change} (consumer, producer) for which no token was found: the change is
     * still reported and refused as before, but nothing concrete confirms it. Empty for a confirmed or
     * non-breaking change.
     */
    public Set<ChangeClass> unconfirmed(Change change) {
        Set<ChangeClass> open = EnumSet.noneOf(ChangeClass.class);
        for (ChangeClass direction : BREAKING) {
            if (change.is(direction) && witness(direction).isEmpty()) {
                open.add(direction);
            }
        }
        return open;
    }

    private static Change overriding(Counterexample witness, Contract older, Contract newer) {
        boolean consumers = witness.direction() == ChangeClass.BREAKING_FOR_CONSUMERS;
        Contract accepts = consumers ? older : newer;
        Contract rejects = consumers ? newer : older;
        String claims = Redact.shorten(witness.claims().toString(), 300);
        return new Change(
                ChangeKind.WITNESS_FOUND,
                Set.of(witness.direction()),
                witness.pointer(),
                "the structural comparison found no " + (consumers ? "consumer" : "producer")
                        + "-breaking change, but claims "
                        + claims + " are accepted by " + accepts.reference() + " and rejected by " + rejects.reference()
                        + " (" + witness.rule() + ", seed " + witness.seed() + "); the token decides",
                null,
                claims);
    }
}
