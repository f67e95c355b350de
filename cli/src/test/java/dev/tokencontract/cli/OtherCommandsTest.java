package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OtherCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void decodeWhenTokenThenHeaderAndClaimsLabelledUnverified() {
        CliRun.Result result = cli().run("decode", TestTokens.mcp().signRsa());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .startsWith(DecodeCommand.UNVERIFIED_BANNER)
                .contains("tenant_id  acme", "(expires 30 min after now)")
                .doesNotContain("Findings");
    }

    @Test
    void decodeWhenJsonThenTokenLabelUnverifiedAndNoFindings() {
        JsonNode json = JSON.readTree(
                cli().run("decode", "--format", "json", TestTokens.mcp().signRsa())
                        .out());

        assertThat(json.get("token").get("label").asString()).isEqualTo("UNVERIFIED");
        assertThat(json.get("token").get("header").get("typ").asString()).isEqualTo("at+jwt");
        assertThat(json.get("findings").isEmpty()).isTrue();
    }

    @Test
    void decodeWhenOpaqueTokenThenShapeFindingExitOne() {
        CliRun.Result result = cli().run("decode", "2YotnFZFEjr1zCsicMWpAA");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("TOKEN_OPAQUE", "introspect");
    }

    @Test
    void lintWhenBundledContractCopiedToFileThenPassedExitZero() throws Exception {
        Path file = Files.writeString(
                dir.resolve("good.json"),
                Contracts.load("mcp-access-token@1.0.0").document().toString());

        CliRun.Result result = cli().run("lint", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out().strip()).endsWith("PASSED: mcp-access-token@1.0.0, 0 errors, 0 warnings (exit 0)");
    }

    @Test
    void lintWhenContractBrokenThenFindingsAndExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"type\": \"object\", \"required\": [\"tenant_id\"]}");

        CliRun.Result result = cli().run("lint", "--format", "json", file.toString());

        assertThat(result.exit()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("file").asString()).isEqualTo(file.toString());
        assertThat(json.get("findings").findValuesAsString("code")).contains("LINT_META_SCHEMA");
    }

    @Test
    void lintWhenFileMissingThenCouldNotCheckExitThree() {
        CliRun.Result result = cli().run("lint", dir.resolve("absent.json").toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).startsWith("tokencontract lint: contract unavailable: no contract file at");
    }

    @Test
    void lintWhenNoFileThenUsageExitTwo() {
        assertThat(cli().run("lint").exit()).isEqualTo(2);
    }

    @Test
    void contractsWhenJsonThenEveryBundledContractWithVersions() {
        JsonNode json = JSON.readTree(cli().run("contracts", "--format", "json").out());

        assertThat(json.get("contracts").findValuesAsString("name"))
                .containsExactly(
                        "mcp-access-token",
                        "mcp-authorization-server",
                        "oauth-authorization-server",
                        "oauth-protected-resource",
                        "oidc-discovery",
                        "registry-publisher",
                        "rfc9068-access-token");
        assertThat(json.get("contracts").get(0).get("latest").asString()).isEqualTo("1.0.0");
    }
}
