package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.commons.cli.CommandLine;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private final ExplainCommand explain = new ExplainCommand();

    @Test
    void instantWhenIsoInstantThenParsed() throws Exception {
        assertThat(Arguments.instant("2026-11-26T00:30:00Z")).isEqualTo(Instant.parse("2026-11-26T00:30:00Z"));
    }

    @Test
    void instantWhenOffsetDateTimeThenConvertedToUtc() throws Exception {
        assertThat(Arguments.instant("2026-11-26T01:30:00+01:00")).isEqualTo(Instant.parse("2026-11-26T00:30:00Z"));
    }

    @Test
    void instantWhenEpochSecondsThenParsed() throws Exception {
        assertThat(Arguments.instant("1795653000")).isEqualTo(Instant.parse("2026-11-26T00:30:00Z"));
    }

    @Test
    void instantWhenGarbageThenUsageErrorNamingBothForms() {
        assertThatThrownBy(() -> Arguments.instant("yesterday"))
                .isInstanceOf(UsageException.class)
                .hasMessage(
                        "--at: 'yesterday' is neither an ISO-8601 instant (2026-11-26T00:30:00Z) nor epoch seconds");
    }

    @Test
    void instantWhenEpochBeyondYear9999ThenUsageError() {
        assertThatThrownBy(() -> Arguments.instant("99999999999999999999999"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("beyond year 9999");
    }

    @Test
    void instantWhenEpochSecondsInNonAsciiDigitsThenUsageError() {
        // Arabic-Indic and full-width digits are digits to Character.isDigit and Long.parseLong, not to people
        for (String value :
                new String[] {"\u0661\u0667\u0669\u0665\u0666\u0665\u0663\u0660\u0660\u0660", "\uff11\uff17\uff19\uff15"
                }) {
            assertThatThrownBy(() -> Arguments.instant(value))
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--at: ");
        }
    }

    @Test
    void leewayWhenNonAsciiDigitsThenUsageError() {
        assertThatThrownBy(() -> Arguments.leeway("\u0666\u0660")).isInstanceOf(UsageException.class);
    }

    @Test
    void leewayWhenWholeSecondsThenDuration() throws Exception {
        assertThat(Arguments.leeway("0")).isEqualTo(Duration.ZERO);
        assertThat(Arguments.leeway("600")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void leewayWhenNegativeFractionalOrTooLargeThenUsageError() {
        for (String bad : new String[] {"-5", "1.5", "601", "", "1e3", "99999999999"}) {
            assertThatThrownBy(() -> Arguments.leeway(bad))
                    .as(bad)
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--leeway");
        }
    }

    @Test
    void formatWhenJsonThenJsonAndWhenAbsentThenText() throws Exception {
        assertThat(Arguments.format(Arguments.parse(explain, new String[] {"--format", "json"})))
                .isEqualTo(Arguments.Format.JSON);
        assertThat(Arguments.format(Arguments.parse(explain, new String[] {}))).isEqualTo(Arguments.Format.TEXT);
    }

    @Test
    void formatWhenUnknownThenUsageError() throws Exception {
        CommandLine line = Arguments.parse(explain, new String[] {"--format", "yaml"});

        assertThatThrownBy(() -> Arguments.format(line))
                .isInstanceOf(UsageException.class)
                .hasMessage("--format must be text or json, not 'yaml'");
    }

    @Test
    void parseWhenUnknownOptionThenOneLineUsageError() {
        assertThatThrownBy(() -> Arguments.parse(explain, new String[] {"--frobnicate"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--frobnicate'");
    }

    @Test
    void parseWhenOptionValueMissingThenSaysWhichOption() {
        assertThatThrownBy(() -> Arguments.parse(explain, new String[] {"--at"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("option --at needs a value");
    }

    @Test
    void parseWhenAbbreviatedLongOptionThenRefusedNotGuessed() {
        assertThatThrownBy(() -> Arguments.parse(explain, new String[] {"--iss", "https://login.example.test"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--iss'; did you mean '--issuer'?"); // suggested, never guessed
    }

    @Test
    void parseWhenTwoKeySourcesThenCannotBeCombined() {
        assertThatThrownBy(() -> Arguments.parse(explain, new String[] {"--jwks", "a.json", "--pem", "b.pem"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("options --jwks and --pem cannot be combined: give one key source");
    }

    @Test
    void parseWhenOptionsAfterTokenThenTokenIsPositional() throws Exception {
        CommandLine line = Arguments.parse(explain, new String[] {"eyJ.a.b", "--audience", "x", "--audience", "y"});

        assertThat(line.getArgList()).containsExactly("eyJ.a.b");
        assertThat(line.getOptionValues("audience")).containsExactly("x", "y");
    }
}
