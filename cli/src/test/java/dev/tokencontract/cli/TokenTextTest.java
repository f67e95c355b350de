package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TokenTextTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-26T04:12:00Z");
    private final TokenText text = new TokenText(new Terminal(false), AT, "the evaluation time");

    @Test
    void timeWhenExpBeforeEvaluationThenSaysExpiredAndByHowMuch() {
        assertThat(text.time("exp", JSON.readTree("1795654800")))
                .isEqualTo("2026-11-26T01:00:00Z (expired 3 h 12 min before the evaluation time)");
    }

    @Test
    void timeWhenExpAfterEvaluationThenSaysExpires() {
        assertThat(text.time("exp", JSON.readTree("1795667520")))
                .isEqualTo("2026-11-26T04:32:00Z (expires 20 min after the evaluation time)");
    }

    @Test
    void timeWhenIatNbfAuthTimeThenEachHasItsOwnWords() {
        assertThat(text.time("iat", JSON.readTree("1795651200")))
                .endsWith("(issued 4 h 12 min before the evaluation time)");
        assertThat(text.time("nbf", JSON.readTree("1795667520")))
                .endsWith("(not valid until 20 min after the evaluation time)");
        assertThat(text.time("nbf", JSON.readTree("1795651200")))
                .endsWith("(valid since 4 h 12 min before the evaluation time)");
        assertThat(text.time("auth_time", JSON.readTree("1795651200")))
                .endsWith("(authenticated 4 h 12 min before the evaluation time)");
    }

    @Test
    void timeWhenNotANumericDateOrNotATimeClaimThenNone() {
        assertThat(text.time("exp", JSON.readTree("\"1795654800\""))).isNull();
        assertThat(text.time("exp", JSON.readTree("1.795654800E9"))).isNull();
        assertThat(text.time("exp", JSON.readTree("1e308"))).isNull();
        assertThat(text.time("exp", JSON.readTree("-1"))).isNull();
        assertThat(text.time("jti", JSON.readTree("1795654800"))).isNull();
    }

    @Test
    void valueWhenStringThenRawAndWhenArrayThenCompactJson() {
        assertThat(TokenText.value(JSON.readTree("\"alice\""))).isEqualTo("alice");
        assertThat(TokenText.value(JSON.readTree("\"\""))).isEqualTo("\"\"");
        assertThat(TokenText.value(JSON.readTree("[\"support\",\"hr\"]"))).isEqualTo("[\"support\",\"hr\"]");
        assertThat(TokenText.value(JSON.readTree("\"x\\u001b[31m\""))).isEqualTo("x\\u001b[31m");
    }
}
