package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StatefulStubMcpServer;
import dev.tokencontract.conformance.testing.StubMcpServer;
import dev.tokencontract.conformance.testing.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code conform} in-process: usage errors, hostile values, and short runs against real HTTP stubs. */
class ConformCommandTest {
    private static final Clock CLI_CLOCK = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);

    @TempDir
    static Path shared;

    private static String keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeKeys() {
        keys = Kit.KEYS.writePrivateJwks(shared.resolve("signing.json")).toString();
    }

    private static StubServer consumer(StubMcpServer.Drift drift) {
        return new StubMcpServer(Kit.MCP, Kit.KEYS.publicKeySource(), Kit.ISSUER, Kit.AUDIENCE, CLI_CLOCK, drift)
                .serve();
    }

    private static CliRun.Result consumerRun(String endpoint, String... extra) {
        return consumerRunWithKeys(endpoint, keys, extra);
    }

    private static CliRun.Result consumerRunWithKeys(String endpoint, String keyFile, String... extra) {
        String[] base = {
            "conform",
            "consumer",
            "--contract",
            "mcp-access-token@1.0.0",
            "--endpoint",
            endpoint,
            "--issuer",
            Kit.ISSUER,
            "--audience",
            Kit.AUDIENCE,
            "--signing-keys",
            keyFile,
            "--tries",
            "10",
            "--seed",
            "5"
        };
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.cli().run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no suite                  | conform                                                                    | name a suite",
                "unknown suite             | conform fuzz                                                               | name a suite: producer|consumer|carrier|compat, not 'fuzz'",
                "consumer without endpoint | conform consumer --contract mcp-access-token@1 --issuer i --audience a     | consumer needs --endpoint",
                "endpoint not http         | conform consumer --endpoint file:///etc/passwd --issuer i --audience a     | is not an http(s) URL",
                "tries not a number        | conform compat --contract mcp-access-token@1 --against x --tries many      | --tries: 'many'",
                "tries zero                | conform compat --contract mcp-access-token@1 --against x --tries 0         | --tries: '0'",
                "tries huge                | conform compat --contract mcp-access-token@1 --against x --tries 99999999  | --tries: '99999999'",
                "seed not a number         | conform compat --contract mcp-access-token@1 --against x --seed 0x1f       | --seed: '0x1f'",
                "option of another suite   | conform compat --contract mcp-access-token@1 --against x --hub http://h/   | --hub does not apply to the compat suite",
                "mcp-session for producer  | conform producer --mcp-session --token-endpoint http://h/ --jwks http://h/ --issuer i --audience a | --mcp-session does not apply to the producer suite",
                "producer both sources     | conform producer --token-endpoint http://h/t --jwks k --issuer i --audience a -- ./mint | not both",
                "producer without keys     | conform producer --token-endpoint http://h/t --issuer i --audience a       | needs the producer's keys",
                "carrier same audiences    | conform carrier --hub http://h/ --issuer i --hub-audience a --downstream-audience a | must differ",
                "carrier bad port          | conform carrier --hub http://h/ --issuer i --hub-audience a --downstream-audience b --downstream-port 70000 | not a port",
                "compat extra argument     | conform compat --contract mcp-access-token@1 --against mcp-access-token@1 extra | unexpected argument 'extra'",
                "report is a directory     | conform compat --contract mcp-access-token@1 --against mcp-access-token@1 --report /tmp | --report: '/tmp' is a directory",
                "report directory missing  | conform compat --contract mcp-access-token@1 --against mcp-access-token@1 --report /no-such-dir/junit.xml | --report: no directory '/no-such-dir' to write it in"
            })
    void conformWhenCommandLineIsWrongThenUsageExit2(String label, String line, String message) {
        CliRun.Result result = CliRun.cli().run(line.split(" "));

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains("usage: tokencontract conform");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void conformWhenContractMissingOrKeysHostileThenCouldNotRunExit3() throws Exception {
        CliRun.Result noContract = CliRun.cli()
                .run("conform", "compat", "--contract", "no-such-contract@1", "--against", "mcp-access-token@1");
        Path hostile = Files.writeString(dir.resolve("keys.json"), "{\"keys\": [{\"kty\": \"oct\", \"k\": \"AAAA\"}]}");
        CliRun.Result badKeys = consumerRunWithKeys("http://127.0.0.1:9/mcp", hostile.toString());

        assertThat(noContract.exit()).isEqualTo(3);
        assertThat(noContract.err()).contains("contract unavailable");
        assertThat(badKeys.exit()).isEqualTo(3);
        assertThat(badKeys.err()).contains("could not run", "signing key set needs");
        assertThat(badKeys.err()).doesNotContain("AAAA");
    }

    @Test
    void conformConsumerWhenHonestServerThenPassedExit0AndReportWritten() throws Exception {
        Path report = dir.resolve("junit.xml");
        try (StubServer mcp = consumer(StubMcpServer.Drift.NONE)) {
            CliRun.Result result = consumerRun(mcp.uri("/mcp").toString(), "--report", report.toString());

            assertThat(result.exit()).as(result.out() + result.err()).isZero();
            assertThat(result.out())
                    .contains(
                            "Conformance: consumer suite",
                            "seed 5, 10 tries per property",
                            "PASS  consumer accepts valid tokens (10 tries)",
                            "N/A   consumer rejects leave-enum",
                            "PASSED: 18 properties (exit 0)");
            var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("18");
            assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        }
    }

    @Test
    void conformConsumerWhenServerIgnoresAudThenExit1WithCounterexampleAndNoSignature() {
        try (StubServer mcp = consumer(StubMcpServer.Drift.IGNORES_AUD)) {
            CliRun.Result result = consumerRun(mcp.uri("/mcp").toString());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .contains(
                            "FAIL  consumer rejects wrong-aud",
                            "AUD_MISMATCH",
                            "counterexample: wrong-aud(aud)",
                            "(shrunk)",
                            "FAILED: 1 of 18 properties failed (exit 1). Replay with --seed 5");
            assertThat(result.out())
                    .doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{20,}");
        }
    }

    @Test
    void conformConsumerWhenStatefulMcpServerThenOnlyMcpSessionPassesAndEverySessionIsClosed() {
        try (StatefulStubMcpServer mcp = new StatefulStubMcpServer(null, CLI_CLOCK)) {
            CliRun.Result plain = consumerRun(mcp.uri().toString());
            assertThat(plain.exit()).isEqualTo(1);
            assertThat(plain.out()).contains("FAIL  consumer accepts valid tokens", "HTTP 400");

            CliRun.Result session = consumerRun(mcp.uri().toString(), "--mcp-session");
            assertThat(session.exit()).as(session.out() + session.err()).isZero();
            assertThat(session.out()).contains("(MCP session)", "PASSED: 18 properties (exit 0)");
            assertThat(mcp.opened()).isGreaterThanOrEqualTo(10);
            assertThat(mcp.closed()).isEqualTo(mcp.opened());
        }
    }

    @Test
    void conformConsumerWhenEndpointUnreachableThenExit3() {
        CliRun.Result result = consumerRun("http://127.0.0.1:9/mcp");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).contains("could not run: cannot reach the consumer", "COULD NOT RUN");
    }

    @Test
    void conformCarrierWhenHubDelegatesThenExit0AndWhenBotThenExit1EvenWithFullVerification() throws Exception {
        String hub = "https://hub.example.test/mcp";
        String downstream = "https://crm.example.test/mcp";
        var userTokens = dev.tokencontract.validator.TokenValidator.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .expectIssuer(Kit.ISSUER)
                .expectAudience(hub)
                .clock(CLI_CLOCK)
                .build();
        var exchange = dev.tokencontract.conformance.tokens.TokenMinter.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .clock(CLI_CLOCK)
                .build();
        String jwks = Kit.KEYS.writePublicJwks(dir.resolve("jwks.json")).toString();
        try (StubServer honest = new dev.tokencontract.conformance.testing.StubHub(
                                userTokens,
                                exchange,
                                downstream,
                                dev.tokencontract.conformance.testing.StubHub.Drift.NONE)
                        .serve();
                StubServer bot = new dev.tokencontract.conformance.testing.StubHub(
                                userTokens,
                                exchange,
                                downstream,
                                dev.tokencontract.conformance.testing.StubHub.Drift.BOT_IDENTITY)
                        .serve()) {
            String[] common = {
                "--contract",
                "mcp-access-token@1.0.0",
                "--issuer",
                Kit.ISSUER,
                "--hub-audience",
                hub,
                "--downstream-audience",
                downstream,
                "--signing-keys",
                keys,
                "--jwks",
                jwks,
                "--downstream-issuer",
                Kit.ISSUER,
                "--tries",
                "5",
                "--seed",
                "1"
            };
            CliRun.Result passing = CliRun.cli()
                    .run(concat(
                            new String[] {
                                "conform",
                                "carrier",
                                "--hub",
                                honest.uri("/act").toString()
                            },
                            common));
            CliRun.Result failing = CliRun.cli()
                    .run(concat(
                            new String[] {
                                "conform", "carrier", "--hub", bot.uri("/act").toString()
                            },
                            common));

            assertThat(passing.exit()).as(passing.out() + passing.err()).isZero();
            assertThat(passing.out()).contains("Recording downstream MCP server at http://127.0.0.1:");
            assertThat(failing.exit()).isEqualTo(1);
            assertThat(failing.out()).contains("shared identity", "svc-crm-hub-bot");
        }
    }

    @Test
    void conformCarrierWhenDownstreamIssuerWithoutKeysThenUsage() {
        CliRun.Result result = CliRun.cli()
                .run(
                        "conform",
                        "carrier",
                        "--contract",
                        "mcp-access-token@1",
                        "--hub",
                        "http://127.0.0.1:9/",
                        "--issuer",
                        "i",
                        "--hub-audience",
                        "a",
                        "--downstream-audience",
                        "b",
                        "--downstream-issuer",
                        "x");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--downstream-issuer needs the downstream token keys");
        assertThat(result.out()).isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void conformCompatWhenSameContractThenExit0() {
        CliRun.Result result = CliRun.cli()
                .run(
                        "conform",
                        "compat",
                        "--contract",
                        "mcp-access-token@1.0.0",
                        "--against",
                        "mcp-access-token@1",
                        "--tries",
                        "20",
                        "--seed",
                        "1");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "PASS  claims valid under mcp-access-token@1.0.0 are valid under mcp-access-token@1.0.0 (20 tries)");
    }

    @Test
    void helpWhenConformThenListsSuitesAndExitCodes() {
        CliRun.Result result = CliRun.cli().run("help", "conform");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("--endpoint", "--token-endpoint", "--hub", "--signing-keys", "3 could not run");
    }
}
