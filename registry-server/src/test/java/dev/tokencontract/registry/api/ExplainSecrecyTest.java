package dev.tokencontract.registry.api;

import static dev.tokencontract.registry.api.Explains.body;
import static dev.tokencontract.registry.api.Explains.conforming;
import static dev.tokencontract.registry.api.Explains.explain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.TokenValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The token stays in its request: nothing of it reaches the request log, the audit, the metrics or the store,
 * whatever the outcome; and a hostile token costs a bounded answer (findings grouped and capped, no amplification).
 */
class ExplainSecrecyTest {

    @Test
    void explainWhenTokensJudgedOrRefusedThenNoPartOfThemReachesLogAuditOrMetrics() {
        try (Registry registry = Explains.registry()) {
            String accepted = conforming().claim("sub", "secret-subject-4711").signRsa();
            String drifted =
                    TestTokens.mcp().claim("sub", "secret-subject-4712").signRsa();
            String malformed = "{\"token\": "
                    + conforming().claim("sub", "secret-subject-4713").signRsa() + "}";
            ObjectNode unknownVersion =
                    body(conforming().claim("sub", "secret-subject-4714").signRsa(), "7.0.0");
            int auditBefore = registry.store.audit(1000).size();

            List<Integer> statuses = List.of(
                    explain(registry, body(accepted, "1.0.0")).status(),
                    explain(registry, body(drifted, "1.0.0")).status(),
                    registry.post(Explains.PATH, malformed, null).status(),
                    explain(registry, unknownVersion).status());
            String metrics = registry.get("/metrics").body();

            assertThat(statuses).containsExactly(200, 200, 400, 404);
            assertThat(registry.log)
                    .as("one request-log line per request, naming the route only")
                    .anySatisfy(line -> assertThat(line).contains("\"route\":\"/ui/api/explain\""));
            String everythingLogged = String.join("\n", registry.log);
            for (String secret : List.of(
                    "secret-subject-47", accepted.split("\\.")[1], accepted.split("\\.")[2], drifted.split("\\.")[1])) {
                assertThat(everythingLogged).doesNotContain(secret);
                assertThat(metrics).doesNotContain(secret);
            }
            assertThat(registry.store.audit(1000)).hasSize(auditBefore);
        }
    }

    @Test
    void explainWhenHostileTokenWithoutValidSignatureThenFindingsGroupedAndAnswerBounded() {
        try (Registry registry = Explains.registry()) {
            ArrayNode roles = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < 10_000; i++) {
                roles.add(1);
            }
            String manyViolations =
                    TestTokens.mcp().claim("roles", roles).signingInput() + "." + TestTokens.encode(new byte[256]);
            assertThat(manyViolations.length()).isBetween(27_000, TokenValidator.DEFAULT_MAX_TOKEN_CHARS);

            Registry.Response response = explain(registry, body(manyViolations, "1.0.0"));

            JsonNode report = response.json();
            assertThat(report.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(report.path("findings").size()).isLessThan(12);
            assertThat(report.path("token").path("label").asString()).isEqualTo("UNVERIFIED");
            // the decoded claims are shown (as the CLI shows them), compactly: no more than the token itself
            assertThat(response.body().length()).isLessThan(manyViolations.length() + 16 * 1024);
        }
    }

    @Test
    void explainWhenClaimsNestedDeeplyThenAnswerIsNotAmplifiedByIndentation() {
        try (Registry registry = Explains.registry()) {
            ObjectNode claims = JsonNodeFactory.instance.objectNode();
            for (int n = 0; n < 150; n++) {
                JsonNode nested = JsonNodeFactory.instance.arrayNode();
                for (int depth = 0; depth < 60; depth++) {
                    ArrayNode outer = JsonNodeFactory.instance.arrayNode();
                    outer.add(nested);
                    nested = outer;
                }
                claims.set("c" + n, nested);
            }
            TestTokens token = TestTokens.mcp();
            claims.properties().forEach(e -> token.claim(e.getKey(), e.getValue()));
            String hostile = token.signingInput() + "." + TestTokens.encode(new byte[256]);
            assertThat(hostile.length()).isLessThan(TokenValidator.DEFAULT_MAX_TOKEN_CHARS);

            Registry.Response response = explain(registry, body(hostile, "1.0.0"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("findings").size()).isLessThan(12);
            assertThat(response.body().length()).isLessThan(hostile.length() + 16 * 1024);
        }
    }

    @Test
    void explainWhenTokenOverTheValidatorsCapThenJudgedTooLargeNotRead() {
        try (Registry registry = Explains.registry()) {
            String oversized = "a".repeat(TokenValidator.DEFAULT_MAX_TOKEN_CHARS + 1);

            JsonNode report = explain(registry, body(oversized, "1.0.0")).json();

            assertThat(report.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(report.path("findings").get(0).path("code").asString()).isEqualTo("TOKEN_TOO_LARGE");
            assertThat(report.path("token").isNull()).isTrue();
        }
    }
}
