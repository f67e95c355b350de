package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.suites.ContractCounterexamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CompatibilityApiTest {
    private static final String REQUIRED_ADDED = """
            {"kind": "required-added", "classes": ["BREAKING_FOR_CONSUMERS"], "pointer": "/required",
             "explanation": "claim 'tenant_id' is now required; tokens without it are rejected",
             "before": "[\\"iss\\",\\"aud\\",\\"exp\\"]", "after": "[\\"iss\\",\\"aud\\",\\"exp\\",\\"tenant_id\\"]",
             "against": "1.0.0", "refused": true}""";
    private static final String PROPERTY_ADDED = """
            {"kind": "property-added", "classes": ["BREAKING_FOR_CONSUMERS"], "pointer": "/properties/tenant_id",
             "explanation": "claim 'tenant_id' declared; the old contract accepted any value (open content model); what changes for its values: [type-narrowed]",
             "before": "true", "after": "{\\"type\\":\\"string\\"}", "against": "1.0.0", "refused": true}""";

    private Registry registry;

    @BeforeEach
    void start() {
        registry = Registry.start();
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static JsonNode json(String text) {
        return Registry.JSON.readTree(text);
    }

    @Test
    void publishWhenIncompatibleThen409WithEveryClassifiedChangeAndNothingStored() {
        Registry.Response response = registry.publish(Contracts.requiringTenant("identity.crm", "1.1.0"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/incompatible", "title": "Incompatible with earlier versions",
                 "status": 409, "detail": "identity.crm@1.1.0 has 2 change(s) that FULL_TRANSITIVE refuses",
                 "code": "incompatible", "compatible": false, "mode": "FULL_TRANSITIVE", "checkedAgainst": ["1.0.0"],
                 "changes": [%1$s, %2$s], "refused": [%1$s, %2$s]}""".formatted(REQUIRED_ADDED, PROPERTY_ADDED)));
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
        assertThat(registry.store.audit(1).get(0).result()).isEqualTo("409 incompatible");
    }

    @Test
    void publishWhenIncompatibleAndCounterexampleSearchConfiguredThen409CarriesAClaimSetOldAcceptsAndNewRejects()
            throws Exception {
        try (Registry withSearch = Registry.startWithCounterexamples(ContractCounterexamples.standard())) {
            String older = Contracts.of("identity.crm", "1.0.0");
            String newer = Contracts.requiringTenant("identity.crm", "1.1.0");
            assertThat(withSearch.publish(older).status()).isEqualTo(201);

            Registry.Response response = withSearch.publish(newer);

            assertThat(response.status()).isEqualTo(409);
            JsonNode found = response.json().path("counterexamples");
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).path("against").asString()).isEqualTo("1.0.0");
            assertThat(found.get(0).path("direction").asString()).isEqualTo("BREAKING_FOR_CONSUMERS");
            JsonNode claims = found.get(0).path("claims");
            // the claim set is concrete: the old version accepts it, the new one rejects it
            assertThat(dev.tokencontract.contract.Contracts.parse(older).check(claims, ""))
                    .isEmpty();
            assertThat(dev.tokencontract.contract.Contracts.parse(newer).check(claims, ""))
                    .isNotEmpty();
            assertThat(claims.has("tenant_id")).isFalse();
        }
    }

    @Test
    void publishWhenSearchFindsATokenWhereTheEngineSawNoBreakThenRefusedWithWitnessFound() throws Exception {
        // a search standing in for an engine blind spot: it reports a producer-breaking token for any pair
        dev.tokencontract.compat.CounterexampleSearch blindSpot =
                (older, newer, direction) -> direction == dev.tokencontract.compat.ChangeClass.BREAKING_FOR_PRODUCERS
                        ? java.util.Optional.of(new dev.tokencontract.compat.Counterexample(
                                direction,
                                json("{\"iss\": \"x\", \"aud\": \"y\", \"exp\": 1, \"roles\": [\"admin\"]}"),
                                "/properties/roles",
                                "CLAIM_VALUE_NOT_ALLOWED",
                                0L))
                        : java.util.Optional.empty();
        try (Registry withSearch = Registry.startWithCounterexamples(blindSpot)) {
            assertThat(withSearch.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(201);

            Registry.Response response = withSearch.publish(Contracts.of("identity.crm", "1.0.1"));

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().at("/refused/0/kind").asString()).isEqualTo("witness-found");
            assertThat(response.json().at("/refused/0/classes")).containsExactly(json("\"BREAKING_FOR_PRODUCERS\""));
            assertThat(response.json().at("/counterexamples/0/claims/roles/0").asString())
                    .isEqualTo("admin");
            assertThat(withSearch.store.versions("identity.crm")).hasSize(1);
        }
    }

    @Test
    void publishWhenIncompatibleWithoutCounterexampleSearchThenNoCounterexamplesMember() {
        Registry.Response response = registry.publish(Contracts.requiringTenant("identity.crm", "1.1.0"));

        assertThat(response.json().has("counterexamples")).isFalse();
    }

    @Test
    void dryRunWhenIncompatibleThen200VerdictSayingSoAndFailTrueGives409() {
        String candidate = Contracts.requiringTenant("identity.crm", "1.1.0");

        Registry.Response verdict = registry.post("/contracts/identity.crm/compatibility", candidate, null);
        Registry.Response failing = registry.post("/contracts/identity.crm/compatibility?fail=true", candidate, null);

        assertThat(verdict.status()).isEqualTo(200);
        ObjectNode body = (ObjectNode) verdict.json();
        assertThat(body.path("digest").asString()).matches("sha-256:[0-9a-f]{64}");
        body.remove("digest");
        assertThat(body).isEqualTo(json("""
                {"compatible": false, "mode": "FULL_TRANSITIVE", "checkedAgainst": ["1.0.0"],
                 "changes": [%1$s, %2$s], "refused": [%1$s, %2$s], "name": "identity.crm", "version": "1.1.0"}""".formatted(REQUIRED_ADDED, PROPERTY_ADDED)));
        assertThat(failing.status()).isEqualTo(409);
        assertThat(failing.json().path("code").asString()).isEqualTo("incompatible");
        assertThat(failing.json().path("changes")).isEqualTo(body.path("changes"));
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
    }

    @Test
    void dryRunWhenCompatibleThen200CompatibleTrueEvenWithFail() {
        Registry.Response verdict = registry.post(
                "/contracts/identity.crm/compatibility?fail=true",
                Contracts.described("identity.crm", "1.0.1", "clearer words"),
                null);

        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().path("compatible").asBoolean()).isTrue();
        assertThat(verdict.json().path("refused")).isEmpty();
        assertThat(verdict.json().path("changes").values())
                .extracting(c -> c.path("kind").asString())
                .isNotEmpty();
        assertThat(registry.store.versions("identity.crm")).hasSize(1); // a dry run stores nothing
    }

    @Test
    void publishWhenOnlyAuthorizationWideningThenRefusedUnlessAcknowledged() {
        assertThat(registry.put("/contracts/identity.crm/config", "{\"mode\": \"BACKWARD\"}", Tokens.admin())
                        .status())
                .isEqualTo(200);
        String widened = Contracts.withRole("identity.crm", "1.1.0", "admin");

        Registry.Response refused = registry.publish(widened);
        Registry.Response acknowledged = registry.post(
                "/contracts/identity.crm/versions?acknowledge=authorization-widening", widened, Tokens.admin());

        assertThat(refused.status()).isEqualTo(409);
        JsonNode change = refused.json().path("refused").get(0);
        assertThat(change.path("kind").asString()).isEqualTo("enum-value-added");
        assertThat(change.path("classes").values())
                .extracting(JsonNode::asString)
                .contains("AUTHORIZATION_WIDENING");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("identity.crm@1.1.0 has 1 change(s) that BACKWARD refuses");
        assertThat(acknowledged.status()).isEqualTo(201);
    }

    @Test
    void publishWhenTransitiveThenCheckedAgainstEveryEarlierVersion() {
        assertThat(registry.publish(Contracts.described("identity.crm", "1.1.0", "second"))
                        .status())
                .isEqualTo(201);

        Registry.Response response = registry.publish(Contracts.requiringTenant("identity.crm", "1.2.0"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("checkedAgainst")).isEqualTo(json("[\"1.0.0\", \"1.1.0\"]"));
        assertThat(response.json().path("refused").values())
                .extracting(c -> c.path("against").asString())
                .containsExactly("1.0.0", "1.0.0", "1.1.0", "1.1.0");
    }

    @Test
    void publishWhenModeNoneThenAnythingGoes() {
        assertThat(registry.put("/contracts/identity.crm/config", "{\"mode\": \"NONE\"}", Tokens.admin())
                        .status())
                .isEqualTo(200);

        assertThat(registry.publish(Contracts.requiringTenant("identity.crm", "2.0.0"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void diffWhenTwoVersionsThenEveryChangeWithModeVerdict() {
        assertThat(registry.put("/contracts/identity.crm/config", "{\"mode\": \"NONE\"}", Tokens.admin())
                        .status())
                .isEqualTo(200);
        assertThat(registry.publish(Contracts.requiringTenant("identity.crm", "2.0.0"))
                        .status())
                .isEqualTo(201);

        Registry.Response diff = registry.get("/contracts/identity.crm/diff?from=1.0.0&to=latest");
        Registry.Response missing = registry.get("/contracts/identity.crm/diff?from=1.0.0");

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.json().path("from").asString()).isEqualTo("1.0.0");
        assertThat(diff.json().path("to").asString()).isEqualTo("2.0.0");
        assertThat(diff.json().path("mode").asString()).isEqualTo("NONE");
        assertThat(diff.json().path("changes").values())
                .extracting(c -> c.path("kind").asString())
                .containsExactly("required-added", "property-added");
        assertThat(diff.json().path("changes").get(0).path("refusedByMode").asBoolean())
                .isFalse();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-parameter", "title": "Invalid query parameter",
                 "status": 400, "detail": "give both 'from' and 'to' (a version, 'latest' or a range)", "code": "invalid-parameter"}"""));
    }
}
