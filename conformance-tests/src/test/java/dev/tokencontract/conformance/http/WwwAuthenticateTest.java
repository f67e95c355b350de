package dev.tokencontract.conformance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WwwAuthenticateTest {

    @Test
    void parseWhenMcpChallengeThenSchemeAndParamsInOrder() {
        WwwAuthenticate.Parsed parsed = WwwAuthenticate.parse(
                "Bearer resource_metadata=\"https://mcp.example.test/.well-known/oauth-protected-resource\", error=invalid_token,"
                        + " error_description=\"The token \\\"expired\\\"\"");

        assertThat(parsed.ok()).as(parsed.error().orElse("")).isTrue();
        Challenge bearer = parsed.first("bearer").orElseThrow();
        assertThat(bearer.params())
                .extracting(Challenge.Param::name)
                .containsExactly("resource_metadata", "error", "error_description");
        assertThat(bearer.param("ERROR")).contains("invalid_token");
        assertThat(bearer.param("error_description")).contains("The token \"expired\"");
    }

    @Test
    void parseWhenSeveralChallengesAndToken68ThenEachSeparated() {
        WwwAuthenticate.Parsed parsed = WwwAuthenticate.parse(
                "Basic realm=\"x\", Negotiate abc+/def==, Bearer realm=\"mcp\", scope=\"a b\", , DPoP");

        assertThat(parsed.ok()).as(parsed.error().orElse("")).isTrue();
        assertThat(parsed.challenges())
                .extracting(Challenge::scheme)
                .containsExactly("Basic", "Negotiate", "Bearer", "DPoP");
        assertThat(parsed.challenges().get(1).token68()).isEqualTo("abc+/def==");
        assertThat(parsed.first("Bearer").orElseThrow().param("scope")).contains("a b");
    }

    @Test
    void parseWhenHeaderSplitOverLinesThenOneList() {
        WwwAuthenticate.Parsed parsed = WwwAuthenticate.parse(List.of("Basic realm=x", "Bearer error=invalid_token"));

        assertThat(parsed.challenges()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer realm=\"unterminated",
                "Bearer realm=, error=x",
                "Bearer =x",
                "Bearer realm=\"a\" error=x",
                "Bearer realm=\"bad\u0001control\"",
                "Bearer realm=\"bad escape\\\u0001\"",
                "\"Bearer\"",
                "Bearer realm=a b",
                "Bearer\trealm=x",
                "B\u00e9arer realm=x",
                ",,,",
                "   "
            })
    void parseWhenNotRfc9110SyntaxThenErrorNamesWhere(String header) {
        WwwAuthenticate.Parsed parsed = WwwAuthenticate.parse(header);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.challenges()).isEmpty();
        assertThat(parsed.error().orElseThrow()).isNotBlank();
    }

    @Test
    void parseWhenNullOrOversizedThenErrorNotException() {
        assertThat(WwwAuthenticate.parse((String) null).error()).contains("the header is empty");
        assertThat(WwwAuthenticate.parse("Bearer realm=\"" + "a".repeat(WwwAuthenticate.MAX_CHARS) + "\"")
                        .error()
                        .orElseThrow())
                .contains("longer than");
        assertThat(WwwAuthenticate.parse("Bearer realm=\"x").error().orElseThrow())
                .contains("closing '\"'")
                .contains("character 14");
    }
}
