package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain name is always a bundled reference; a file is read only when given as a path or {@code file:}. */
class ContractLoadingFileOrNameTest {

    @Test
    void loadWhenWorkingDirectoryHasAFileOfThatNameThenFileIsNotRead() throws Exception {
        Path sameName = Path.of("tc-probe-not-a-bundled-name").toAbsolutePath(); // the test's working directory
        Files.writeString(sameName, TestContracts.minimalText("1.0.0"));
        try {
            assertThatThrownBy(() -> Contracts.load("tc-probe-not-a-bundled-name"))
                    .isInstanceOf(ContractException.class)
                    .hasMessageContaining("no bundled contract named 'tc-probe-not-a-bundled-name'");
        } finally {
            Files.deleteIfExists(sameName);
        }
    }

    @Test
    void loadWhenWorkingDirectoryShadowsABundledNameThenBundledContractIsLoaded() throws Exception {
        Path sameName = Path.of("mcp-access-token").toAbsolutePath();
        Files.writeString(sameName, "not a contract");
        try {
            assertThat(Contracts.load("mcp-access-token").reference()).isEqualTo("mcp-access-token@1.0.0");
        } finally {
            Files.deleteIfExists(sameName);
        }
    }

    @Test
    void loadWhenFilePrefixThenReadsThatFileWhateverItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("contract-without-extension");
        Files.writeString(file, TestContracts.minimalText("1.0.0"));

        assertThat(Contracts.load("file:" + file).name())
                .isEqualTo(Contracts.parse(TestContracts.minimalText("1.0.0")).name());
    }

    @Test
    void loadWhenPathWithSeparatorThenReadsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c");
        Files.writeString(file, TestContracts.minimalText("1.0.0"));

        assertThat(Contracts.load(file.toString()).reference())
                .isEqualTo(Contracts.parse(TestContracts.minimalText("1.0.0")).reference());
    }

    @Test
    void loadWhenFilePrefixNamesNoFileThenSaysSo() {
        assertThatThrownBy(() -> Contracts.load("file:/nonexistent/contract.json"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("no contract file at /nonexistent/contract.json");
    }
}
