package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code docs/compatibility.md} documents every change kind the table test makes the engine emit. */
class CompatibilityDocumentationTest {

    @Test
    @SuppressWarnings("unchecked")
    void docsWhenEngineEmitsAKindThenItIsDocumented() throws IOException {
        Path doc = Path.of(System.getProperty("user.dir"))
                .resolve("../docs/compatibility.md")
                .normalize();
        String text = Files.readString(doc);
        Set<String> kinds = new TreeSet<>();
        ChangeKindTableTest.rows().forEach(row -> {
            UnaryOperator<DiffPair> edit = (UnaryOperator<DiffPair>) row.get()[1];
            edit.apply(DiffPair.minimal())
                    .diff()
                    .changes()
                    .forEach(c -> kinds.add(c.kind().wireName()));
        });

        assertThat(kinds).hasSizeGreaterThan(70);
        List<String> undocumented =
                kinds.stream().filter(kind -> !text.contains("`" + kind + "`")).toList();
        assertThat(undocumented).as("kinds missing from docs/compatibility.md").isEmpty();
    }

    @Test
    void docsWhenAKindIsDeclaredThenItIsDocumented() throws IOException {
        String text = Files.readString(Path.of(System.getProperty("user.dir"))
                .resolve("../docs/compatibility.md")
                .normalize());

        List<String> undocumented = java.util.Arrays.stream(ChangeKind.values())
                .map(ChangeKind::wireName)
                .filter(kind -> !text.contains("`" + kind + "`"))
                .toList();

        assertThat(undocumented)
                .as("declared kinds missing from docs/compatibility.md")
                .isEmpty();
    }

    @Test
    void fromWireNameWhenEveryKindThenRoundTrips() {
        for (ChangeKind kind : ChangeKind.values()) {
            assertThat(ChangeKind.fromWireName(kind.wireName())).contains(kind);
            assertThat(kind.toString()).isEqualTo(kind.wireName()).matches("[a-z]+(-[a-z]+)+");
        }
        assertThat(ChangeKind.fromWireName("no-such-kind")).isEmpty();
    }
}
