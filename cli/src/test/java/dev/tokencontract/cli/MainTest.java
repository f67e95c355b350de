package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

class MainTest {

    /** A command that fails the way a bug would. */
    private static final class Exploding implements Command {
        public String name() {
            return "boom";
        }

        public String synopsis() {
            return "";
        }

        public String summary() {
            return "fails";
        }

        public String details() {
            return "";
        }

        public Options options() {
            return new Options();
        }

        public int run(CommandLine line, Io io) {
            throw new IllegalStateException("kaboom");
        }
    }

    @Test
    void runWhenNoArgumentsThenUsageExitTwo() {
        CliRun.Result result = cli().run();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("tokencontract: no command given\nusage: tokencontract <command> [options]");
    }

    @Test
    void runWhenUnknownCommandThenUsageExitTwo() {
        CliRun.Result result = cli().run("frobnicate");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("tokencontract: unknown command 'frobnicate'\n");
    }

    @Test
    void runWhenUnknownOptionThenOneErrorLineThenUsageNoStackTrace() {
        CliRun.Result result = cli().run("explain", "--frobnicate");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList())
                .containsExactly(
                        "tokencontract explain: unknown option '--frobnicate'",
                        "usage: tokencontract explain [options] [TOKEN]",
                        "Run 'tokencontract help explain' for the options.");
    }

    @Test
    void runWhenBadAtThenUsageExitTwo() {
        CliRun.Result result = cli().run("explain", "a.b.c", "--at", "tomorrow");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .contains(
                        "tokencontract explain: --at: 'tomorrow' is neither an ISO-8601 instant (2026-11-26T00:30:00Z) nor epoch seconds");
    }

    @Test
    void runWhenHelpFlagOnCommandThenOptionsListedExitZero() {
        CliRun.Result result = cli().run("explain", "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .startsWith("usage: tokencontract explain [options] [TOKEN]")
                .contains(
                        "--contract",
                        "--jwks",
                        "--pem",
                        "--secret-file",
                        "--secret-env",
                        "--issuer",
                        "--audience",
                        "--leeway",
                        "--at",
                        "--format",
                        "rfc9068-access-token@latest");
    }

    @Test
    void runWhenHelpCommandThenSameAsHelpFlag() {
        assertThat(cli().run("help", "lint").out())
                .isEqualTo(cli().run("lint", "--help").out());
        assertThat(cli().run("help", "nope").exit()).isEqualTo(2);
    }

    @Test
    void runWhenTopLevelHelpThenEveryCommandListed() {
        CliRun.Result result = cli().run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains(
                        "explain [TOKEN]",
                        "decode [TOKEN]",
                        "lint FILE",
                        "contracts",
                        "help COMMAND",
                        "0 accepted, 1 rejected, 2 usage error, 3 could not check",
                        "NO_COLOR",
                        "TOKENCONTRACT_DEBUG");
    }

    @Test
    void runWhenVersionThenProjectVersionFromFilteredResource() {
        CliRun.Result result = cli().run("--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).matches("tokencontract \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\n");
    }

    @Test
    void runWhenCommandThrowsThenOneLineInternalErrorExitThreeWithoutTrace() {
        CliRun.Result result = cli().main(new Main(List.of(new Exploding()))).run("boom");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err().lines().toList())
                .containsExactly(
                        "tokencontract: internal error: IllegalStateException: kaboom",
                        "(set TOKENCONTRACT_DEBUG=1 to see the stack trace)");
    }

    @Test
    void runWhenCommandThrowsAndDebugSetThenStackTraceShown() {
        CliRun.Result result = cli().main(new Main(List.of(new Exploding())))
                .env("TOKENCONTRACT_DEBUG", "1")
                .run("boom");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("internal error", "\tat dev.tokencontract.cli.MainTest$Exploding.run");
    }

    @Test
    void runWhenCdsTrainingThenEveryTrainingRunEndsAsExpectedAndPrintsNothing() {
        CliRun.Result result = cli().run(CdsTraining.COMMAND);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void runWhenTopLevelHelpThenHiddenTrainingCommandNotListed() {
        assertThat(cli().run("--help").out()).doesNotContain(CdsTraining.COMMAND);
    }
}
