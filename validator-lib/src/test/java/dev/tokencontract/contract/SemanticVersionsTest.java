package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SemanticVersionsTest {
    @Test
    void orderWhenShuffledThenNumericWithPreReleaseFirst() {
        List<String> versions = new ArrayList<>(
                List.of("1.10.0", "2.0.0-rc.1", "1.9.0", "1.0.0", "1.0.0-alpha", "10.0.0", "2.0.0", "1.9.10"));

        versions.sort(SemanticVersions.ORDER);

        assertThat(versions)
                .containsExactly("1.0.0-alpha", "1.0.0", "1.9.0", "1.9.10", "1.10.0", "2.0.0-rc.1", "2.0.0", "10.0.0");
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
        assertThat(SemanticVersions.numbers("99999999999999999999.1.2"))
                .containsExactly(Long.MAX_VALUE, 1, 2); // never 0
    }

    @Test
    void orderWhenPreReleasesThenSemVerPrecedenceNumericIdentifiersNumerically() {
        List<String> versions = new ArrayList<>(List.of(
                "1.0.0",
                "1.0.0-rc.1",
                "1.0.0-beta.11",
                "1.0.0-beta.2",
                "1.0.0-beta",
                "1.0.0-alpha.beta",
                "1.0.0-alpha.1",
                "1.0.0-alpha",
                "1.0.0-rc.10",
                "1.0.0-rc.2"));

        versions.sort(SemanticVersions.ORDER);

        assertThat(versions)
                .containsExactly(
                        "1.0.0-alpha",
                        "1.0.0-alpha.1",
                        "1.0.0-alpha.beta",
                        "1.0.0-beta",
                        "1.0.0-beta.2",
                        "1.0.0-beta.11",
                        "1.0.0-rc.1",
                        "1.0.0-rc.2",
                        "1.0.0-rc.10",
                        "1.0.0");
    }

    @Test
    void isValidWhenSemVerWithinBoundsThenTrueElseFalse() {
        assertThat(List.of(
                        "0.0.0",
                        "1.2.3",
                        "999999999.999999999.999999999",
                        "1.0.0-rc.1",
                        "1.0.0-0abc.x-y",
                        "1.0.0-alpha.0",
                        "1.0.0-" + "a".repeat(58)))
                .allMatch(SemanticVersions::isValid);
        assertThat(java.util.Arrays.asList(
                        null,
                        "",
                        "1",
                        "1.2",
                        "01.0.0",
                        "1.00.0",
                        "1.0.0-rc.01",
                        "1.0.0-",
                        "1.0.0-rc..1",
                        "1.0.0+build.1",
                        "1000000000.0.0",
                        "9223372036854775807.0.0",
                        "99999999999999999999.0.0",
                        "1.0.0-rc.1234567890",
                        "1.0.0-" + "a".repeat(59),
                        "v1.0.0",
                        "1.0.0 ",
                        "1.0.0-ré"))
                .noneMatch(SemanticVersions::isValid);
    }

    @Test
    void isValidWhenComparedWithTheMetaSchemaThenTheyAgreeOnEveryCase() throws Exception {
        JsonNode version;
        try (InputStream in = SemanticVersions.class
                .getClassLoader()
                .getResourceAsStream("tokencontract/meta/contract.schema.json")) {
            version = JsonMapper.builder()
                    .build()
                    .readTree(in)
                    .path("properties")
                    .path("x-contract")
                    .path("properties")
                    .path("version");
        }
        Pattern pattern = Pattern.compile(version.path("pattern").asString());
        int maxLength = version.path("maxLength").asInt();
        List<String> cases = List.of(
                "0.0.0",
                "1.2.3",
                "999999999.0.1",
                "1000000000.0.0",
                "1.0.0-rc.1",
                "1.0.0-rc.01",
                "1.0.0-0abc",
                "1.0.0-01",
                "1.0.0+b",
                "01.1.1",
                "1.0.0-" + "a".repeat(58),
                "1.0.0-" + "a".repeat(59),
                "1.0.0-a.-.0",
                "1.0.0-rc.1234567890",
                "2.0.0-x.7.z.92");

        for (String text : cases) {
            boolean metaSchema =
                    text.length() <= maxLength && pattern.matcher(text).find();
            assertThat(metaSchema).as(text).isEqualTo(SemanticVersions.isValid(text));
        }
    }

    @Test
    void preReleaseWhenPresentThenTextAfterFirstDashElseNull() {
        assertThat(SemanticVersions.preRelease("1.0.0-rc.1-b")).isEqualTo("rc.1-b");
        assertThat(SemanticVersions.preRelease("1.0.0")).isNull();
    }
}
