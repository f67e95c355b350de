package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** End to end: the built fat jar, run as a process, as a user would run it. */
class CliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MCP = "mcp-access-token@1.0.0";
    private static final String TOKEN = TestTokens.mcp().signRsa();
    private static final String SIGNATURE = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);

    @TempDir
    static Path shared;

    private static String jwks;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeJwks() throws Exception {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
        jwks = Files.writeString(shared.resolve("jwks.json"), TestKeys.publicJwks())
                .toString();
    }

    private JarProcess jar;

    @BeforeEach
    void setUp() {
        jar = JarProcess.in(dir);
    }

    private static void assertNoStackTrace(JarProcess.Result result) {
        assertThat(result.out() + result.err()).doesNotContain("Exception", "\tat ", "SLF4J");
    }

    @Test
    void explainWhenSampleMcpTokenWithKeysIssuerAndAudienceThenAcceptedExitZero() throws Exception {
        JarProcess.Result result = jar.run(
                "explain",
                TOKEN,
                "--contract",
                MCP,
                "--jwks",
                jwks,
                "--issuer",
                TestTokens.ISSUER,
                "--audience",
                TestTokens.AUDIENCE,
                "--at",
                "2026-11-26T00:30:00Z");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains("Token (VERIFIED)", "tenant_id", "acme", "SIGNATURE_VERIFIED")
                .doesNotContain(SIGNATURE);
        assertThat(result.out().strip()).endsWith("ACCEPTED: signature verified and every check passed (exit 0)");
    }

    @Test
    void explainWhenExpiredThenRejectedExitOneWithHumanTime() throws Exception {
        JarProcess.Result result = jar.run("explain", TOKEN, "--contract", MCP, "--jwks", jwks, "--at", "1795666320");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "2026-11-26T01:00:00Z (expired 3 h 12 min before the evaluation time)",
                        "TOKEN_EXPIRED",
                        "The token expired 3 h 12 min before the evaluation time.");
        assertThat(result.out().strip()).endsWith("REJECTED: 1 error: TOKEN_EXPIRED (exit 1)");
    }

    @Test
    void explainWhenTokenOnStdinWithBearerPrefixThenReadAndAccepted() throws Exception {
        JarProcess.Result result = jar.stdin("Bearer " + TOKEN + "\n")
                .run("explain", "--contract", MCP, "--jwks", jwks, "--at", "2026-11-26T00:30:00Z");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("sub", "alice@example.test");
    }

    @Test
    void explainWhenFormatJsonThenDocumentedShape() throws Exception {
        JarProcess.Result result = jar.run(
                "explain",
                TOKEN,
                "--contract",
                MCP,
                "--jwks",
                jwks,
                "--audience",
                "https://other.example.test",
                "--at",
                "2026-11-26T00:30:00Z",
                "--format",
                "json");

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.propertyNames())
                .containsExactly("verdict", "exitCode", "evaluatedAt", "contract", "token", "findings", "checks");
        assertThat(json.get("verdict").asString()).isEqualTo("REJECTED");
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("evaluatedAt").asString()).isEqualTo("2026-11-26T00:30:00Z");
        assertThat(json.get("contract").asString()).isEqualTo(MCP);
        assertThat(json.get("token").get("label").asString()).isEqualTo("UNVERIFIED");
        assertThat(json.get("token").get("claims").get("roles").get(0).asString())
                .isEqualTo("support");
        assertThat(json.get("token").get("signature").get("bytes").asInt()).isEqualTo(256);
        assertThat(json.get("findings").findValuesAsString("code"))
                .containsExactly("SIGNATURE_VERIFIED", "AUD_MISMATCH");
        assertThat(json.get("checks").get("audiences").get(0).asString()).isEqualTo("https://other.example.test");
        assertThat(json.get("checks").get("issuer").isNull()).isTrue();
        assertThat(result.out()).doesNotContain(SIGNATURE);
    }

    @Test
    void explainWhenOnTerminalThenColouredAndWithNoColorThenPlain() throws Exception {
        String[] args = {"explain", TOKEN, "--contract", MCP, "--jwks", jwks, "--at", "2026-11-26T00:30:00Z"};

        JarProcess.Result coloured = JarProcess.in(dir).onTerminal().run(args);
        JarProcess.Result plain =
                JarProcess.in(dir).onTerminal().env("NO_COLOR", "1").run(args);

        assertThat(coloured.out()).contains("\u001b[32m", "ACCEPTED");
        assertThat(plain.out()).contains("ACCEPTED").doesNotContain("\u001b");
        assertThat(plain.exit()).isZero();
    }

    @Test
    void explainWhenPipedThenNoColourEvenWithoutNoColor() throws Exception {
        JarProcess.Result result = jar.run("explain", TOKEN, "--contract", MCP, "--jwks", jwks);

        assertThat(result.out()).isNotEmpty().doesNotContain("\u001b");
    }

    @Test
    void explainWhenUnknownOptionThenOneLineErrorUsageExitTwo() throws Exception {
        JarProcess.Result result = jar.run("explain", "--frobnicate", TOKEN);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList())
                .containsExactly(
                        "tokencontract explain: unknown option '--frobnicate'",
                        "usage: tokencontract explain [options] [TOKEN]",
                        "Run 'tokencontract help explain' for the options.");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenBadAtThenOneLineErrorExitTwo() throws Exception {
        JarProcess.Result result = jar.run("explain", TOKEN, "--at", "next tuesday");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .contains("tokencontract explain: --at: 'next tuesday' is neither an "
                        + "ISO-8601 instant (2026-11-26T00:30:00Z) nor epoch seconds");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenOptionValueMissingThenOneLineErrorExitTwo() throws Exception {
        JarProcess.Result result = jar.run("explain", TOKEN, "--jwks");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).contains("tokencontract explain: option --jwks needs a value");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenBadLeewayOrFormatThenExitTwo() throws Exception {
        assertThat(jar.run("explain", TOKEN, "--leeway", "forever").exit()).isEqualTo(2);
        assertThat(jar.run("explain", TOKEN, "--format", "xml").exit()).isEqualTo(2);
    }

    @Test
    void explainWhenJwksUrlUnreachableThenCouldNotCheckExitThree() throws Exception {
        JarProcess.Result result = jar.run(
                "explain",
                TOKEN,
                "--contract",
                MCP,
                "--jwks",
                "http://127.0.0.1:1/jwks.json",
                "--at",
                "2026-11-26T00:30:00Z");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).contains("KEY_SOURCE_UNAVAILABLE", "connection refused", "COULD NOT CHECK");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenHmacSecretFromEnvOrFileThenSecretNeverPrinted() throws Exception {
        String secret = new String(TestKeys.HMAC_SECRET, java.nio.charset.StandardCharsets.UTF_8);
        String hs256 = TestTokens.mcp().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET);
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret + "\n");

        JarProcess.Result fromEnv = jar.env("TC_TEST_SECRET", secret)
                .run(
                        "explain",
                        hs256,
                        "--contract",
                        MCP,
                        "--secret-env",
                        "TC_TEST_SECRET",
                        "--at",
                        "2026-11-26T00:30:00Z");
        JarProcess.Result fromFile = JarProcess.in(dir)
                .run(
                        "explain",
                        hs256,
                        "--contract",
                        MCP,
                        "--secret-file",
                        secretFile.toString(),
                        "--at",
                        "2026-11-26T00:30:00Z",
                        "--format",
                        "json");

        assertThat(fromEnv.exit()).isEqualTo(1);
        assertThat(fromEnv.out()).contains("ALG_NOT_ALLOWED", "secret from $TC_TEST_SECRET");
        assertThat(fromFile.exit()).isEqualTo(1);
        assertThat(JSON.readTree(fromFile.out()).get("checks").get("keys").asString())
                .startsWith("secret file ");
        for (JarProcess.Result result : java.util.List.of(fromEnv, fromFile)) {
            assertThat(result.out() + result.err()).doesNotContain(secret).doesNotContain(secret.substring(0, 16));
        }
    }

    @Test
    void lintWhenGoodContractThenPassedExitZero() throws Exception {
        Path file = Files.writeString(
                dir.resolve("good.json"), Contracts.load(MCP).document().toPrettyString());

        JarProcess.Result result = jar.run("lint", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Findings (none)", "PASSED: mcp-access-token@1.0.0");
    }

    @Test
    void lintWhenContractAllowsNoneAndLacksAudThenFailedExitOne() throws Exception {
        JsonNode document = Contracts.load(MCP).document();
        ((tools.jackson.databind.node.ArrayNode) document.get("x-jose").get("alg")).add("none");
        ((tools.jackson.databind.node.ObjectNode) document)
                .set(
                        "required",
                        JSON.readTree(
                                "[\"iss\", \"sub\", \"exp\", \"iat\", \"jti\", \"client_id\", \"tenant_id\", \"roles\"]"));
        Path file = Files.writeString(dir.resolve("bad.json"), document.toPrettyString());

        JarProcess.Result result = jar.run("lint", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "LINT_ALG_NONE  /x-jose/alg/3",
                        "LINT_CLAIM_NOT_REQUIRED  /required",
                        "Access-token contracts must require 'aud'.");
        assertThat(result.out().strip()).endsWith("FAILED: 3 errors, 0 warnings (exit 1)");
    }

    @Test
    void contractsWhenRunThenBundledContractsAndVersionsListed() throws Exception {
        JarProcess.Result result = jar.run("contracts");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("mcp-access-token", "rfc9068-access-token", "1.0.0 (latest 1.0.0)");
        assertNoStackTrace(result);
    }

    @Test
    void decodeWhenTokenThenUnverifiedInTextAndJson() throws Exception {
        JarProcess.Result text = jar.run("decode", TOKEN);
        JarProcess.Result json = jar.run("decode", "--format", "json", TOKEN);

        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .startsWith("UNVERIFIED:")
                .contains("tenant_id", "acme")
                .doesNotContain(SIGNATURE);
        assertThat(JSON.readTree(json.out()).get("token").get("label").asString())
                .isEqualTo("UNVERIFIED");
    }

    @Test
    void explainWhenGitHubActionsOidcTokenInsideLifetimeThenSignatureVerifiedAndContractFindingsListed()
            throws Exception {
        Path fixtures = Path.of(System.getProperty("tokencontract.fixtures"));
        String token = Files.readString(fixtures.resolve("tokens/sigstore-oidc-beacon__github-actions-oidc-token.jwt"))
                .strip();
        String signature = token.substring(token.lastIndexOf('.') + 1);

        JarProcess.Result result = jar.stdin(token)
                .run(
                        "explain",
                        "--contract",
                        "rfc9068-access-token@1.0.0",
                        "--jwks",
                        fixtures.resolve("jwks/crates-io__github-actions-jwks.json")
                                .toString(),
                        "--issuer",
                        "https://token.actions.githubusercontent.com",
                        "--at",
                        "2026-06-13T19:02:00Z");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "SIGNATURE_VERIFIED",
                        "38826b17-6a30-5f9b-b169-8beb8202f723",
                        "TYP_NOT_ALLOWED  /header/typ",
                        "CLAIM_MISSING  /claims/client_id",
                        "2026-06-13T19:06:04Z (expires 4 min 4 s after the evaluation time)")
                .doesNotContain("TOKEN_EXPIRED", "TOKEN_NOT_YET_VALID", "ISS_MISMATCH", "SIGNATURE_INVALID");
        assertThat(result.out()).doesNotContain(signature);
        assertThat(result.out().strip()).endsWith("REJECTED: 2 errors: TYP_NOT_ALLOWED, CLAIM_MISSING (exit 1)");
    }

    @Test
    void explainWhenLargestArgumentTheOsAllowsThenTooLargeExitOne() throws Exception {
        // Linux caps one argument at 128 KiB (MAX_ARG_STRLEN), so a 1 MB argument cannot reach any program;
        // the largest that can is refused by the size check, and 1 MB goes through stdin below.
        String huge = "eyJ" + "A".repeat(128 * 1024 - 8);

        JarProcess.Result result = jar.run("explain", huge);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("TOKEN_TOO_LARGE").hasSizeLessThan(4096);
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenOneMegabyteOnStdinThenTooLargeExitOne() throws Exception {
        JarProcess.Result result = jar.stdin("x".repeat(1_000_000)).run("explain");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("TOKEN_TOO_LARGE", "1000000 characters")
                .hasSizeLessThan(4096);
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenStdinOverOneMebibyteThenClearErrorExitTwo() throws Exception {
        JarProcess.Result result = jar.stdin(new byte[2 * 1024 * 1024]).run("explain");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .contains("tokencontract explain: stdin holds more than 1048576 bytes (1 MiB); that is not a token");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenBinaryGarbageOnStdinThenRejectedWithShapeFindingAndInertOutput() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        garbage[10] = 0x1b;
        garbage[11] = '[';

        JarProcess.Result result = jar.stdin(garbage).run("explain", "--format", "text");

        assertThat(result.exit()).isEqualTo(1);
        // java.util.Random(42) is specified, so the garbage is always the same: dotted, but no JOSE header
        assertThat(result.out())
                .contains("TOKEN_OPAQUE", "its first part is not a JOSE header")
                .doesNotContain("\u001b");
        assertNoStackTrace(result);
    }

    @Test
    void explainWhenStdinEmptyThenNoTokenUsageErrorExitTwo() throws Exception {
        JarProcess.Result result = jar.run("explain");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .contains("tokencontract explain: no token given: pass it as the argument or on stdin");
        assertNoStackTrace(result);
    }
}
