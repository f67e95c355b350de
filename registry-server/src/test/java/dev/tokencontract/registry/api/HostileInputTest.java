package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Oversized, malformed and path-trick input: a clear problem, nothing stored, the server still serving. */
class HostileInputTest {
    private static final String INVALID_NAME = """
            {"type": "https://tokencontract.dev/problems/invalid-name", "title": "Invalid contract name", "status": 400,
             "detail": "contract names are lowercase letters and digits in groups joined by single dots or dashes, at most 128 characters (e.g. identity.crm-token)",
             "code": "invalid-name"}""";
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static JsonNode json(String text) {
        return Registry.JSON.readTree(text);
    }

    private static void assertNothingNewStored() {
        assertThat(registry.store.names()).containsExactly("identity.crm");
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
    }

    @Test
    void publishWhenBodyOverCapThen413BeforeReadingItAll() {
        byte[] huge = ("{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Registry.Response declared = registry.post("/contracts/identity.crm/versions", huge, Tokens.admin());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/body-too-large", "title": "Request body too large", "status": 413,
                 "detail": "request bodies are limited to 262144 bytes", "code": "body-too-large", "maxBytes": 262144}"""));
        assertThat(registry.store.audit(1).get(0).result()).isEqualTo("413 body-too-large");
        assertNothingNewStored();
    }

    @Test
    void publishWhenChunkedBodyOverCapThen413() throws Exception {
        byte[] huge = ("{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(registry.uri("/contracts/identity.crm/versions"))
                .header("Authorization", "Bearer " + Tokens.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build(); // no length: chunked

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response.body()).path("code").asString()).isEqualTo("body-too-large");
        assertNothingNewStored();
    }

    @Test
    void publishWhenMalformedJsonThen400InvalidJsonWithFinding() {
        Registry.Response response =
                registry.post("/contracts/identity.crm/versions", "{\"x-contract\": ", Tokens.admin());

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.path("code").asString()).isEqualTo("invalid-json");
        assertThat(body.path("detail").asString())
                .isEqualTo("the body is not one JSON object without duplicate member names");
        assertThat(body.path("findings").get(0).path("code").asString()).isEqualTo("LINT_NOT_JSON");
        assertNothingNewStored();
    }

    @Test
    void publishWhenDuplicateMemberNamesThen400InvalidJson() {
        String duplicated = Contracts.of("identity.crm", "1.0.1").replaceFirst("\\{", "{\"type\": \"array\", ");

        Registry.Response response = registry.post("/contracts/identity.crm/versions", duplicated, Tokens.admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("invalid-json");
        assertThat(response.json().path("findings").get(0).path("actual").asString())
                .contains("Duplicate");
        assertNothingNewStored();
    }

    @Test
    void publishWhenNotUtf8Then400() {
        byte[] latin1 =
                Contracts.described("identity.crm", "1.0.1", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        Registry.Response response = registry.post("/contracts/identity.crm/versions", latin1, Tokens.admin());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-json", "title": "Request body is not valid JSON", "status": 400,
                 "detail": "the request body is not UTF-8", "code": "invalid-json"}"""));
        assertNothingNewStored();
    }

    @Test
    void publishWhenContractHoldsEscapedControlCharactersThenStoredAndServedIntact() {
        try (Registry own = Registry.start()) {
            String contract = Contracts.described("identity.crm", "1.0.0", "nul \u0000 bell \u0007 rtl \u202e end");

            Registry.Response created = own.publish(contract);
            Registry.Response served = own.get("/contracts/identity.crm/versions/1.0.0");

            assertThat(created.status()).isEqualTo(201);
            assertThat(served.body()).contains("nul \\u0000 bell \\u0007 rtl \u202e end");
            assertThat(json(served.body())).isEqualTo(json(contract));
        }
    }

    @Test
    void publishWhenNestedTooDeepThen422TooLarge() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);

        Registry.Response response = registry.post("/contracts/identity.crm/versions", deep, Tokens.admin());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("findings").get(0).path("code").asString())
                .isEqualTo("LINT_TOO_LARGE");
        assertNothingNewStored();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "%2e%2e",
                "..%2Fetc",
                "a%2Fb",
                "%2E%2E%2Fx",
                "Identity",
                "a..b",
                "-a",
                "a;b",
                "identity.crm;x=1",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void requestsWhenNameIsAPathTrickOrInvalidThen400InvalidName(String name) throws Exception {
        RawHttp.Answer read = RawHttp.send(registry.server.port(), "GET", "/contracts/" + name + "/versions/latest");
        RawHttp.Answer publish = RawHttp.send(
                registry.server.port(),
                "POST",
                "/contracts/" + name + "/versions",
                "Authorization: Bearer " + Tokens.admin(),
                "Content-Type: application/json",
                "Content-Length: 2",
                "",
                "{}");

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.contentType()).isEqualTo("application/problem+json");
        assertThat(json(read.body())).isEqualTo(json(INVALID_NAME));
        assertThat(publish.status()).isEqualTo(400);
        assertThat(json(publish.body())).isEqualTo(json(INVALID_NAME));
        AuditEntry entry = registry.store.audit(1).get(0);
        assertThat(entry.name()).isNull(); // an invalid name never reaches the store, not even the audit log
        assertThat(entry.result()).isEqualTo("400 invalid-name");
        assertNothingNewStored();
    }

    @Test
    void requestsWhenPathEscapesOrHasControlCharactersThenProblemNotHtml() throws Exception {
        RawHttp.Answer dotDot = RawHttp.send(registry.server.port(), "GET", "/contracts/../x");
        RawHttp.Answer nul = RawHttp.send(registry.server.port(), "GET", "/contracts/a%00b");
        RawHttp.Answer version = RawHttp.send(registry.server.port(), "GET", "/contracts/identity.crm/versions/%2e%2e");

        assertThat(dotDot.status()).isEqualTo(404);
        assertThat(json(dotDot.body()).path("code").asString()).isEqualTo("not-found");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).isEqualTo("application/problem+json");
        assertThat(json(nul.body())).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/bad-request", "title": "Malformed request", "status": 400,
                 "detail": "the HTTP request is malformed (for example a control character or an ambiguous encoding in the path)",
                 "code": "bad-request"}"""));
        assertThat(version.status()).isEqualTo(400);
        assertThat(json(version.body()).path("code").asString()).isEqualTo("invalid-version");
    }

    @Test
    void deleteWhenAnywhereThen405ProblemAndNothingRemoved() {
        Registry.Response version = registry.delete("/contracts/identity.crm/versions/1.0.0", Tokens.admin());
        Registry.Response contract = registry.delete("/contracts/identity.crm", Tokens.admin());

        assertThat(version.status()).isEqualTo(405);
        assertThat(version.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/method-not-allowed", "title": "Method not allowed", "status": 405,
                 "detail": "nothing is ever deleted: published versions are immutable; deprecate a version with PUT .../versions/{version}/state",
                 "code": "method-not-allowed"}"""));
        assertThat(contract.status()).isEqualTo(405);
        assertNothingNewStored();
        assertThat(registry.get("/contracts/identity.crm/versions/1.0.0").status())
                .isEqualTo(200);
    }

    @Test
    void unknownRouteThen404Problem() {
        Registry.Response response = registry.get("/nope");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/not-found", "title": "No such resource", "status": 404,
                 "detail": "no such resource", "code": "not-found"}"""));
    }
}
