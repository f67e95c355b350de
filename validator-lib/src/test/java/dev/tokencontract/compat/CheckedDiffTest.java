package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a counterexample search's tokens combine with the structural diff: a token overrides "safe". */
class CheckedDiffTest {
    private static final Contract OLDER = parse("1.0.0");
    private static final Contract NEWER = parse("1.1.0");

    @Test
    void checkWhenSearchFindsTokenWhereEngineSawNoBreakThenWitnessFoundChangeIsRefused() {
        CounterexampleSearch producerToken =
                (older, newer, direction) -> direction == ChangeClass.BREAKING_FOR_PRODUCERS
                        ? Optional.of(new Counterexample(
                                direction,
                                TestContracts.object("{\"iss\": \"x\", \"roles\": [\"admin\"]}"),
                                "/properties/roles/items/enum",
                                "CLAIM_NOT_IN_ENUM",
                                3L))
                        : Optional.empty();

        CheckedDiff checked = CheckedDiff.check(OLDER, NEWER, producerToken);

        assertThat(ContractDiff.between(OLDER, NEWER).changes()).isEmpty();
        assertThat(checked.diff().changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.WITNESS_FOUND);
            assertThat(change.classes()).containsExactly(ChangeClass.BREAKING_FOR_PRODUCERS);
            assertThat(change.pointer()).isEqualTo("/properties/roles/items/enum");
            assertThat(change.explanation())
                    .contains("\"admin\"")
                    .contains("accepted by minimal-token@1.1.0")
                    .contains("rejected by minimal-token@1.0.0")
                    .contains("seed 3");
        });
        assertThat(checked.diff().refusedBy(CompatibilityMode.FORWARD)).hasSize(1);
        assertThat(checked.diff().refusedBy(CompatibilityMode.BACKWARD)).isEmpty();
        assertThat(checked.witness(ChangeClass.BREAKING_FOR_PRODUCERS)).isPresent();
        assertThat(checked.unconfirmed(checked.diff().changes().get(0))).isEmpty();
    }

    @Test
    void checkWhenEveryDirectionIsSearchedThenSafeDirectionsAreAskedToo() {
        List<ChangeClass> asked = new ArrayList<>();

        CheckedDiff.check(OLDER, NEWER, (older, newer, direction) -> {
            asked.add(direction);
            return Optional.empty();
        });

        assertThat(asked).containsExactly(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS);
    }

    @Test
    void checkWhenReportedBreakHasNoTokenThenItStaysRefusedAndUnconfirmed() throws Exception {
        DiffPair pair = DiffPair.minimal().now("/required/3", "\"scope\"");
        Contract older = Contracts.parse(pair.olderDocument().toString());
        Contract newer = Contracts.parse(pair.newerDocument().toString());

        CheckedDiff checked = CheckedDiff.check(older, newer, (o, n, direction) -> Optional.empty());

        Change required = checked.diff().changes().get(0);
        assertThat(required.kind()).isEqualTo(ChangeKind.REQUIRED_ADDED);
        assertThat(checked.unconfirmed(required)).containsExactly(ChangeClass.BREAKING_FOR_CONSUMERS);
        assertThat(checked.diff().refusedBy(CompatibilityMode.BACKWARD)).containsExactly(required);
        assertThat(checked.searched()).isTrue();
    }

    @Test
    void checkWhenNoSearchThenStructuralDiffAndNothingSearched() {
        CheckedDiff checked = CheckedDiff.check(OLDER, NEWER, null);

        assertThat(checked.searched()).isFalse();
        assertThat(checked.witnesses()).isEmpty();
        assertThat(checked.diff()).isEqualTo(ContractDiff.between(OLDER, NEWER));
    }

    private static Contract parse(String version) {
        try {
            return Contracts.parse(TestContracts.minimalText(version));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
