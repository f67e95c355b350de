package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.testing.HostileRegistry;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.registry.testing.RegistryTestContracts;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * publish in-process against the real registry server, which checks the token's signature, scope and namespace:
 * tokens, problems printed change by change, exit codes. A hostile registry answers what the real one never does.
 */
class PublishCommandTest extends RegistryCliTestBase {

    @Test
    void publishWhenTokenFileThenCreatedAndTokenOnlyInTheAuthorizationHeader() {
        CliRun.Result result = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .isEqualTo("Published minimal-token@1.1.0 to " + registry.url() + " (201 Created)\n"
                        + "  location: /contracts/minimal-token/versions/1.1.0\n"
                        + "  digest:   " + servedDigestOf("1.1.0") + "\n");
        // a 201 from the real registry: it verified the signed token it found in the Authorization header
        assertThat(registry.requests())
                .containsExactly(new LiveRegistry.Seen("POST", "/contracts/minimal-token/versions", 201));
        assertTokenNeverShown(result);
    }

    @Test
    void publishWhenSameContentAgainThenUnchangedExitZero() {
        run("publish", contract.toString(), "--token-file", tokenFile.toString());

        CliRun.Result again = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(again.exit()).isZero();
        assertThat(again.out())
                .startsWith("minimal-token@1.1.0 is already published with the same content (200); nothing changed");
    }

    @Test
    void publishWhenTokenFromEnvironmentThenUsed() {
        CliRun.Result result = cli().env(PublishCommand.TOKEN_ENV, TOKEN)
                .run("publish", contract.toString(), "--registry", registry.url(), "--cache-dir", cache.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(registry.requests()).extracting(LiveRegistry.Seen::status).containsExactly(201);
    }

    @Test
    void publishWhenNoTokenThenUsageErrorAndNothingSent() {
        CliRun.Result result = run("publish", contract.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .startsWith(
                        "tokencontract publish: no publisher token: pass --token-file FILE or set TOKENCONTRACT_TOKEN");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void publishWhenTokenGivenAsAnArgumentThenUnknownOption() {
        CliRun.Result result = run("publish", contract.toString(), "--token", TOKEN);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--token'");
        assertTokenNeverShown(result);
    }

    @Test
    void publishWhenTokenFileHugeOrEmptyThenUsageError() throws Exception {
        Path huge = Files.writeString(dir.resolve("huge"), "x".repeat(20_000));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThat(run("publish", contract.toString(), "--token-file", huge.toString())
                        .err())
                .contains("is larger than 16384 bytes");
        assertThat(run("publish", contract.toString(), "--token-file", empty.toString())
                        .err())
                .contains("is empty");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void publishWhenWrongTokenThen401ProblemExit1AndTokenNeverShown() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), TOKEN + "x");

        CliRun.Result result = run("publish", contract.toString(), "--token-file", wrong.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                        tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 401)
                          401 Bearer token rejected [token-invalid]
                        """);
        assertTokenNeverShown(result);
    }

    /** minimal-token@1.1.0 with tenant_id required: tokens minted under 1.0.0 lack it. */
    private Path requiringTenant() throws Exception {
        return Files.writeString(dir.resolve("requiring-tenant.json"), RegistryTestContracts.requiringTenant("1.1.0"));
    }

    /** Recorded from the real registry (the change kinds are its kebab-case wire names). */
    private static final String INCOMPATIBLE_OUTPUT = """
            tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 409)
              409 Incompatible with earlier versions [incompatible]
              minimal-token@1.1.0 has 2 change(s) that FULL_TRANSITIVE refuses
              changes:
                REFUSED BREAKING_FOR_CONSUMERS required-added /required: claim 'tenant_id' is now required; tokens without it are rejected (before ["iss","aud","exp"], after ["iss","aud","exp","tenant_id"]) [against 1.0.0]
                REFUSED BREAKING_FOR_CONSUMERS property-added /properties/tenant_id: claim 'tenant_id' declared; the old contract accepted any value (open content model); what changes for its values: [type-narrowed] (before true, after {"type":"string"}) [against 1.0.0]
              way forward (published versions never change):
                - publish the new shape under a new contract name (e.g. minimal-token-v2) that consumers adopt on purpose; a new major version of minimal-token is judged under FULL_TRANSITIVE against the earlier versions like any other, so it is refused too
                - if your policy allows it, weaken the mode: tokencontract mode minimal-token FORWARD_TRANSITIVE (admin token), then publish again; consumers or producers on older versions may then break
            """;

    @Test
    void publishWhenIncompatibleThenEveryChangeOnItsOwnLineExit1() throws Exception {
        CliRun.Result result = run("publish", requiringTenant().toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(INCOMPATIBLE_OUTPUT);
    }

    @Test
    void publishWhenIncompatibleAndJsonThenProblemPassedThroughOnStdout() throws Exception {
        CliRun.Result result =
                run("publish", requiringTenant().toString(), "--token-file", tokenFile.toString(), "--format", "json");

        assertThat(result.exit()).isEqualTo(1);
        tools.jackson.databind.JsonNode problem = JSON.readTree(result.out());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("code").asString()).isEqualTo("incompatible");
        assertThat(problem.path("type").asString()).isEqualTo("https://tokencontract.dev/problems/incompatible");
        assertThat(problem.path("changes").isArray()).isTrue();
        assertThat(problem.path("changes")).isNotEmpty();
    }

    @Test
    void publishWhenLintFailsAtTheRegistryThenEachFindingListed() throws Exception {
        // the registry's real 422 for a pattern no engine can bound, replayed by a registry stricter than this CLI
        tools.jackson.databind.node.ObjectNode hostile =
                (tools.jackson.databind.node.ObjectNode) JSON.readTree(TestContracts.minimalText("1.1.0"));
        ((tools.jackson.databind.node.ObjectNode) hostile.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", "^(a+)+$");
        LiveRegistry.Answer real = registry.post("minimal-token", hostile.toString(), LiveRegistry.adminToken());
        assertThat(real.status()).as(real.body()).isEqualTo(422);

        CliRun.Result result;
        try (HostileRegistry stricter = HostileRegistry.replayingPublish(real)) {
            result = runAgainst(stricter.url(), "publish", contract.toString(), "--token-file", tokenFile.toString());
        }

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("""
                        tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 422)
                          422 Contract fails lint [lint-failed]
                        """)
                .contains("  findings:\n    ERROR LINT_PATTERN_", " /properties/tenant_id/pattern: ");
    }

    @Test
    void publishWhenValidTokenWithoutWriteScopeThen403ScopeMissingExit1() throws Exception {
        Path reader = Files.writeString(dir.resolve("reader.token"), LiveRegistry.readerToken());

        CliRun.Result result = run("publish", contract.toString(), "--token-file", reader.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("""
                        tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 403)
                          403 Token lacks the required scope [scope-missing]
                        """);
    }

    @Test
    void publishWhenRegistryHoldsTooManyBodyBytesThen429RateLimitedExit1() {
        CliRun.Result result;
        try (LiveRegistry busy = LiveRegistry.start(b ->
                b.limits(dev.tokencontract.registry.RegistryLimits.defaults().withMaxPendingBodyBytes(64)))) {
            result = runAgainst(busy.url(), "publish", contract.toString(), "--token-file", tokenFile.toString());
        }

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains("(HTTP 429)", "429 Too many requests [rate-limited]")
                .contains("retry in a second");
    }

    @Test
    void publishWhenProblemCarriesControlCharactersThenMadeInert() {
        CliRun.Result result;
        try (HostileRegistry hostile =
                HostileRegistry.answeringPublish(HostileRegistry.PublishFault.TERMINAL_ESCAPES)) {
            result = runAgainst(hostile.url(), "publish", contract.toString(), "--token-file", tokenFile.toString());
        }

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .contains("403 \\u001b[2JContract name outside the token's namespaces")
                .doesNotContain("\u001b");
    }

    @Test
    void publishWhenDocumentFailsLintHereThenExit1AndNothingSent() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"type\":\"object\"}");

        CliRun.Result result = run("publish", bad.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("tokencontract publish: " + bad + " fails lint; nothing was sent")
                .contains("LINT_META_SCHEMA");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void publishWhenAcknowledgeWideningThenQuerySentAndTheRegistryAccepts() throws Exception {
        registry.mode("minimal-token", "NONE").publish(RegistryTestContracts.withRoles("1.1.0", "reader", "writer"));
        registry.mode("minimal-token", "BACKWARD"); // producers may widen; only authorization widening is refused
        Path file = Files.writeString(
                dir.resolve("widened.json"), RegistryTestContracts.withRoles("1.2.0", "reader", "writer", "admin"));

        CliRun.Result refused = run("publish", file.toString(), "--token-file", tokenFile.toString());
        CliRun.Result acknowledged =
                run("publish", file.toString(), "--token-file", tokenFile.toString(), "--acknowledge-widening");

        assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("[incompatible]", "AUTHORIZATION_WIDENING");
        assertThat(acknowledged.exit()).as(acknowledged.err()).isZero();
        assertThat(acknowledged.out()).startsWith("Published minimal-token@1.2.0");
    }

    @Test
    void publishWhenJsonThenOutcomeReferenceAndDigest() {
        CliRun.Result result =
                run("publish", contract.toString(), "--token-file", tokenFile.toString(), "--format", "json");

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out()))
                .isEqualTo(JSON.readTree("""
                {"outcome":"CREATED","reference":"minimal-token@1.1.0","status":201,
                 "location":"/contracts/minimal-token/versions/1.1.0","digest":"%s","registry":"%s"}
                """.formatted(servedDigestOf("1.1.0"), registry.url())));
    }

    private String servedDigestOf(String version) {
        return HostileRegistry.digestOf(
                registry.served("minimal-token", version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
