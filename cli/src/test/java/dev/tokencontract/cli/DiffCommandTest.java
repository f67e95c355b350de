package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DiffCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    /** The bundled mcp-access-token as version 1.1.0, edited by {@code edit}. */
    private String newVersion(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode document = TestContracts.bundled("mcp-access-token", "1.0.0");
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/1.1.0");
        ((ObjectNode) document.get("x-contract")).put("version", "1.1.0");
        edit.accept(document);
        return Files.writeString(dir.resolve("new.json"), document.toPrettyString())
                .toString();
    }

    private static void addOperation(ObjectNode document) {
        ((ObjectNode) document.at("/x-authorization/operations"))
                .set("deleteCustomer", JSON.readTree("{\"scopes\": [\"crm.write\"]}"));
    }

    @Test
    void diffWhenSameContractThenNoChangesExitZero() {
        CliRun.Result result = cli().run("diff", MCP, MCP);

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .startsWith("Diff mcp-access-token@1.0.0 → mcp-access-token@1.0.0 under FULL_TRANSITIVE")
                .contains("No changes.");
        assertThat(result.out().strip()).endsWith("COMPATIBLE under FULL_TRANSITIVE: 0 changes, none refused (exit 0)");
    }

    @Test
    void diffWhenBreakingAndCosmeticThenRefusedListedFirstExitOne() throws Exception {
        String newer = newVersion(doc -> {
            doc.put("title", "Renamed");
            ((ArrayNode) doc.get("required")).add("scope");
        });

        CliRun.Result result = cli().run("diff", MCP, newer);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .containsSubsequence(
                        "Refused (1):",
                        "  [consumer-breaking] /required  claim 'scope' is now required; tokens without it are rejected",
                        "Allowed (1):",
                        "  [cosmetic] /title  the claims object: title changed",
                        "(\"Access token for an MCP server\" → \"Renamed\")",
                        "INCOMPATIBLE under FULL_TRANSITIVE: 1 of 2 changes refused (exit 1)");
    }

    @Test
    void diffWhenWideningOnlyThenRefusedWithHintUnlessAcknowledged() throws Exception {
        String newer = newVersion(DiffCommandTest::addOperation);

        CliRun.Result refused = cli().run("diff", MCP, newer);
        CliRun.Result acknowledged = cli().run("diff", "--acknowledge-widening", MCP, newer);

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out())
                .contains(
                        "[widening] /x-authorization/operations/deleteCustomer",
                        "if the widening is intended, re-run with --acknowledge-widening");
        // a widening counterexample says what the new version grants, not "rejected by"
        assertThat(refused.out())
                .contains("Counterexample (widening) granted by ", ", denied by ")
                .doesNotContain("Counterexample (widening) rejected by");
        assertThat(acknowledged.exit()).isZero();
        assertThat(acknowledged.out())
                .contains("(widening acknowledged)", "COMPATIBLE under FULL_TRANSITIVE: 1 change, none refused");
    }

    @Test
    void diffWhenModeGivenThenThatModeDecides() throws Exception {
        String newer = newVersion(doc -> ((ObjectNode) doc.get("x-jose")).put("maxLifetimeSeconds", 86400));

        assertThat(cli().run("diff", MCP, newer).exit()).isEqualTo(1);
        assertThat(cli().run("diff", "--mode", "backward", MCP, newer).exit()).isZero();
        assertThat(cli().run("diff", "--mode", "FORWARD_TRANSITIVE", MCP, newer).exit())
                .isEqualTo(1);
        assertThat(cli().run("diff", "-m", "none", MCP, newer).out()).contains("under NONE\n");
    }

    @Test
    void diffWhenFormatJsonThenDocumentedShape() throws Exception {
        String newer = newVersion(doc -> {
            addOperation(doc);
            doc.put("title", "Renamed");
        });

        CliRun.Result result = cli().run("diff", "--format", "json", MCP, newer);
        JsonNode json = JSON.readTree(result.out());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(json.propertyNames())
                .containsExactly(
                        "from",
                        "to",
                        "mode",
                        "wideningAcknowledged",
                        "compatible",
                        "exitCode",
                        "refusedCount",
                        "changes",
                        "counterexamples");
        assertThat(json.get("mode").asString()).isEqualTo("FULL_TRANSITIVE");
        assertThat(json.get("compatible").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("refusedCount").asInt()).isEqualTo(1);
        JsonNode first = json.get("changes").get(0);
        assertThat(first.propertyNames())
                .containsExactly(
                        "kind", "classes", "pointer", "explanation", "before", "after", "refused", "unconfirmed");
        assertThat(first.get("unconfirmed"))
                .as("widening only: no breaking direction to confirm")
                .isEmpty();
        assertThat(first.get("kind").asString()).isEqualTo("operation-added");
        assertThat(first.get("classes").get(0).asString()).isEqualTo("AUTHORIZATION_WIDENING");
        assertThat(first.get("refused").asBoolean()).isTrue();
        assertThat(json.get("changes").get(1).get("kind").asString()).isEqualTo("title-changed");
        assertThat(json.get("changes").get(1).get("refused").asBoolean()).isFalse();
        // the conformance kit's search (Main.standard) shows the widening with claims the new version grants
        assertThat(json.get("counterexamples")).hasSize(1);
        assertThat(json.get("counterexamples").get(0).get("direction").asString())
                .isEqualTo("AUTHORIZATION_WIDENING");
        assertThat(json.get("counterexamples").get(0).propertyNames())
                .containsExactly("direction", "claims", "pointer", "rule", "seed");
    }

    @Test
    void diffWhenUnknownModeThenUsageExitTwo() {
        CliRun.Result result = cli().run("diff", "--mode", "sideways", MCP, MCP);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--mode must be one of NONE, BACKWARD", "not 'sideways'");
    }

    @Test
    void diffWhenWrongNumberOfContractsThenUsageExitTwo() {
        assertThat(cli().run("diff", MCP).exit()).isEqualTo(2);
        assertThat(cli().run("diff", MCP, MCP, MCP).err()).contains("expected two contracts, OLD and NEW, got 3");
        assertThat(cli().run("diff").exit()).isEqualTo(2);
    }

    @Test
    void diffWhenDifferentContractsThenUsageExitTwo() {
        CliRun.Result result = cli().run("diff", MCP, "rfc9068-access-token@1.0.0");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("cannot compare different contracts: mcp-access-token@1.0.0 and rfc9068-access-token@1.0.0");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void diffWhenFileIsNotJsonThenContractUnavailableExitThree() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"type\": ");

        CliRun.Result result = cli().run("diff", MCP, bad.toString());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err())
                .contains(
                        "tokencontract diff: contract unavailable: NEW " + bad + ": the contract fails lint",
                        "LINT_NOT_JSON");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void diffWhenOldFileIsNotJsonThenTheMessageNamesOld() throws Exception {
        Path bad = Files.writeString(dir.resolve("old.json"), "{\"type\": ");

        CliRun.Result result = cli().run("diff", bad.toString(), MCP);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err())
                .startsWith("tokencontract diff: contract unavailable: OLD " + bad + ": the contract fails lint");
    }

    @Test
    void diffWhenContractFailsLintThenFindingsExitThree() throws Exception {
        String newer = newVersion(
                doc -> ((ObjectNode) doc.get("x-jose")).putArray("alg").add("none"));

        CliRun.Result result = cli().run("diff", MCP, newer);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("LINT_ALG_NONE");
    }

    @Test
    void diffWhenMissingFileOrUnknownBundledThenExitThree() {
        assertThat(cli().run("diff", dir.resolve("absent.json").toString(), MCP).exit())
                .isEqualTo(3);
        assertThat(cli().run("diff", MCP, "mcp-access-token@9.9.9").exit()).isEqualTo(3);
    }

    @Test
    void diffWhenOversizedFileThenExitThree() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.json"), "{\"x\": \"" + "a".repeat(300_000) + "\"}");

        CliRun.Result result = cli().run("diff", huge.toString(), MCP);

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("larger than");
    }

    @Test
    void diffWhenContractTextHoldsControlCharactersThenPrintedInert() throws Exception {
        String newer = newVersion(doc -> doc.put("title", "\u001b[2J\u001b[31mowned\u202e"));

        CliRun.Result result = cli().run("diff", MCP, newer);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain("\u001b", "\u202e").contains("\\u001B[2J", "owned\\u202e");
    }

    @Test
    void diffWhenSearchFindsCounterexampleThenPrinted() throws Exception {
        String newer = newVersion(doc -> ((ArrayNode) doc.get("required")).add("scope"));
        JsonNode claims = JSON.readTree("{\"iss\": \"https://idp.example\", \"sub\": \"alice\"}");
        Main main = new Main(List.of(
                new DiffCommand((older, newerContract, direction) -> direction == ChangeClass.BREAKING_FOR_CONSUMERS
                        ? Optional.of(new Counterexample(direction, claims, "/required", "CLAIM_REQUIRED_MISSING", 42L))
                        : Optional.empty())));

        CliRun.Result text = cli().main(main).run("diff", MCP, newer);
        JsonNode json = JSON.readTree(
                cli().main(main).run("diff", "--format", "json", MCP, newer).out());

        assertThat(text.out())
                .contains(
                        "Counterexample (consumer-breaking) rejected by CLAIM_REQUIRED_MISSING at /required (seed 42)",
                        "{\"iss\":\"https://idp.example\",\"sub\":\"alice\"}");
        assertThat(json.get("counterexamples").get(0).get("seed").asLong()).isEqualTo(42L);
        assertThat(json.get("counterexamples").get(0).get("claims").get("sub").asString())
                .isEqualTo("alice");
    }

    @Test
    void helpDiffThenOptionsAndExitCodes() {
        CliRun.Result result = cli().run("help", "diff");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("--mode", "--acknowledge-widening", "--format", "Exit: 0 compatible, 1 incompatible");
    }
}
