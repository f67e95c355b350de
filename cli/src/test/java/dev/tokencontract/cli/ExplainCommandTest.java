package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExplainCommandTest {
    private static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    private String jwks;
    private String token;

    @BeforeEach
    void setUp() throws Exception {
        jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.publicJwks())
                .toString();
        token = TestTokens.mcp().signRsa();
    }

    private CliRun.Result explain(String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "explain";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return cli().run(args);
    }

    @Test
    void explainWhenSampleTokenWithIssuerAndAudienceThenAcceptedExitZero() {
        CliRun.Result result = explain(
                token,
                "--contract",
                MCP,
                "--jwks",
                jwks,
                "--issuer",
                TestTokens.ISSUER,
                "--audience",
                TestTokens.AUDIENCE);

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .contains(
                        "Token (VERIFIED)",
                        "SIGNATURE_VERIFIED",
                        "Checked against mcp-access-token@1.0.0 as of 2026-11-26T00:30:00Z",
                        "issuer    https://login.example.test",
                        "audience  https://mcp.example.test/mcp");
        assertThat(result.out().strip()).endsWith("ACCEPTED: signature verified and every check passed (exit 0)");
    }

    @Test
    void explainWhenSignatureFailsThenClaimsStillJudgedAgainstTheContract() {
        String signed = TestTokens.mcp().claim("roles", "admin").signRsa();
        String forged = signed.substring(0, signed.lastIndexOf('.') + 1) + TestTokens.encode(new byte[256]);

        CliRun.Result result = explain(forged, "--contract", MCP, "--jwks", jwks);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("SIGNATURE_INVALID", "CLAIM_TYPE_MISMATCH  /claims/roles")
                .doesNotContain("CONTRACT_NOT_CHECKED");
    }

    @Test
    void explainWhenNoIssuerOrAudienceThenSaysNotCheckedAndStillAccepts() {
        CliRun.Result result = explain(token, "--contract", MCP, "--jwks", jwks);

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains(
                        "issuer not checked (pass --issuer)",
                        "audience not checked (pass --audience)",
                        "(issuer and audience not checked) (exit 0)");
    }

    @Test
    void explainWhenNoKeyOptionThenDecodedButCouldNotCheckExitThree() {
        CliRun.Result result = explain(token, "--contract", MCP);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).contains("UNVERIFIED", "NO_KEY_CONFIGURED", "tenant_id", "COULD NOT CHECK");
    }

    @Test
    void explainWhenExpiredThenHumanTimeBesideExpAndFindingByStage() {
        CliRun.Result result = explain(token, "--contract", MCP, "--jwks", jwks, "--at", "2026-11-26T04:12:00Z");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains(
                        "1795654800  2026-11-26T01:00:00Z (expired 3 h 12 min before the evaluation time)",
                        "  time\n    ERROR    TOKEN_EXPIRED  /claims/exp\n",
                        "hint     Get a new token.");
        assertThat(result.out().strip()).endsWith("REJECTED: 1 error: TOKEN_EXPIRED (exit 1)");
    }

    @Test
    void explainWhenTextThenSignatureOnlyPreviewed() {
        String signature = token.substring(token.lastIndexOf('.') + 1);

        CliRun.Result result = explain(token, "--contract", MCP, "--jwks", jwks);

        assertThat(result.out())
                .doesNotContain(signature)
                .contains(signature.substring(0, 6) + "… (342 chars, redacted), 256 bytes");
    }

    @Test
    void explainWhenTerminalThenColouredAndWhenNoColorSetThenPlain() {
        String[] args = {"explain", token, "--contract", MCP, "--jwks", jwks};

        assertThat(cli().terminal().run(args).out()).contains("\u001b[");
        assertThat(cli().terminal().env("NO_COLOR", "").run(args).out()).doesNotContain("\u001b");
        assertThat(cli().run(args).out()).doesNotContain("\u001b");
    }

    @Test
    void explainWhenJsonThenReportJsonWithChecks() {
        CliRun.Result result = explain(token, "--contract", MCP, "--jwks", jwks, "--format", "json", "--leeway", "0");

        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        assertThat(json.get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(json.get("token").get("claims").get("tenant_id").asString()).isEqualTo("acme");
        assertThat(json.get("checks").get("issuer").isNull()).isTrue();
        assertThat(json.get("checks").get("leewaySeconds").asInt()).isZero();
    }

    @Test
    void explainWhenContractUnknownThenCouldNotCheckOneLine() {
        CliRun.Result result = explain(token, "--contract", "no-such-contract@1");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines())
                .hasSize(1)
                .first()
                .asString()
                .startsWith(
                        "tokencontract explain: contract unavailable: no bundled contract named 'no-such-contract'");
    }

    @Test
    void explainWhenJwksFileMissingThenKeysUnavailableExitThree() {
        CliRun.Result result =
                explain(token, "--jwks", dir.resolve("absent.json").toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).startsWith("tokencontract explain: keys unavailable: no JWKS file at");
    }

    @Test
    void explainWhenSecretEnvNamesItselfLikeASecretThenUsageErrorAndSecretNotEchoed() {
        CliRun.Result result = explain(token, "--secret-env", "s3cr3t-value!");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("s3cr3t-value!");
    }

    @Test
    void explainWhenClaimHoldsEscapeSequenceThenPrintedInert() {
        String hostile =
                TestTokens.mcp().claim("name", "\u001b[2J\u001b]0;pwned\u0007").signRsa();

        CliRun.Result result = explain(hostile, "--contract", MCP, "--jwks", jwks);

        assertThat(result.out())
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .contains("\\u001b[2J");
    }
}
