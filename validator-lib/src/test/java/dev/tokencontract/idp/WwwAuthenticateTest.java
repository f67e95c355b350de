package dev.tokencontract.idp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.idp.internal.WwwAuthenticate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The resource_metadata parameter of Bearer challenges, as MCP 2025-11-25 shows them and as servers mangle them. */
class WwwAuthenticateTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Bearer resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource\", scope=\"files:read\"|https://mcp.example.com/.well-known/oauth-protected-resource",
                "Bearer error=\"insufficient_scope\", scope=\"files:read files:write\", resource_metadata=\"https://m/x\", error_description=\"more\"|https://m/x",
                "bearer RESOURCE_METADATA=https://m/y|https://m/y",
                "Bearer resource_metadata = \"https://m/z\"|https://m/z",
                "Bearer realm=\"a,b\", resource_metadata=\"https://m/q\"|https://m/q"
            })
    void parameterWhenPresentThenValue(String header, String expected) {
        assertThat(WwwAuthenticate.parameter(header, "resource_metadata")).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Bearer",
                "Bearer realm=\"mcp\"",
                "Bearer error=\"invalid_token\"",
                "=====",
                ",,,,",
                "Bearer \"unterminated",
                "Bearer resource_metadata_x=\"https://m\""
            })
    void parameterWhenAbsentOrMalformedThenEmpty(String header) {
        assertThat(WwwAuthenticate.parameter(header, "resource_metadata")).isEmpty();
    }

    @Test
    void parameterWhenHeaderHugeThenIgnoredWithoutScanning() {
        assertThat(WwwAuthenticate.parameter(
                        "Bearer " + "a=b, ".repeat(10_000) + "resource_metadata=x", "resource_metadata"))
                .isEmpty();
        assertThat(WwwAuthenticate.parameter(null, "resource_metadata")).isEmpty();
    }
}
