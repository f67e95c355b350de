package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticVersionsTest {
    @Test
    void orderWhenShuffledThenNumericWithPreReleaseFirst() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "2.0.0-rc.1", "1.9.0", "1.0.0", "1.0.0-alpha",
                "10.0.0", "2.0.0", "1.9.10"));

        versions.sort(SemanticVersions.ORDER);

        assertThat(versions).containsExactly("1.0.0-alpha", "1.0.0", "1.9.0", "1.9.10", "1.10.0", "2.0.0-rc.1",
                "2.0.0", "10.0.0");
    }

    @Test
    void numbersWhenReleaseOrPreReleaseThenMajorMinorPatch() {
        assertThat(SemanticVersions.numbers("1.10.3")).containsExactly(1, 10, 3);
        assertThat(SemanticVersions.numbers("2.0.1-rc.1")).containsExactly(2, 0, 1);
    }

    @Test
    void numbersWhenMissingOrNotNumericThenZeroAsTheOrderingReadsThem() {
        assertThat(SemanticVersions.numbers("3")).containsExactly(3, 0, 0);
        assertThat(SemanticVersions.numbers("x.y.z")).containsExactly(0, 0, 0);
        assertThat(SemanticVersions.numbers("99999999999999999999.1.2")).containsExactly(0, 1, 2);
    }

    @Test
    void preReleaseWhenPresentThenTextAfterFirstDashElseNull() {
        assertThat(SemanticVersions.preRelease("1.0.0-rc.1-b")).isEqualTo("rc.1-b");
        assertThat(SemanticVersions.preRelease("1.0.0")).isNull();
    }
}
