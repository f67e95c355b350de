package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.CompatProbes;
import dev.tokencontract.testing.CompatProbes.Probe;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's probe table, structurally: a breaking change behind a reference in every applicator position (with
 * the reference text unchanged), behind an anchor, a {@code $dynamicRef}, a chain, and under {@code unevaluated*}
 * must each be reported with its kind and the direction it breaks, and refused under {@code FULL_TRANSITIVE}.
 * The conformance kit's {@code ProbeWitnessTest} finds a token for each.
 */
class ProbeTableTest {

    static Stream<Probe> probes() {
        return CompatProbes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void betweenWhenBreakingChangeBehindReferenceThenReportedAndRefused(Probe probe) throws Exception {
        Contract older = Contracts.parse(probe.older().toString());
        Contract newer = Contracts.parse(probe.newer().toString());

        ContractDiff diff = ContractDiff.between(older, newer);

        List<Change> named = diff.changes().stream()
                .filter(c -> c.kind().wireName().equals(probe.kind()))
                .toList();
        assertThat(named).as("%s: %s", probe.kind(), diff.changes()).isNotEmpty();
        for (ChangeClass direction : probe.refused()) {
            assertThat(named).as("%s reported as %s", probe.kind(), direction).anyMatch(c -> c.is(direction));
        }
        assertThat(diff.refusedBy(CompatibilityMode.FULL_TRANSITIVE, false)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void betweenWhenProbeComparedWithItselfThenNoChange(Probe probe) throws Exception {
        Contract newer = Contracts.parse(probe.newer().toString());

        assertThat(ContractDiff.between(newer, newer).changes()).isEmpty();
    }
}
