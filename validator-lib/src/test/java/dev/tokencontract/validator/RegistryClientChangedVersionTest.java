package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.validator.testing.CountingHttpServer;
import dev.tokencontract.validator.testing.FakeRegistry;
import dev.tokencontract.validator.testing.FakeRegistry.Fault;
import dev.tokencontract.validator.testing.SteppingClock;
import dev.tokencontract.validator.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Published versions never change: the client says so when the registry serves other bytes for one it cached. */
class RegistryClientChangedVersionTest {
    private final FakeRegistry registry = FakeRegistry.start();
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T00:00:00Z"));
    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryClient client() throws RegistryException {
        return RegistryClient.create(registry.url(), settings());
    }

    private RegistrySettings settings() {
        return RegistrySettings.defaults().withCacheDir(cacheDir).withClock(clock)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private void publishVersions(String... versions) {
        for (String version : versions) {
            registry.put(TestContracts.minimalText(version));
        }
    }

    @Test
    void fetchWhenRegistryServesOtherBytesForACachedExactVersionThenWarnedWithBothDigests() throws Exception {
        publishVersions("1.0.0");
        String before = FakeRegistry.digestOf(TestContracts.minimalText("1.0.0"));
        String changedText = TestContracts.minimalText("1.0.0").replace("RS256", "PS256");
        assertThat(client().fetch("minimal-token@1.0.0").warnings()).isEmpty();
        registry.replaceBytes("minimal-token", "1.0.0", changedText);

        FetchedContract exact = client().fetch("minimal-token@1.0.0");
        FetchedContract viaLatest = client().fetch("minimal-token@latest");

        assertThat(exact.digest()).isEqualTo(FakeRegistry.digestOf(changedText));
        assertThat(exact.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(FindingCode.REGISTRY_VERSION_CHANGED);
            assertThat(w.expected()).isEqualTo(before);
            assertThat(w.actual()).isEqualTo(FakeRegistry.digestOf(changedText));
        });
        // the second fetch cached the new bytes: the range sees no further change
        assertThat(viaLatest.warnings()).isEmpty();
    }

    @Test
    void fetchWhenSameExactVersionFetchedAgainUnchangedThenNoChangeWarning() throws Exception {
        publishVersions("1.0.0");
        client().fetch("minimal-token@1.0.0");

        FetchedContract again = client().fetch("minimal-token@1.0.0");

        assertThat(again.source()).isEqualTo(FetchSource.NOT_MODIFIED);
        assertThat(again.warnings()).isEmpty();
    }
}
