package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.testing.TestContracts;
import org.junit.jupiter.api.Test;

/** Published versions never change: the client says so when the registry serves other bytes for one it cached. */
class RegistryClientChangedVersionTest extends RegistryClientTestBase {
    @Test
    void fetchWhenRegistryServesOtherBytesForACachedExactVersionThenWarnedWithBothDigests() throws Exception {
        publishVersions("1.0.0");
        String before = digestOf("1.0.0");
        assertThat(client().fetch("minimal-token@1.0.0").warnings()).isEmpty();
        String after = restoreOtherBackup(TestContracts.minimalText("1.0.0").replace("RS256", "PS256"))
                .get(0);

        FetchedContract exact = client().fetch("minimal-token@1.0.0");
        FetchedContract viaLatest = client().fetch("minimal-token@latest");

        assertThat(after).isNotEqualTo(before);
        assertThat(exact.digest()).isEqualTo(after);
        assertThat(exact.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(FindingCode.REGISTRY_VERSION_CHANGED);
            assertThat(w.expected()).isEqualTo(before);
            assertThat(w.actual()).isEqualTo(after);
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
