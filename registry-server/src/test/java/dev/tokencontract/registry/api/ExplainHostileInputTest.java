package dev.tokencontract.registry.api;

import static dev.tokencontract.registry.api.Explains.conforming;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile explain bodies: each is a clear 4xx problem (never a 500, never an echo of key material),
 * or, where the body is well-formed, a report.
 */
class ExplainHostileInputTest {
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Explains.registry();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String withJwks(String jwks) {
        return "{\"token\": \"" + conforming().signRsa()
                + "\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}, \"jwks\": " + jwks + "}";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"keys\": [{\"kty\": \"RSA\", \"n\": \"!!!\", \"e\": \"AQAB\"}]}",
                "{\"keys\": [1, \"two\", null]}",
                "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-999\", \"x\": \"AA\", \"y\": \"AA\"}]}",
                "{\"keys\": [{}]}",
                "{\"keys\": {}}",
                "[]",
                "42",
                "\"not json at all\"",
                "\"{\\\"keys\\\": [{\\\"kty\\\": \\\"RSA\\\", \\\"n\\\": \\\"AQAB\\\", \\\"e\\\": \\\"AQAB\\\"}]}\"",
                "{\"keys\": [{\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"x\": \"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}"
            })
    void explainWhenPastedJwksIsHostileThenProblemOrReportNeverA500(String jwks) {
        Registry.Response response = registry.post(Explains.PATH, withJwks(jwks), null);

        assertThat(response.status()).as(response.body()).isIn(200, 400);
        if (response.status() == 200) {
            assertThat(response.json().path("verdict").asString()).isNotEqualTo("ACCEPTED");
        } else {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).isIn("invalid-body", "invalid-json");
        }
    }

    @Test
    void explainWhenPastedSetHasTooManyKeysThen400() {
        StringBuilder keys = new StringBuilder("{\"keys\": [");
        for (int i = 0; i < 33; i++) {
            keys.append(i == 0 ? "" : ",")
                    .append(dev.tokencontract.testing.TestKeys.RSA.toPublicJWK().toJSONString());
        }
        Registry.Response response =
                registry.post(Explains.PATH, withJwks(keys.append("]}").toString()), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("33 keys; at most 32");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"token\": 42, \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}}",
                "{\"token\": \"\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}}",
                "{\"token\": \"a.b.c\", \"contract\": \"identity.crm@1.0.0\"}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\", \"x\": 1}}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": 1}}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}, \"issuer\": \" \"}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}, \"audience\": []}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}, \"audience\": [1]}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}, \"alg\": \"none\"}",
                "{\"token\": \"a.b.c\", \"contract\": {\"name\": \"identity.crm\", \"version\": \"1..0\"}}",
                "null",
                ""
            })
    void explainWhenBodyHasTheWrongShapeThen400ProblemNaming(String body) {
        Registry.Response response = registry.post(Explains.PATH, body, null);

        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isIn("invalid-body", "invalid-json", "invalid-version");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void explainWhenSentAsAFormOrNotUtf8ThenRefusedClearly() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(registry.server.url() + Explains.PATH))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + conforming().signRsa()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Registry.Response latin1 = registry.post(Explains.PATH, new byte[] {'{', '"', (byte) 0xff, '"', '}'}, null);

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().path("code").asString()).isEqualTo("invalid-json");
    }

    @Test
    void explainWhenGetInsteadOfPostThen405() {
        Registry.Response response = registry.get(Explains.PATH);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).contains("POST");
    }
}
