package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestContracts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples in {@code docs/contract-format.md} are real: the skeleton lints clean, the worked example is the shipped file. */
class ContractFormatDocumentationTest {
    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(Path.of(System.getProperty("user.dir"))
                .resolve("../docs/contract-format.md")
                .normalize());
    }

    /** The first fenced {@code json} block after the heading that starts with {@code heading}. */
    private static String jsonBlockAfter(String heading) {
        int section = doc.indexOf("\n" + heading);
        assertThat(section).as("heading %s", heading).isNotNegative();
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        return doc.substring(start, doc.indexOf("\n```", start));
    }

    @Test
    void contractFormatDocWhenSkeletonLintedThenNoFindings() {
        assertThat(Contracts.lint(jsonBlockAfter("## Skeleton")).findings()).isEmpty();
    }

    @Test
    void contractFormatDocWhenWorkedExampleComparedThenIsTheBundledMcpContract() {
        assertThat(TestContracts.object(jsonBlockAfter("## Worked example")))
                .isEqualTo(TestContracts.bundled("mcp-access-token", "1.0.0"));
    }
}
