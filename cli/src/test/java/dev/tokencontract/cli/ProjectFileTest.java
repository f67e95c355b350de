package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    @TempDir
    Path dir;

    @Test
    void findWhenFileTwoLevelsUpThenFoundWithItsRegistry() throws Exception {
        Files.writeString(dir.resolve(ProjectFile.NAME), "{\"registry\": \"https://registry.example.test\"}");
        Path deep = Files.createDirectories(dir.resolve("a/b"));

        ProjectFile.Found found = ProjectFile.find(deep).orElseThrow();

        assertThat(found.path()).isEqualTo(dir.resolve(ProjectFile.NAME));
        assertThat(found.registry()).contains("https://registry.example.test");
    }

    @Test
    void findWhenNearerFileThenTheNearerWins() throws Exception {
        Files.writeString(dir.resolve(ProjectFile.NAME), "{\"registry\": \"https://outer.example.test\"}");
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Files.writeString(inner.resolve(ProjectFile.NAME), "{}");

        ProjectFile.Found found = ProjectFile.find(inner).orElseThrow();

        assertThat(found.path()).isEqualTo(inner.resolve(ProjectFile.NAME));
        assertThat(found.registry()).isEmpty();
    }

    @Test
    void findUpwardWhenNothingUpToTheRootThenEmpty() {
        assertThat(ProjectFile.findUpward(dir, "no-such-file-" + System.nanoTime()))
                .isEmpty();
    }

    @Test
    void readWhenDirectoryThenUsageErrorNamingIt() throws Exception {
        Files.createDirectories(dir.resolve(ProjectFile.NAME));

        assertThatThrownBy(() -> ProjectFile.find(dir))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(ProjectFile.NAME + " is a directory");
    }

    @Test
    void readWhenHugeThenRefusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve(ProjectFile.NAME);
        Files.write(file, new byte[ProjectFile.MAX_BYTES + 1]);

        assertThatThrownBy(() -> ProjectFile.read(file)).hasMessageContaining("is larger than 65536 bytes");
    }

    @Test
    void readWhenMalformedOrWrongTypesThenUsageErrors() throws Exception {
        Path file = dir.resolve(ProjectFile.NAME);

        Files.writeString(file, "registry=https://registry.example.test");
        assertThatThrownBy(() -> ProjectFile.read(file)).hasMessageContaining("is not one JSON object");
        Files.writeString(file, "{\"registry\": \"a\", \"registry\": \"b\"}");
        assertThatThrownBy(() -> ProjectFile.read(file)).hasMessageContaining("is not one JSON object");
        Files.writeString(file, "{\"registry\": 8080}");
        assertThatThrownBy(() -> ProjectFile.read(file)).hasMessageContaining("'registry' must be a string");
        Files.writeString(file, "[1]");
        assertThatThrownBy(() -> ProjectFile.read(file)).hasMessageContaining("is not one JSON object");
    }

    @Test
    void readWhenUnknownMemberThenDidYouMean() throws Exception {
        Path file = Files.writeString(dir.resolve(ProjectFile.NAME), "{\"regsitry\": \"https://r.example.test\"}");

        assertThatThrownBy(() -> ProjectFile.read(file))
                .hasMessageContaining("unknown member 'regsitry'; did you mean 'registry'?");
    }
}
