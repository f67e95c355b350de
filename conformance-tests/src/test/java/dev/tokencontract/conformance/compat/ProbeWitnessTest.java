package dev.tokencontract.conformance.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.testing.CompatProbes;
import dev.tokencontract.testing.CompatProbes.Probe;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's probe table with the conformance kit's search: every probe is refused with its change named and,
 * for each direction it breaks, a concrete token that one version accepts and the other rejects.
 */
class ProbeWitnessTest {
    private static final ContractCounterexamples SEARCH = ContractCounterexamples.standard();

    static Stream<Probe> probes() {
        return CompatProbes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void checkWhenBreakingChangeBehindReferenceThenRefusedWithWitness(Probe probe) {
        Contract older = Kit.parse(probe.older());
        Contract newer = Kit.parse(probe.newer());

        CheckedDiff checked = CheckedDiff.check(older, newer, SEARCH);

        assertThat(checked.diff().refusedBy(CompatibilityMode.FULL_TRANSITIVE, false))
                .anyMatch(change -> change.kind().wireName().equals(probe.kind()));
        for (ChangeClass direction : probe.refused()) {
            Counterexample witness = checked.witness(direction)
                    .orElseThrow(() -> new AssertionError("no token for " + direction + " in " + probe + ": "
                            + checked.diff().changes()));
            Contract accepts = direction == ChangeClass.BREAKING_FOR_CONSUMERS ? older : newer;
            Contract rejects = direction == ChangeClass.BREAKING_FOR_CONSUMERS ? newer : older;
            assertThat(accepts.check(witness.claims(), "/claims"))
                    .as("accepted by %s", accepts.reference())
                    .isEmpty();
            assertThat(rejects.check(witness.claims(), "/claims"))
                    .as("rejected by %s", rejects.reference())
                    .isNotEmpty();
        }
    }
}
