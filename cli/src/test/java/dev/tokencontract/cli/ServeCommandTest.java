package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** serve's option checks, in-process: every bad command line is exit 2 with one clear line, before anything starts. */
class ServeCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--port 99999                                   | --port must be a number from 0 to 65535, not '99999'",
                "--port http                                    | --port must be a number from 0 to 65535, not 'http'",
                "--dev --issuer https://login.example           | --dev makes its own issuer and key: do not combine it with --issuer or --jwks",
                "--issuer https://login.example                 | --issuer and --jwks go together: writes need both",
                "--jwks keys.json                               | --issuer and --jwks go together: writes need both",
                "--require-read-token                           | --require-read-token needs --issuer and --jwks (or --dev) to check read tokens",
                "--db jdbc:postgresql://db/reg?password=hunter2 | --db must not carry a password: set TOKENCONTRACT_DB_PASSWORD or give --db-password-file",
                "--db mysql://db/reg                            | --db must be a jdbc:postgresql:// URL (or jdbc:h2:)",
                "--db-password-file pw.txt                      | --db-password-file needs --db",
                "extra                                          | serve takes no arguments, got 'extra'",
                "--shutdown-grace 301                           | --shutdown-grace must be a number of seconds from 0 to 300, not '301'",
                "--shutdown-grace 1.5                           | --shutdown-grace must be a number of seconds from 0 to 300, not '1.5'",
                "--shutdown-grace -1                            | --shutdown-grace must be a number of seconds from 0 to 300, not '-1'",
                "--trust-jwks keys.json                         | --trust-jwks takes an http(s) URL of a JWK set, not 'keys.json'",
                "--trust-jwks file:///etc/jwks.json             | --trust-jwks takes an http(s) URL of a JWK set, not 'file:///etc/jwks.json'",
                "--trust-jwks https://                          | --trust-jwks takes an http(s) URL of a JWK set, not 'https://'",
                "--search-budget 61                             | --search-budget must be a number of seconds from 0 to 60, not '61'",
                "--search-budget NaN                            | --search-budget must be a number of seconds from 0 to 60, not 'NaN'",
                "--search-budget -0.5                           | --search-budget must be a number of seconds from 0 to 60, not '-0.5'",
                "--search-budget 1s                             | --search-budget must be a number of seconds from 0 to 60, not '1s'",
                "--token x                                      | unknown option '--token'"
            })
    void serveWhenOptionsContradictOrCarrySecretsThenUsageErrorExitTwo(String args, String message) {
        CliRun.Result result = CliRun.cli().run(("serve " + args.strip()).split(" +"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("tokencontract serve: " + message + "\n");
        assertThat(result.err()).doesNotContain("hunter2");
    }

    @org.junit.jupiter.api.Test
    void settingsWhenTrustJwksRepeatedThenEveryUrlKeptInOrder() throws Exception {
        org.apache.commons.cli.CommandLine line = new org.apache.commons.cli.DefaultParser()
                .parse(new ServeCommand().options(), new String[] {
                    "--trust-jwks", "https://a.example.test/jwks", "--trust-jwks", "http://127.0.0.1:9/keys"
                });

        ServeCommand.Settings settings = ServeCommand.settings(line, null);

        assertThat(settings.trustJwks())
                .extracting(Object::toString)
                .containsExactly("https://a.example.test/jwks", "http://127.0.0.1:9/keys");
        assertThat(settings.searchBudget()).isEqualTo(java.time.Duration.ofSeconds(1));
    }

    @org.junit.jupiter.api.Test
    void settingsWhenSearchBudgetGivenInSecondsThenKeptToTheMillisecond() throws Exception {
        org.apache.commons.cli.CommandLine line = new org.apache.commons.cli.DefaultParser()
                .parse(new ServeCommand().options(), new String[] {"--search-budget", "2.5"});

        assertThat(ServeCommand.settings(line, null).searchBudget()).isEqualTo(java.time.Duration.ofMillis(2_500));
    }
}
