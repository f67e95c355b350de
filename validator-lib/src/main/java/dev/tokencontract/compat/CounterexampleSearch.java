package dev.tokencontract.compat;

import dev.tokencontract.contract.Contract;
import java.util.Optional;

/**
 * Searches for a concrete token that shows one direction of a change between two versions of a contract
 * (see {@link Counterexample}). The seam between the compatibility engine, which classifies changes from
 * the documents, and the conformance kit, which generates tokens: the registry attaches what a search
 * finds to a refusal, and {@code tokencontract diff} prints it. Nothing in {@code validator-lib} implements
 * it; callers without one pass {@code null} or skip the search.
 *
 * <p>Implementations must be deterministic for a given seed, bounded in time, and thread-safe.
 */
@FunctionalInterface
public interface CounterexampleSearch {

    /**
     * A token's claims that demonstrate {@code direction} between {@code older} and {@code newer}, or empty
     * when the search found none (which proves nothing: the change may still break).
     */
    Optional<Counterexample> find(Contract older, Contract newer, ChangeClass direction);

    /**
     * {@link #find} within {@code budget}, saying why nothing was found: the search stops when the budget
     * runs out (or does not start) and says {@link SearchResult#notSearched so}, rather than spend more.
     * The default checks the budget only before it starts; implementations that can stop part-way
     * override it (the conformance kit's does, and also refuses schemas whose sizes it will not build).
     */
    default SearchResult find(Contract older, Contract newer, ChangeClass direction, SearchBudget budget) {
        if (budget.exhausted()) {
            return SearchResult.notSearched(SearchResult.BUDGET);
        }
        return find(older, newer, direction).map(SearchResult::found).orElse(SearchResult.noneFound());
    }
}
