package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PublishApiTest {
    private Registry registry;

    @BeforeEach
    void start() {
        registry = Registry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static JsonNode json(String text) {
        return Registry.JSON.readTree(text);
    }

    private Registry.Response publishAsWriter(String name, String body) {
        return registry.post("/contracts/" + name + "/versions", body, Tokens.identityWriter());
    }

    @Test
    void publishWhenNewThen201WithLocationAndVersionBody() {
        Registry.Response response = publishAsWriter("identity.crm", Contracts.of("identity.crm", "1.0.0"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/contracts/identity.crm/versions/1.0.0");
        JsonNode body = response.json();
        String digest = registry.get("/contracts/identity.crm/versions/1.0.0")
                .header("ETag")
                .replace("\"", "");
        assertThat(body).isEqualTo(json("""
                {"name": "identity.crm", "version": "1.0.0", "digest": "%s", "state": "ACTIVE",
                 "publishedBy": "ci@identity.example (identity-ci)", "publishedAt": "%s",
                 "location": "/contracts/identity.crm/versions/1.0.0", "warnings": []}""".formatted(digest, TestTokens.JUDGED_AT)));
        List<AuditEntry> audit = registry.store.audit(10);
        assertThat(audit)
                .containsExactly(new AuditEntry(
                        TestTokens.JUDGED_AT,
                        "publish",
                        "ci@identity.example",
                        "identity-ci",
                        "identity.crm",
                        "1.0.0",
                        digest,
                        "201 created"));
    }

    @Test
    void publishWhenSameContentAgainEvenReformattedThen200AndNothingNew() {
        String contract = Contracts.of("identity.crm", "1.0.0");
        assertThat(publishAsWriter("identity.crm", contract).status()).isEqualTo(201);

        String reformatted = Registry.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(contract));
        Registry.Response again = publishAsWriter("identity.crm", reformatted);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Location")).isNull();
        assertThat(again.json().path("version").asString()).isEqualTo("1.0.0");
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
        assertThat(registry.store.audit(1).get(0).result()).isEqualTo("200 same-content");
    }

    @Test
    void publishWhenOtherContentAtExistingVersionThen409VersionConflict() {
        assertThat(publishAsWriter("identity.crm", Contracts.of("identity.crm", "1.0.0"))
                        .status())
                .isEqualTo(201);
        String existing =
                registry.store.version("identity.crm", "1.0.0").orElseThrow().digest();

        Registry.Response conflict =
                publishAsWriter("identity.crm", Contracts.described("identity.crm", "1.0.0", "changed"));

        assertThat(conflict.status()).isEqualTo(409);
        ObjectNode body = (ObjectNode) conflict.json();
        String digest = body.path("digest").asString();
        assertThat(digest).matches("sha-256:[0-9a-f]{64}").isNotEqualTo(existing);
        assertThat(body).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/version-conflict",
                 "title": "Version already published with other content", "status": 409,
                 "detail": "identity.crm@1.0.0 is already published with other content; published versions never change: publish a new version",
                 "code": "version-conflict", "existingDigest": "%s", "digest": "%s"}""".formatted(existing, digest)));
        assertThat(registry.store.version("identity.crm", "1.0.0").orElseThrow().digest())
                .isEqualTo(existing);
    }

    @Test
    void publishWhenLintFailsThen422WithEveryFinding() {
        ObjectNode contract = Contracts.node("identity.crm", "1.0.0");
        ((ObjectNode) contract.path("x-jose")).putArray("alg").add("none");
        ((ObjectNode) contract.path("properties")).putObject("remote").put("$ref", "https://evil.example/schema.json");

        Registry.Response response = publishAsWriter("identity.crm", contract.toString());

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("https://tokencontract.dev/problems/lint-failed");
        assertThat(body.path("code").asString()).isEqualTo("lint-failed");
        assertThat(body.path("title").asString()).isEqualTo("Contract fails lint");
        assertThat(body.path("status").asInt()).isEqualTo(422);
        assertThat(body.path("findings").values())
                .extracting(f -> f.path("code").asString())
                .contains("LINT_ALG_NONE", "LINT_REMOTE_REF");
        assertThat(body.path("detail").asString()).matches("the contract fails lint with \\d+ error\\(s\\)");
        assertThat(body.path("findings").get(0).properties())
                .extracting(e -> e.getKey())
                .containsExactly("code", "stage", "severity", "pointer", "expected", "actual", "message", "hint");
        assertThat(registry.store.names()).isEmpty();
        assertThat(registry.store.audit(1).get(0).result()).isEqualTo("422 lint-failed");
    }

    @Test
    void publishWhenBodyNamesAnotherContractThen422NameMismatch() {
        Registry.Response response = publishAsWriter("identity.crm", Contracts.of("identity.other", "1.0.0"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/name-mismatch", "title": "Contract does not match the path",
                 "status": 422, "detail": "x-contract.name is 'identity.other' but the path names 'identity.crm'",
                 "code": "name-mismatch"}"""));
        assertThat(registry.store.names()).isEmpty();
    }

    @Test
    void publishWhenUnknownAcknowledgementThen400() {
        Registry.Response response = registry.post(
                "/contracts/identity.crm/versions?acknowledge=everything",
                Contracts.of("identity.crm", "1.0.0"),
                Tokens.identityWriter());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-parameter", "title": "Invalid query parameter",
                 "status": 400, "detail": "'acknowledge' accepts only authorization-widening", "code": "invalid-parameter"}"""));
    }

    @Test
    void configWhenAdminSetsModeThenReadBackAndAuditedAndBadModeIs400() {
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);

        Registry.Response set =
                registry.put("/contracts/identity.crm/config", "{\"mode\": \"backward\"}", Tokens.admin());
        Registry.Response bad =
                registry.put("/contracts/identity.crm/config", "{\"mode\": \"SIDEWAYS\"}", Tokens.admin());
        Registry.Response writer =
                registry.put("/contracts/identity.crm/config", "{\"mode\": \"NONE\"}", Tokens.identityWriter());
        Registry.Response unknown =
                registry.put("/contracts/identity.none/config", "{\"mode\": \"NONE\"}", Tokens.admin());

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(json("{\"name\": \"identity.crm\", \"mode\": \"BACKWARD\"}"));
        assertThat(registry.get("/contracts/identity.crm/config").json()).isEqualTo(set.json());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-body", "title": "Request body has the wrong shape",
                 "status": 400, "detail": "mode is one of [NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE]",
                 "code": "invalid-body"}"""));
        assertThat(writer.status()).isEqualTo(403);
        assertThat(writer.json().path("code").asString()).isEqualTo("scope-missing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(registry.store.mode("identity.crm"))
                .hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("BACKWARD"));
        assertThat(registry.store.audit(10))
                .extracting(AuditEntry::action, AuditEntry::result)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("config", "404 contract-not-found"),
                        org.assertj.core.groups.Tuple.tuple("config", "403 scope-missing"),
                        org.assertj.core.groups.Tuple.tuple("config", "400 invalid-body"),
                        org.assertj.core.groups.Tuple.tuple("config", "200 mode BACKWARD"),
                        org.assertj.core.groups.Tuple.tuple("publish", "201 created"));
    }

    @Test
    void auditWhenAdminThenNewestFirstAndOthersAreRefused() {
        registry.publish(Contracts.of("identity.crm", "1.0.0"));
        registry.post("/contracts/identity.crm/versions", Contracts.of("identity.crm", "1.0.1"), null);

        Registry.Response audit = registry.get("/audit?limit=5", "Authorization", "Bearer " + Tokens.admin());
        Registry.Response writer = registry.get("/audit", "Authorization", "Bearer " + Tokens.identityWriter());
        Registry.Response badLimit = registry.get("/audit?limit=0", "Authorization", "Bearer " + Tokens.admin());

        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json().path("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isEqualTo(json("""
                {"at": "%s", "action": "publish", "subject": "anonymous", "clientId": null, "name": "identity.crm",
                 "version": null, "digest": null, "result": "401 token-missing"}""".formatted(TestTokens.JUDGED_AT)));
        assertThat(entries.get(1).path("result").asString()).isEqualTo("201 created");
        assertThat(writer.status()).isEqualTo(403);
        assertThat(badLimit.status()).isEqualTo(400);
    }

    @Test
    void stateWhenNotExactOrUnknownThenProblems() {
        registry.publish(Contracts.of("identity.crm", "1.0.0"));

        Registry.Response range =
                registry.put("/contracts/identity.crm/versions/1/state", "{\"state\": \"DEPRECATED\"}", Tokens.admin());
        Registry.Response unknown = registry.put(
                "/contracts/identity.crm/versions/1.0.9/state", "{\"state\": \"DEPRECATED\"}", Tokens.admin());
        Registry.Response badState =
                registry.put("/contracts/identity.crm/versions/1.0.0/state", "{\"state\": \"GONE\"}", Tokens.admin());
        Registry.Response extra = registry.put(
                "/contracts/identity.crm/versions/1.0.0/state",
                "{\"state\": \"DEPRECATED\", \"state\": \"ACTIVE\"}",
                Tokens.admin());

        assertThat(range.status()).isEqualTo(400);
        assertThat(range.json().path("code").asString()).isEqualTo("invalid-version");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("version-not-found");
        assertThat(badState.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-body", "title": "Request body has the wrong shape",
                 "status": 400, "detail": "state is ACTIVE or DEPRECATED", "code": "invalid-body"}"""));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().path("code").asString()).isEqualTo("invalid-json");
        assertThat(registry.store
                        .version("identity.crm", "1.0.0")
                        .orElseThrow()
                        .state()
                        .name())
                .isEqualTo("ACTIVE");
    }
}
