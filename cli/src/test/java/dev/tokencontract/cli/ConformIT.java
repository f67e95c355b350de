package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.Kit;
import dev.tokencontract.conformance.testing.StubHub;
import dev.tokencontract.conformance.testing.StubMcpServer;
import dev.tokencontract.conformance.testing.StubServer;
import dev.tokencontract.conformance.testing.StubTokenEndpoint;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.validator.TokenValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code conform} end to end: the built jar as a process against real HTTP parties in this JVM. */
class ConformIT {
    private static final Clock REAL = Clock.systemUTC();
    private static final String MCP = "mcp-access-token@1.0.0";
    private static final String HUB = "https://hub.example.test/mcp";
    private static final String DOWNSTREAM = "https://crm.example.test/mcp";

    @TempDir
    static Path shared;

    private static String signingKeys;
    private static String publicJwks;

    @TempDir
    Path dir;

    private JarProcess jar;

    @BeforeAll
    static void writeKeys() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
        signingKeys = Kit.KEYS.writePrivateJwks(shared.resolve("signing.json")).toString();
        publicJwks = Kit.KEYS.writePublicJwks(shared.resolve("jwks.json")).toString();
    }

    @BeforeEach
    void setUp() {
        jar = JarProcess.in(dir);
    }

    private static StubServer consumer(StubMcpServer.Drift drift) {
        return new StubMcpServer(Kit.MCP, Kit.KEYS.publicKeySource(), Kit.ISSUER, Kit.AUDIENCE, REAL, drift).serve();
    }

    private JarProcess.Result consumerRun(StubServer mcp, String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "conform",
                "consumer",
                "--contract",
                MCP,
                "--endpoint",
                mcp.uri("/mcp").toString(),
                "--issuer",
                Kit.ISSUER,
                "--audience",
                Kit.AUDIENCE,
                "--signing-keys",
                signingKeys,
                "--tries",
                "10",
                "--seed",
                "11"));
        args.addAll(java.util.List.of(extra));
        return jar.run(args.toArray(String[]::new));
    }

    @Test
    void consumerWhenHonestThenExit0AndJUnitXmlParses() throws Exception {
        Path report = dir.resolve("junit.xml");
        try (StubServer mcp = consumer(StubMcpServer.Drift.NONE)) {
            JarProcess.Result result = consumerRun(mcp, "--report", report.toString());

            assertThat(result.exit()).as(result.out() + result.err()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out())
                    .contains("PASS  consumer rejects expired (10 tries)", "PASSED: 18 properties (exit 0)")
                    .doesNotContain("[property]");
            Document xml =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(18);
            assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(3);
            assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        }
    }

    @Test
    void consumerWhenAcceptsExpiredThenExit1NamingExpiredWithJUnitFailure() throws Exception {
        Path report = dir.resolve("junit.xml");
        try (StubServer mcp = consumer(StubMcpServer.Drift.ACCEPTS_EXPIRED)) {
            JarProcess.Result result = consumerRun(mcp, "--report", report.toString());

            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out())
                    .contains(
                            "FAIL  consumer rejects expired",
                            "TOKEN_EXPIRED",
                            "counterexample: expired(exp)",
                            "FAILED: 1 of 18 properties failed (exit 1). Replay with --seed 11");
            Document xml =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
            assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
            assertThat(xml.getElementsByTagName("failure").item(0).getTextContent())
                    .contains("Shrunk counterexample: expired(exp)");
        }
    }

    @Test
    void producerWhenTokenEndpointRenamesTenantThenExit1WithSimplestInput() throws Exception {
        try (StubServer idp = new StubTokenEndpoint(
                        Kit.KEYS, Kit.ISSUER, Kit.AUDIENCE, REAL, StubTokenEndpoint.Drift.TENANT_RENAMED)
                .serve()) {
            JarProcess.Result result = jar.run(
                    "conform",
                    "producer",
                    "--contract",
                    MCP,
                    "--token-endpoint",
                    idp.uri("/token").toString(),
                    "--jwks",
                    publicJwks,
                    "--issuer",
                    Kit.ISSUER,
                    "--audience",
                    Kit.AUDIENCE,
                    "--tries",
                    "20",
                    "--seed",
                    "3");

            assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.out())
                    .contains(
                            "CLAIM_MISSING at /claims/tenant_id",
                            "counterexample: {\"sub\":\"a\",\"tenant_id\":\"a\",\"roles\":[]} (shrunk)");
        }
    }

    @Test
    void producerWhenCommandMintsHonestTokensThenExit0() throws Exception {
        // A command producer: reads the input JSON on stdin, prints a token. Here: the token a honest IdP minted ahead.
        String token = new StubTokenEndpoint(Kit.KEYS, Kit.ISSUER, Kit.AUDIENCE, REAL, StubTokenEndpoint.Drift.NONE)
                .mint(new dev.tokencontract.conformance.suites.ProducerInput("a", "a", java.util.List.of()));
        Path script = Files.writeString(dir.resolve("mint.sh"), "#!/bin/sh\ncat >/dev/null\necho '" + token + "'\n");
        script.toFile().setExecutable(true);

        JarProcess.Result result = jar.run(
                "conform",
                "producer",
                "--contract",
                MCP,
                "--jwks",
                publicJwks,
                "--issuer",
                Kit.ISSUER,
                "--audience",
                Kit.AUDIENCE,
                "--tries",
                "5",
                "--seed",
                "0",
                "--",
                script.toString());

        // only the simplest input gets the token it asked for: the others fail as "another identity than asked"
        assertThat(result.exit()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("names another identity than asked");
        assertThat(result.out()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void carrierWhenHubPresentsBotThenExit1SharedIdentity() throws Exception {
        TokenValidator userTokens = TokenValidator.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS.publicKeySource())
                .expectIssuer(Kit.ISSUER)
                .expectAudience(HUB)
                .clock(REAL)
                .build();
        TokenMinter exchange = TokenMinter.builder()
                .contract(Kit.MCP)
                .keys(Kit.KEYS)
                .clock(REAL)
                .build();
        try (StubServer bot = new StubHub(userTokens, exchange, DOWNSTREAM, StubHub.Drift.BOT_IDENTITY).serve();
                StubServer honest = new StubHub(userTokens, exchange, DOWNSTREAM, StubHub.Drift.NONE).serve()) {
            String[] common = {
                "--contract",
                MCP,
                "--issuer",
                Kit.ISSUER,
                "--hub-audience",
                HUB,
                "--downstream-audience",
                DOWNSTREAM,
                "--signing-keys",
                signingKeys,
                "--tries",
                "10",
                "--seed",
                "2"
            };
            JarProcess.Result failing = jar.run(concat(
                    new String[] {"conform", "carrier", "--hub", bot.uri("/act").toString()}, common));
            JarProcess.Result passing = jar.run(concat(
                    new String[] {
                        "conform", "carrier", "--hub", honest.uri("/act").toString()
                    },
                    common));

            assertThat(failing.exit()).as(failing.out() + failing.err()).isEqualTo(1);
            assertThat(failing.out()).contains("shared identity", StubHub.BOT);
            assertThat(passing.exit()).as(passing.out() + passing.err()).isZero();
        }
    }

    @Test
    void compatWhenNewVersionRequiresClaimThenExit1AndUnreachableConsumerExit3() throws Exception {
        var document = (tools.jackson.databind.node.ObjectNode) Kit.MCP.document();
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/2.0.0");
        document.withObject("x-contract").put("version", "2.0.0");
        document.withObject("properties").putObject("department").put("type", "string");
        document.withArray("required").add("department");
        Path newer = Files.writeString(dir.resolve("mcp-2.0.0.json"), document.toPrettyString());

        JarProcess.Result compat =
                jar.run("conform", "compat", "--contract", MCP, "--against", newer.toString(), "--seed", "1");
        JarProcess.Result unreachable = jar.run(
                "conform",
                "consumer",
                "--contract",
                MCP,
                "--endpoint",
                "http://127.0.0.1:9/mcp",
                "--issuer",
                Kit.ISSUER,
                "--audience",
                Kit.AUDIENCE);

        assertThat(compat.exit()).isEqualTo(1);
        assertThat(compat.out())
                .contains(
                        "CLAIM_MISSING at /claims/department",
                        "(shrunk)",
                        "PASS  claims valid under mcp-access-token@2.0.0");
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.out()).contains("COULD NOT RUN");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
