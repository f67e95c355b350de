package dev.tokencontract.registry.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which exact versions each kind of spec allows: the check that a registry resolved a range honestly. */
class VersionSpecTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
        "latest, 2.0.0, true",
        "latest, 0.0.1-rc.1, true",
        "1.2.3, 1.2.3, true",
        "1.2.3, 1.2.4, false",
        "1, 1.9.9, true",
        "1, 2.0.0, false",
        "1, 1.0.0-rc.1, false",
        "1.2, 1.2.7, true",
        "1.2, 1.3.0, false",
        "^1.2.0, 1.2.0, true",
        "^1.2.0, 1.9.0, true",
        "^1.2.0, 1.1.9, false",
        "^1.2.0, 2.0.0, false",
        "^1.2.0, 1.3.0-rc.1, false",
        "^0.2.0, 0.2.5, true",
        "^0.2.0, 0.3.0, false",
        "^0.0.3, 0.0.3, true",
        "^0.0.3, 0.0.4, false",
        "~1.2.3, 1.2.9, true",
        "~1.2.3, 1.2.2, false",
        "~1.2.3, 1.3.0, false",
        "~1.2, 1.2.0, true",
        "~1.2, 1.2.9, true",
        "~1.2, 1.3.0, false",
        "^1.2.0, not-a-version, false",
    })
    void allowsWhenVersionThenAsSemverRangesSay(String spec, String version, boolean allowed) throws Exception {
        assertThat(VersionSpec.parse("some-contract@" + spec).allows(version)).isEqualTo(allowed);
    }
}
