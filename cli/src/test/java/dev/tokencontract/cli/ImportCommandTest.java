package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code tokencontract import} in-process: the shipped examples, refusals, usage errors, JSON output. */
class ImportCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXAMPLES = "../docs/examples/import/";
    private static final String[] TOKEN_HEADER = {
        "--name", "legacy-login-token", "--version", "1.0.0", "--owner", "identity-team", "--alg", "RS256"
    };

    @TempDir
    Path dir;

    private static String[] args(String... head) {
        String[] all = new String[head.length + TOKEN_HEADER.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(TOKEN_HEADER, 0, all, head.length, TOKEN_HEADER.length);
        return all;
    }

    @Test
    void importWhenDraft07TokenSchemaThenContractWrittenEveryChangeListedAndLintPasses() throws Exception {
        Path out = dir.resolve("contract.json");

        CliRun.Result result =
                cli().run(args("import", EXAMPLES + "legacy-login-token-draft07.json", "--out", out.toString()));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "(draft-07) as legacy-login-token@1.0.0 (kind jwt-access-token): 13 changes",
                        "/definitions                         definitions -> $defs",
                        "/properties/session/items            items (tuple form) -> prefixItems",
                        "/definitions/tenant/$id              $id \"#tenant\" -> $anchor \"tenant\"",
                        "/properties/exp/maximum              removed: draft-07 ignores every keyword beside $ref",
                        "Lint: PASSED, 0 errors, 0 warnings");
        JsonNode contract = JSON.readTree(out.toFile());
        assertThat(contract.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(contract.at("/x-jose/alg/0").stringValue()).isEqualTo("RS256");
        assertThat(contract.at("/properties/aud/$ref").stringValue()).isEqualTo("#/$defs/audience");
        assertThat(cli().run("lint", out.toString()).exit()).isZero();
    }

    @Test
    void importWhenNoOutThenDocumentOnStdoutAndReportOnStderr() {
        CliRun.Result result = cli().run("import", EXAMPLES + "session-draft04.json", "--schema-only");

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out())
                        .at("/properties/lifetime/exclusiveMinimum")
                        .asInt())
                .isZero();
        assertThat(result.err())
                .contains(
                        "/properties/lifetime/exclusiveMinimum  exclusiveMinimum: true with minimum 0 -> exclusiveMinimum: 0",
                        "/properties/kind/const                 removed: draft-04 ignores const, which 2020-12 would apply");
    }

    @Test
    void importWhenRemoteRefThenRefusedExitOneAndNothingWritten() {
        Path out = dir.resolve("never.json");

        CliRun.Result result =
                cli().run(args("import", EXAMPLES + "claims-remote-ref-draft07.json", "--out", out.toString()));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains(
                        "cannot be converted faithfully: 2 problem(s)",
                        "/properties/tenant_id/$ref",
                        "/properties/address/$ref    $ref \"common.json#/definitions/address\" reaches outside this document; a contract never fetches",
                        "Nothing written (exit 1)");
        assertThat(out).doesNotExist();
    }

    @Test
    void importWhenDraft03ThenRefusedWithTheReason() throws Exception {
        Path schema = Files.writeString(
                dir.resolve("old.json"), "{\"$schema\":\"http://json-schema.org/draft-03/schema#\",\"type\":\"any\"}");

        CliRun.Result result = cli().run(args("import", schema.toString()));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("draft-03 and older cannot be converted faithfully");
    }

    @Test
    void importWhenOptionsWrongThenUsageErrorExitTwo() throws Exception {
        String file = EXAMPLES + "tree-2019-09.json";
        assertThat(cli().run("import", file, "--name", "t", "--version", "1.0.0", "--owner", "o")
                        .err())
                .contains("pass --alg");
        assertThat(cli().run(
                                "import",
                                file,
                                "--name",
                                "Bad_Name",
                                "--version",
                                "1.0.0",
                                "--owner",
                                "o",
                                "--alg",
                                "RS256")
                        .exit())
                .isEqualTo(2);
        assertThat(cli().run("import", file, "--name", "t", "--version", "v1", "--owner", "o", "--alg", "RS256")
                        .exit())
                .isEqualTo(2);
        assertThat(cli().run("import", file, "--schema-only", "--draft", "5").err())
                .contains("--draft must be 04, 06, 07 or 2019-09");
        assertThat(cli().run("import", file, "--schema-only", "--out", file).err())
                .contains("--out names the input file");
        assertThat(cli().run("import", file).exit()).isEqualTo(2);
        Path noSchema = Files.writeString(dir.resolve("plain.json"), "{\"type\":\"string\"}");
        assertThat(cli().run("import", noSchema.toString(), "--schema-only").err())
                .contains("no $schema");
        assertThat(cli().run("import", noSchema.toString(), "--schema-only", "--draft", "7")
                        .exit())
                .isZero();
    }

    @Test
    void importWhenFileMissingOrNotJsonThenExitThreeOrOne() throws Exception {
        assertThat(cli().run("import", dir.resolve("absent.json").toString(), "--schema-only")
                        .exit())
                .isEqualTo(3);
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"a\": ");
        CliRun.Result result = cli().run("import", junk.toString(), "--schema-only");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("not readable JSON");
    }

    @Test
    void importWhenJsonFormatThenOneReportWithChangesFindingsAndDocument() {
        CliRun.Result result = cli().run(
                        "import",
                        EXAMPLES + "tree-2019-09.json",
                        "--kind",
                        "idp-metadata",
                        "--name",
                        "org-tree",
                        "--version",
                        "1.0.0",
                        "--owner",
                        "people-team",
                        "--format",
                        "json");

        JsonNode report = JSON.readTree(result.out());
        assertThat(result.exit()).isZero();
        assertThat(report.path("outcome").stringValue()).isEqualTo("CONVERTED");
        assertThat(report.path("from").stringValue()).isEqualTo("2019-09");
        assertThat(report.at("/document/properties/units/items/$dynamicRef").stringValue())
                .isEqualTo("#recursive");
        assertThat(report.path("changes").findValuesAsString("pointer"))
                .contains("/$recursiveAnchor", "/properties/units/items/$recursiveRef", "/$id");
    }

    @Test
    void importWhenContractFailsLintThenWrittenAnywayAndExitOne() throws Exception {
        Path schema = Files.writeString(
                dir.resolve("claims.json"),
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"required\":[\"sub\"]}");
        Path out = dir.resolve("claims-contract.json");

        CliRun.Result result = cli().run(args("import", schema.toString(), "--out", out.toString()));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("Lint: FAILED", "LINT_CLAIM_NOT_REQUIRED", "fix the lint errors before using it");
        assertThat(out).exists();
    }
}
