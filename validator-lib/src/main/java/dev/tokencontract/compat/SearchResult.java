package dev.tokencontract.compat;

import java.util.Objects;
import java.util.Optional;

/**
 * What one bounded counterexample search ended with: a counterexample, none found (which proves nothing),
 * or not searched, with the reason ({@link #BUDGET}, or the schema size the search will not build).
 *
 * @param counterexample the claims found, when {@code status} is FOUND
 * @param reason         why the search did not run or did not finish, when {@code status} is NOT_SEARCHED
 */
public record SearchResult(Status status, Optional<Counterexample> counterexample, Optional<String> reason) {
    /** The reason when the request's search budget ran out. */
    public static final String BUDGET = "budget";

    public enum Status {
        FOUND,
        NONE_FOUND,
        NOT_SEARCHED
    }

    public SearchResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counterexample, "counterexample");
        Objects.requireNonNull(reason, "reason");
        if ((status == Status.FOUND) != counterexample.isPresent()
                || (status == Status.NOT_SEARCHED) != reason.isPresent()) {
            throw new IllegalArgumentException(
                    "a FOUND result has a counterexample and a NOT_SEARCHED one a reason, only they");
        }
    }

    public static SearchResult found(Counterexample counterexample) {
        return new SearchResult(Status.FOUND, Optional.of(counterexample), Optional.empty());
    }

    public static SearchResult noneFound() {
        return new SearchResult(Status.NONE_FOUND, Optional.empty(), Optional.empty());
    }

    public static SearchResult notSearched(String reason) {
        return new SearchResult(Status.NOT_SEARCHED, Optional.empty(), Optional.of(reason));
    }
}
