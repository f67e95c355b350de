package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.FakeRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** publish in-process against a real HTTP server: tokens, problems printed change by change, exit codes. */
class PublishCommandTest extends RegistryCliTestBase {

    @Test
    void publishWhenTokenFileThenCreatedAndTokenOnlyInTheAuthorizationHeader() {
        CliRun.Result result = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .isEqualTo("Published minimal-token@1.1.0 to " + registry.url() + " (201 Created)\n"
                        + "  location: /contracts/minimal-token/versions/1.1.0\n"
                        + "  digest:   " + FakeRegistry.digestOf(TestContracts.minimalText("1.1.0")) + "\n");
        assertThat(registry.requests())
                .singleElement()
                .satisfies(seen -> assertThat(seen.authorization()).isEqualTo("Bearer " + TOKEN));
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

        assertThat(result.exit()).isZero();
        assertThat(registry.requests().get(0).authorization()).isEqualTo("Bearer " + TOKEN);
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
        assertThat(result.err()).isEqualTo("""
                tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 401)
                  401 Unauthenticated [UNAUTHENTICATED]
                  a valid bearer token is required
                """);
        assertTokenNeverShown(result);
    }

    private static final String INCOMPATIBLE = """
            {"type":"https://tokencontract.dev/problems/incompatible","title":"Incompatible change","status":409,
             "code":"INCOMPATIBLE","detail":"1 change refused under BACKWARD",
             "changes":[{"kind":"ENUM_VALUE_REMOVED","classes":["BREAKING_FOR_CONSUMERS"],"pointer":"/properties/roles/items/enum",
                         "explanation":"'admin' is no longer allowed","before":["admin","user"],"after":["user"],"refused":true},
                        {"kind":"DESCRIPTION_CHANGED","classes":["COSMETIC"],"pointer":"/description","explanation":"reworded",
                         "before":"a","after":"b","refused":false}]}
            """;

    @Test
    void publishWhenIncompatibleThenEveryChangeOnItsOwnLineExit1() {
        registry.answerPublish(409, "application/problem+json", INCOMPATIBLE);

        CliRun.Result result = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                tokencontract publish: the registry refused minimal-token@1.1.0 (HTTP 409)
                  409 Incompatible change [INCOMPATIBLE]
                  1 change refused under BACKWARD
                  changes:
                    REFUSED BREAKING_FOR_CONSUMERS ENUM_VALUE_REMOVED /properties/roles/items/enum: 'admin' is no longer allowed (before ["admin","user"], after ["user"])
                    allowed COSMETIC DESCRIPTION_CHANGED /description: reworded (before a, after b)
                """);
    }

    @Test
    void publishWhenIncompatibleAndJsonThenProblemPassedThroughOnStdout() {
        registry.answerPublish(409, "application/problem+json", INCOMPATIBLE);

        CliRun.Result result =
                run("publish", contract.toString(), "--token-file", tokenFile.toString(), "--format", "json");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree(INCOMPATIBLE));
    }

    @Test
    void publishWhenLintFailsAtTheRegistryThenEachFindingListed() {
        registry.answerPublish(422, "application/problem+json", """
                {"title":"Lint failed","status":422,"code":"LINT_FAILED","detail":"2 errors",
                 "findings":[{"code":"LINT_REMOTE_REF","severity":"ERROR","pointer":"/properties/x/$ref","message":"remote $ref"},
                             {"code":"LINT_ALG_NONE","severity":"ERROR","pointer":"/x-jose/alg/1","message":"none is never allowed"}]}
                """);

        CliRun.Result result = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).endsWith("""
                  findings:
                    ERROR LINT_REMOTE_REF /properties/x/$ref: remote $ref
                    ERROR LINT_ALG_NONE /x-jose/alg/1: none is never allowed
                """);
    }

    @Test
    void publishWhenProblemCarriesControlCharactersThenMadeInert() {
        registry.answerPublish(403, "application/problem+json", "{\"title\":\"\\u001b[2JForbidden\",\"status\":403}");

        CliRun.Result result = run("publish", contract.toString(), "--token-file", tokenFile.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("403 \\u001b[2JForbidden").doesNotContain("\u001b");
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
    void publishWhenAcknowledgeWideningThenQuerySent() {
        run("publish", contract.toString(), "--token-file", tokenFile.toString(), "--acknowledge-widening");

        assertThat(registry.requests().get(0).query()).isEqualTo("acknowledge=authorization-widening");
    }

    @Test
    void publishWhenJsonThenOutcomeReferenceAndDigest() {
        CliRun.Result result =
                run("publish", contract.toString(), "--token-file", tokenFile.toString(), "--format", "json");

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out())).isEqualTo(JSON.readTree("""
                {"outcome":"CREATED","reference":"minimal-token@1.1.0","status":201,
                 "location":"/contracts/minimal-token/versions/1.1.0","digest":"%s","registry":"%s"}
                """.formatted(
                        FakeRegistry.digestOf(TestContracts.minimalText("1.1.0")), registry.url())));
    }
}
