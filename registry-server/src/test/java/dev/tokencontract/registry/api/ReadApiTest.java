package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadApiTest {
    private Registry registry;

    @BeforeEach
    void start() {
        registry = Registry.start();
        assertThat(registry.publish(Contracts.described("identity.crm", "0.9.0", "first"))
                        .status())
                .isEqualTo(201);
        assertThat(registry.put("/contracts/identity.crm/config", "{\"mode\": \"NONE\"}", Tokens.admin())
                        .status())
                .isEqualTo(200);
        for (String version : new String[] {"1.0.0", "1.1.0", "1.2.0", "2.0.0-rc.1"}) {
            assertThat(registry.publish(Contracts.described("identity.crm", version, "v" + version))
                            .status())
                    .isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static JsonNode json(String text) {
        return Registry.JSON.readTree(text);
    }

    @Test
    void getExactVersionWhenPublishedThenCanonicalBodyDigestEtagAndFiveMinuteCaching() throws Exception {
        Registry.Response response = registry.get("/contracts/identity.crm/versions/1.1.0");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        String body = response.body();
        assertThat(json(body)).isEqualTo(json(Contracts.described("identity.crm", "1.1.0", "v1.1.0")));
        assertThat(body).doesNotContain(" \n", "\n").startsWith("{\"$id\":"); // sorted members, no whitespace
        String hex = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.header("ETag")).isEqualTo("\"sha-256:" + hex + "\"");
        assertThat(response.header("Cache-Control"))
                .isEqualTo("public, max-age=300"); // never immutable: the state may change
        assertThat(response.header("Tokencontract-Version")).isEqualTo("1.1.0");
        assertThat(response.header("Tokencontract-State")).isEqualTo("ACTIVE");
        assertThat(response.header("Content-Location")).isNull();
    }

    @Test
    void getWhenIfNoneMatchMatchesThen304WithoutBody() {
        String etag = registry.get("/contracts/identity.crm/versions/1.0.0").header("ETag");

        Registry.Response same =
                registry.get("/contracts/identity.crm/versions/1.0.0", "If-None-Match", "\"other\", " + etag);
        Registry.Response weak = registry.get("/contracts/identity.crm/versions/1.0.0", "If-None-Match", "W/" + etag);
        Registry.Response other = registry.get("/contracts/identity.crm/versions/1.1.0", "If-None-Match", etag);

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(same.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(weak.status()).isEqualTo(304);
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void getLatestAndRangesThenHighestActiveReleaseWithNoCacheAndContentLocation() {
        Registry.Response latest = registry.get("/contracts/identity.crm/versions/latest");

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.header("Tokencontract-Version")).isEqualTo("1.2.0"); // 2.0.0-rc.1 is a pre-release
        assertThat(latest.header("Content-Location")).isEqualTo("/contracts/identity.crm/versions/1.2.0");
        assertThat(latest.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(latest.header("ETag"))
                .isEqualTo(
                        registry.get("/contracts/identity.crm/versions/1.2.0").header("ETag"));
        assertThat(version("1")).isEqualTo("1.2.0");
        assertThat(version("1.1")).isEqualTo("1.1.0");
        assertThat(version("^1.0.0")).isEqualTo("1.2.0");
        assertThat(version("~1.1")).isEqualTo("1.1.0");
        assertThat(version("~1.0.0")).isEqualTo("1.0.0");
        assertThat(version("2.0.0-rc.1")).isEqualTo("2.0.0-rc.1"); // exact pre-release is served
    }

    private String version(String request) {
        Registry.Response response = registry.get("/contracts/identity.crm/versions/" + request.replace("^", "%5E"));
        assertThat(response.status()).as(request).isEqualTo(200);
        return response.header("Tokencontract-Version");
    }

    @Test
    void getWhenVersionDeprecatedThenRangesSkipItAndExactServesItMarked() {
        Registry.Response deprecate = registry.put(
                "/contracts/identity.crm/versions/1.2.0/state", "{\"state\": \"DEPRECATED\"}", Tokens.admin());
        assertThat(deprecate.status()).isEqualTo(200);
        assertThat(deprecate.json())
                .isEqualTo(json("{\"name\":\"identity.crm\",\"version\":\"1.2.0\",\"state\":\"DEPRECATED\"}"));

        assertThat(version("latest")).isEqualTo("1.1.0");
        assertThat(version("1")).isEqualTo("1.1.0");
        Registry.Response exact = registry.get("/contracts/identity.crm/versions/1.2.0");
        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.header("Tokencontract-State")).isEqualTo("DEPRECATED");
        Registry.Response none = registry.get("/contracts/identity.crm/versions/1.2");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/version-not-found", "title": "No such version", "status": 404,
                 "detail": "no active version of 'identity.crm' matches '1.2' (ranges and latest skip deprecated and pre-release versions)",
                 "code": "version-not-found"}"""));
        assertThat(none.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void getContractAndListsThenNamesVersionsStatesAndMode() {
        JsonNode list = registry.get("/contracts").json();
        JsonNode summary = registry.get("/contracts/identity.crm").json();
        JsonNode versions = registry.get("/contracts/identity.crm/versions").json();

        assertThat(list).isEqualTo(json("""
                {"contracts": [{"name": "identity.crm", "latest": "1.2.0", "mode": "NONE"}]}"""));
        assertThat(summary.path("name").asString()).isEqualTo("identity.crm");
        assertThat(summary.path("mode").asString()).isEqualTo("NONE");
        assertThat(summary.path("latest").asString()).isEqualTo("1.2.0");
        assertThat(summary.path("versions")).isEqualTo(versions.path("versions"));
        JsonNode first = versions.path("versions").get(1);
        assertThat(first.path("version").asString()).isEqualTo("1.0.0");
        assertThat(first.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(first.path("publishedBy").asString()).isEqualTo("ci@identity.example (identity-ci)");
        assertThat(first.path("publishedAt").asString()).isEqualTo(TestTokens.JUDGED_AT.toString());
        assertThat(first.path("digest").asString()).matches("sha-256:[0-9a-f]{64}");
        assertThat(first.path("location").asString()).isEqualTo("/contracts/identity.crm/versions/1.0.0");
        assertThat(versions.path("versions"))
                .extracting(v -> v.path("version").asString())
                .containsExactly("0.9.0", "1.0.0", "1.1.0", "1.2.0", "2.0.0-rc.1");
    }

    @Test
    void getWhenUnknownContractOrVersionOrBadRangeThenWholeProblems() {
        assertThat(registry.get("/contracts/identity.nope").json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/contract-not-found", "title": "No such contract", "status": 404,
                 "detail": "no contract named 'identity.nope'", "code": "contract-not-found"}"""));
        assertThat(registry.get("/contracts/identity.nope/versions/latest")
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("contract-not-found");
        assertThat(registry.get("/contracts/identity.crm/versions/9.9.9").json())
                .isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/version-not-found", "title": "No such version", "status": 404,
                 "detail": "no active version of 'identity.crm' matches '9.9.9' (ranges and latest skip deprecated and pre-release versions)",
                 "code": "version-not-found"}"""));
        Registry.Response bad = registry.get("/contracts/identity.crm/versions/v1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).isEqualTo(json("""
                {"type": "https://tokencontract.dev/problems/invalid-version", "title": "Invalid version or range", "status": 400,
                 "detail": "a version is exact (1.2.0, 2.0.0-rc.1), 'latest', or a range: 1, 1.2, ^1.2.0, ~1.2, ~1.2.3",
                 "code": "invalid-version"}"""));
        assertThat(registry.get("/contracts/identity.crm/versions/01.0.0").status())
                .isEqualTo(400);
    }

    @Test
    void getWhenReadTokenRequiredThenAnonymousIs401AndReaderReads() {
        try (Registry locked = Registry.start(Stores.fresh(), true)) {
            assertThat(locked.publish(Contracts.of("identity.crm", "1.0.0")).status())
                    .isEqualTo(201);
            Registry.Response anonymous = locked.get("/contracts/identity.crm/versions/1.0.0");
            Registry.Response writerOnly =
                    locked.get("/contracts", "Authorization", "Bearer " + Tokens.identityWriter());
            Registry.Response reader =
                    locked.get("/contracts/identity.crm/versions/1.0.0", "Authorization", "Bearer " + Tokens.reader());

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokencontract-registry\"");
            assertThat(writerOnly.status()).isEqualTo(403);
            assertThat(writerOnly.json().path("code").asString()).isEqualTo("scope-missing");
            assertThat(reader.status()).isEqualTo(200);
            assertThat(locked.get("/health/live").status()).isEqualTo(200);
        }
    }
}
