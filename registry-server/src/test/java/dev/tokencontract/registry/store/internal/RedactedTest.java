package dev.tokencontract.registry.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTest {
    @Test
    void urlWhenParametersOrUserInfoThenNeitherShown() {
        assertThat(Redacted.url("jdbc:postgresql://db:5432/registry?user=r&password=hunter2"))
                .isEqualTo("jdbc:postgresql://db:5432/registry?...");
        assertThat(Redacted.url("jdbc:h2:file:/data/registry;PASSWORD=hunter2;CIPHER=AES"))
                .isEqualTo("jdbc:h2:file:/data/registry?...");
        assertThat(Redacted.url("jdbc:postgresql://r:hunter2@db/registry")).isEqualTo("jdbc:...@db/registry");
        assertThat(Redacted.url("jdbc:h2:file:/data/registry")).isEqualTo("jdbc:h2:file:/data/registry");
        assertThat(Redacted.url(null)).isEqualTo("(none)");
    }
}
