package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mode against every class, with and without the widening acknowledgement: the table in docs/compatibility.md. */
class ModeMappingTest {
    private static final String C = "BREAKING_FOR_CONSUMERS";
    private static final String P = "BREAKING_FOR_PRODUCERS";
    private static final String W = "AUTHORIZATION_WIDENING";
    private static final String X = "COSMETIC";

    /** mode, classes refused without acknowledgement, classes refused with it. */
    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of(CompatibilityMode.NONE, List.of(), List.of()),
                Arguments.of(CompatibilityMode.BACKWARD, List.of(C, W), List.of(C)),
                Arguments.of(CompatibilityMode.BACKWARD_TRANSITIVE, List.of(C, W), List.of(C)),
                Arguments.of(CompatibilityMode.FORWARD, List.of(P, W), List.of(P)),
                Arguments.of(CompatibilityMode.FORWARD_TRANSITIVE, List.of(P, W), List.of(P)),
                Arguments.of(CompatibilityMode.FULL, List.of(C, P, W), List.of(C, P)),
                Arguments.of(CompatibilityMode.FULL_TRANSITIVE, List.of(C, P, W), List.of(C, P)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void refusedByWhenOneChangePerClassThenModeRefusesExactlyItsClasses(
            CompatibilityMode mode, List<String> unacknowledged, List<String> acknowledged) {
        ContractDiff diff = new ContractDiff(
                "t@1.0.0",
                "t@1.1.0",
                Stream.of(C, P, W, X)
                        .map(name -> new Change(
                                ChangeKind.SCHEMA_CHANGED, Set.of(ChangeClass.valueOf(name)), "/x", "x", null, null))
                        .toList());

        assertThat(diff.refusedBy(mode, false).stream()
                        .map(c -> c.classes().iterator().next().name()))
                .containsExactlyElementsOf(unacknowledged);
        assertThat(diff.refusedBy(mode, true).stream()
                        .map(c -> c.classes().iterator().next().name()))
                .containsExactlyElementsOf(acknowledged);
        assertThat(diff.refusedBy(mode, true)).containsExactlyElementsOf(diff.refusedBy(mode));
    }
}
