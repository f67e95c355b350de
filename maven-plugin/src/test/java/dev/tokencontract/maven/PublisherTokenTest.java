package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.maven.internal.PublisherToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTokenTest {
    @TempDir
    Path dir;

    @Test
    void readWhenFileGivenThenItsTokenTrimmedAndTheEnvironmentIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "abc.def.ghi\n");

        assertThat(PublisherToken.read(file, "TOKEN", Map.of("TOKEN", "other"))).isEqualTo("abc.def.ghi");
    }

    @Test
    void readWhenNoFileThenTheEnvironmentVariable() {
        assertThat(PublisherToken.read(null, "TOKEN", Map.of("TOKEN", " abc "))).isEqualTo("abc");
    }

    @Test
    void readWhenVariableUnsetOrEmptyThenRefusedNamingIt() {
        assertThatThrownBy(() -> PublisherToken.read(null, "TOKEN", Map.of()))
                .hasMessage("the environment variable TOKEN is not set (or set <tokenFile>)");
        assertThatThrownBy(() -> PublisherToken.read(null, "TOKEN", Map.of("TOKEN", "  ")))
                .hasMessage("the environment variable TOKEN is empty");
    }

    @Test
    void readWhenFileHoldsTwoLinesThenRefusedWithoutEchoingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "secret-one\nsecret-two\n");

        assertThatThrownBy(() -> PublisherToken.read(file, null, Map.of()))
                .hasMessageContaining("holds more than one token")
                .hasMessageNotContaining("secret");
    }

    @Test
    void readWhenFileMissingOrHugeThenRefused() throws Exception {
        assertThatThrownBy(() -> PublisherToken.read(dir.resolve("absent"), null, Map.of()))
                .hasMessageContaining("no token file at");
        Path huge = Files.writeString(dir.resolve("huge"), "a".repeat(20_000));
        assertThatThrownBy(() -> PublisherToken.read(huge, null, Map.of()))
                .hasMessageContaining("larger than a token can be");
    }
}
