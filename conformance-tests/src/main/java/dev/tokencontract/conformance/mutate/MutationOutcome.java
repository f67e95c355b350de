package dev.tokencontract.conformance.mutate;

import java.util.Objects;

/** A mutation either applied (a proven-invalid {@link Mutant}) or could not apply, with the reason. */
public sealed interface MutationOutcome {

    Mutation mutation();

    /** The mutant was made and validator-lib rejected it for the named rule. */
    record Applied(Mutant mutant) implements MutationOutcome {
        public Applied {
            Objects.requireNonNull(mutant, "mutant");
        }

        @Override
        public Mutation mutation() {
            return mutant.mutation();
        }
    }

    /**
     * The mutation cannot apply: the contract has nothing it could break (no enum, an open content
     * model), or no candidate broke exactly its rule on this instance. Never silently a "valid" mutant.
     */
    record NotApplicable(Mutation mutation, String reason) implements MutationOutcome {
        public NotApplicable {
            Objects.requireNonNull(mutation, "mutation");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
