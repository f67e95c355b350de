package dev.tokencontract.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code docs/findings.md} documents every {@link FindingCode}, as a table row or a heading, under the
 * section of its stage, with the right outcome. New codes cannot ship undocumented.
 */
class FindingsDocumentationTest {
    private static final Pattern SECTION = Pattern.compile("^##\\s+(.+?)\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|(.*)$");
    private static final Pattern HEADING = Pattern.compile("^#{2,6}\\s+`?([A-Z][A-Z0-9_]*)`?\\s*$");

    /** A documented code: the stage section it sits in, and its table cells after the code (empty for a heading). */
    record Entry(String section, List<String> cells) {}

    private static final Map<String, Entry> DOCUMENTED = new LinkedHashMap<>();

    @BeforeAll
    static void readFindingsDoc() throws IOException {
        Path doc = Path.of(System.getProperty("user.dir"))
                .resolve("../docs/findings.md")
                .normalize();
        assertThat(doc).as("docs/findings.md next to the validator-lib module").isRegularFile();
        String section = "";
        for (String line : Files.readAllLines(doc)) {
            Matcher heading = HEADING.matcher(line);
            Matcher sectionStart = SECTION.matcher(line);
            Matcher row = ROW.matcher(line);
            if (heading.matches() && isCodeName(heading.group(1))) {
                DOCUMENTED.put(heading.group(1), new Entry(section, List.of()));
            } else if (sectionStart.matches()) {
                section = sectionStart.group(1).toLowerCase(Locale.ROOT);
            } else if (row.matches()) {
                List<String> cells = Arrays.stream(row.group(2).split("\\|"))
                        .map(String::trim)
                        .toList();
                DOCUMENTED.put(row.group(1), new Entry(section, cells));
            }
        }
    }

    private static boolean isCodeName(String text) {
        return text.contains("_");
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void findingsDocWhenCodeExistsThenDocumented(FindingCode code) {
        assertThat(DOCUMENTED)
                .as("docs/findings.md documents %s as a table row or heading", code)
                .containsKey(code.name());
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void findingsDocWhenCodeDocumentedThenUnderItsStageSection(FindingCode code) {
        Entry entry = DOCUMENTED.get(code.name());

        assertThat(entry).isNotNull();
        assertThat(entry.section())
                .as("section of %s", code)
                .isEqualTo(code.stage().label());
    }

    @ParameterizedTest
    @EnumSource(FindingCode.class)
    void findingsDocWhenCodeIsATableRowThenOutcomeMatchesMeansUnchecked(FindingCode code) {
        Entry entry = DOCUMENTED.get(code.name());

        assertThat(entry).isNotNull();
        if (!entry.cells().isEmpty()) {
            assertThat(entry.cells())
                    .as("severity, outcome, meaning, cause, what to do for %s", code)
                    .hasSize(5);
            assertThat(entry.cells().get(1).contains("could not check"))
                    .as("outcome of %s", code)
                    .isEqualTo(code.meansUnchecked());
            assertThat(entry.cells().get(2)).as("meaning of %s", code).isNotBlank();
        }
    }

    @Test
    void findingsDocWhenCodeListedThenItExistsInFindingCode() {
        List<String> known = Arrays.stream(FindingCode.values()).map(Enum::name).toList();

        assertThat(DOCUMENTED.keySet())
                .as("codes documented but not in FindingCode")
                .isSubsetOf(known);
    }
}
