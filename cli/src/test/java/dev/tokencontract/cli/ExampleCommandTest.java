package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExampleCommandTest {
    private static final String MCP = "mcp-access-token@1.0.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void exampleWhenSameSeedThenSameClaims() {
        CliRun.Result first = cli().run("example", MCP, "--seed", "42");
        CliRun.Result second = cli().run("example", MCP, "--seed", "42");

        assertThat(first.exit()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(cli().run("example", MCP, "--seed", "43").out()).isNotEqualTo(first.out());
    }

    @Test
    void exampleWhenNoSeedThenPrintsTheSeedThatRepeatsIt() {
        CliRun.Result random = cli().run("example", MCP);
        String seed = random.err().replaceAll("(?s).*--seed (-?\\d+).*", "$1");

        assertThat(random.exit()).isZero();
        assertThat(random.err()).startsWith("tokencontract: seed " + seed + " (pass --seed " + seed);
        assertThat(cli().run("example", MCP, "--seed", seed).out()).isEqualTo(random.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp-access-token@1.0.0", "rfc9068-access-token@1.0.0"})
    void exampleWhenManySeedsThenEveryClaimSetSatisfiesTheContract(String reference) throws Exception {
        Contract contract = Contracts.load(reference);
        for (int seed = 0; seed < 40; seed++) {
            CliRun.Result result = cli().run("example", reference, "--seed", Integer.toString(seed));
            assertThat(result.exit()).as("seed %d: %s", seed, result.err()).isZero();
            JsonNode claims = json(result.out());
            assertThat(contract.check(claims, "/claims")).as("seed %d", seed).isEmpty();
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
            assertThat(claims.get("iat").asLong()).isEqualTo(CliRun.NOW.getEpochSecond());
        }
    }

    @Test
    void exampleWhenOverridesThenAppliedAsJsonOrTextAndByPointer() {
        CliRun.Result result = cli().run(
                        "example",
                        MCP,
                        "--seed",
                        "1",
                        "--claim",
                        "tenant_id=acme",
                        "--claim",
                        "roles=[\"admin\",\"hr\"]",
                        "--claim",
                        "/act/sub=agent-7",
                        "--claim",
                        "https://example.com/groups=[\"a\"]",
                        "--claim",
                        "jti=\"123\"",
                        "--at",
                        "2026-12-01T00:00:00Z",
                        "--ttl",
                        "2h");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode claims = json(result.out());
        assertThat(claims.get("tenant_id").asString()).isEqualTo("acme");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"admin\",\"hr\"]");
        assertThat(claims.at("/act/sub").asString()).isEqualTo("agent-7");
        assertThat(claims.get("https://example.com/groups").isArray()).isTrue();
        assertThat(claims.get("jti").isString()).isTrue();
        assertThat(claims.get("iat").asLong()).isEqualTo(1_796_083_200L);
        assertThat(claims.get("exp").asLong()).isEqualTo(1_796_083_200L + 7200);
    }

    @Test
    void exampleWhenOverrideBreaksTheContractThenFindingsNameTheClaimAndNothingIsPrinted() {
        CliRun.Result result =
                cli().run("example", MCP, "--seed", "1", "--claim", "roles=admin", "--claim", "tenant_id=a b");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains("the claims break mcp-access-token@1.0.0 (2 findings)")
                .contains("CLAIM_TYPE_MISMATCH  /claims/roles")
                .contains("CLAIM_PATTERN_MISMATCH  /claims/tenant_id");
    }

    @Test
    void exampleWhenOverrideGivesExpAStringThenTheContractRejectsIt() {
        CliRun.Result result = cli().run("example", MCP, "--seed", "1", "--claim", "exp=\"tomorrow\"");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("/claims/exp");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tenant_id",
                "=acme",
                "/=x",
                "/act//sub=x",
                "roles=[\"admin\"",
                "roles={\"a\":1,\"a\":2}",
                "tenant_id/x"
            })
    void exampleWhenClaimArgumentIsMalformedThenUsageErrorExitTwo(String claim) {
        CliRun.Result result = cli().run("example", MCP, "--seed", "1", "--claim", claim);

        assertThat(result.exit()).as(result.err()).isIn(1, 2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void exampleWhenPointerGoesThroughAStringThenUsageErrorNamesIt() {
        CliRun.Result result = cli().run("example", MCP, "--seed", "1", "--claim", "/tenant_id/x=1");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'tenant_id' is not an object");
    }

    @Test
    void exampleWhenSameClaimTwiceThenRefusedAsContradiction() {
        CliRun.Result twice = cli().run("example", MCP, "--claim", "sub=a", "--claim", "sub=b");
        CliRun.Result nested = cli().run("example", MCP, "--claim", "act={}", "--claim", "/act/sub=b");

        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("given twice");
        assertThat(nested.exit()).isEqualTo(2);
    }

    @Test
    void exampleWhenNamespacedClaimsShareATextPrefixThenBothAreSet() {
        CliRun.Result result = cli().run(
                        "example",
                        MCP,
                        "--seed",
                        "1",
                        "--claim",
                        "https://example.com=1",
                        "--claim",
                        "https://example.com/roles=[\"a\"]",
                        "--claim",
                        "/https:~1~1example.com~1tenant=t");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode claims = json(result.out());
        assertThat(claims.get("https://example.com").asInt()).isEqualTo(1);
        assertThat(claims.get("https://example.com/roles").isArray()).isTrue();
        assertThat(claims.get("https://example.com/tenant").asString()).isEqualTo("t");
    }

    @Test
    void exampleWhenValueIsHugeThenRefusedBeforeWork() {
        CliRun.Result result = cli().run("example", MCP, "--claim", "sub=" + "x".repeat(70_000));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("longer than 65536 characters");
        assertThat(result.err().length()).isLessThan(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "99999999999999999999", "", "--"})
    void exampleWhenSeedIsNotALongThenUsageError(String seed) {
        CliRun.Result result = cli().run("example", MCP, "--seed=" + seed);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "10x", "1y", "9999999999999d", "3h"})
    void exampleWhenTtlIsBadOrBeyondTheContractCapThenUsageError(String ttl) {
        CliRun.Result result = cli().run("example", MCP, "--ttl=" + ttl);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--ttl");
    }

    @Test
    void exampleWhenContractIsMissingOrNotATokenContractThenClearError() {
        CliRun.Result missing = cli().run("example", dir.resolve("nope.json").toString());
        CliRun.Result metadata = cli().run("example", "oidc-discovery@1.0.0");
        CliRun.Result none = cli().run("example");
        CliRun.Result two = cli().run("example", MCP, MCP);

        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("contract unavailable");
        assertThat(metadata.exit()).isEqualTo(2);
        assertThat(metadata.err()).contains("is not a token contract (its kind is idp-metadata)");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no CONTRACT given");
        assertThat(two.exit()).isEqualTo(2);
    }
}
