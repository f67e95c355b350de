package dev.tokencontract.registry.api;

import static dev.tokencontract.registry.api.Explains.body;
import static dev.tokencontract.registry.api.Explains.conforming;
import static dev.tokencontract.registry.api.Explains.explain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.registry.ExplainLimits;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReportJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /ui/api/explain} on a real registry (port 0, H2 in memory) with real RSA/EC keys and signatures:
 * the CLI's report for valid, drifted and forged tokens, and every way a request can be refused.
 */
class ExplainApiTest {

    private static List<Object> codesAndPointers(JsonNode report) {
        List<Object> pairs = new ArrayList<>();
        report.path("findings")
                .forEach(f -> pairs.add(
                        tuple(f.path("code").asString(), f.path("pointer").asString())));
        return pairs;
    }

    @Test
    void explainWhenConformingTokenWithTrustedKeysThenAcceptedWithTheCliReportNotCached() throws Exception {
        try (Registry registry = Explains.registry()) {
            String token = conforming().signRsa();
            ObjectNode request = body(token, "1.0.0");
            request.put("issuer", TestTokens.ISSUER).put("audience", TestTokens.AUDIENCE);

            Registry.Response response = explain(registry, request);

            // what tokencontract explain --format json computes for the same contract, keys and checks
            TokenValidator local = TokenValidator.builder()
                    .contract(Contracts.parse(dev.tokencontract.registry.api.Contracts.of("identity.crm", "1.0.0")))
                    .keys(KeySource.jwks(TestKeys.publicJwks()))
                    .expectIssuer(TestTokens.ISSUER)
                    .expectAudience(TestTokens.AUDIENCE)
                    .checkContractEvenIfSignatureFails()
                    .build();
            JsonNode expected = Registry.JSON.readTree(ValidationReportJson.write(
                    ValidationReportJson.toNode(local.validate(token, TestTokens.JUDGED_AT), local)));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.json()).isEqualTo(expected);
            assertThat(response.json().path("verdict").asString()).isEqualTo("ACCEPTED");
            assertThat(response.json().path("token").path("label").asString()).isEqualTo("VERIFIED");
            assertThat(response.body()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    @Test
    void explainWhenTokenDriftedThenRejectedWithEachFindingAndUnverifiedClaims() {
        try (Registry registry = Explains.registry()) {
            String drifted = TestTokens.mcp()
                    .claim("roles", "admin") // a string where the contract wants an array
                    .claim("iss", "https://legacy-login.example.test")
                    .claim("aud", "https://other.example.test")
                    .without("exp")
                    .signRsa();
            ObjectNode request = body(drifted, "latest");
            request.put("issuer", TestTokens.ISSUER).put("audience", TestTokens.AUDIENCE);

            JsonNode report = explain(registry, request).json();

            assertThat(report.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(report.path("exitCode").asInt()).isEqualTo(1);
            assertThat(report.path("contract").asString()).isEqualTo("identity.crm@1.0.0");
            assertThat(report.path("token").path("label").asString()).isEqualTo("UNVERIFIED");
            assertThat(report.path("token").path("claims").path("roles").asString())
                    .isEqualTo("admin");
            assertThat(codesAndPointers(report))
                    .contains(
                            tuple("EXP_MISSING", "/claims/exp"),
                            tuple("ISS_MISMATCH", "/claims/iss"),
                            tuple("AUD_MISMATCH", "/claims/aud"),
                            tuple("CLAIM_TYPE_MISMATCH", "/claims/roles"));
            JsonNode iss = findingOf(report, "ISS_MISMATCH");
            assertThat(iss.path("expected").asString()).isEqualTo(TestTokens.ISSUER);
            assertThat(iss.path("actual").asString()).contains("legacy-login");
            assertThat(iss.path("hint").isString()).isTrue();
        }
    }

    @Test
    void explainWhenAlgNoneThenRejectedAndNeverAccepted() {
        try (Registry registry = Explains.registry()) {
            JsonNode report = explain(
                            registry, body(conforming().header("alg", "none").unsigned(), "1.0.0"))
                    .json();

            assertThat(report.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(codesAndPointers(report)).contains(tuple("ALG_NONE", "/header/alg"));
        }
    }

    @Test
    void explainWhenHeaderPointsAtKeysElsewhereThenNothingIsFetchedAndTheTokenIsNotAccepted() {
        try (Registry registry = Explains.registry();
                dev.tokencontract.testing.CountingHttpServer attacker =
                        dev.tokencontract.testing.CountingHttpServer.start()) {
            // the attacker's own key, served at the jku and embedded as jwk: following either would verify it
            com.nimbusds.jose.jwk.RSAKey evil = new com.nimbusds.jose.jwk.RSAKey.Builder(TestKeys.OTHER_RSA)
                    .keyID("evil")
                    .build();
            attacker.respond(200, new com.nimbusds.jose.jwk.JWKSet(evil.toPublicJWK()).toString());
            String viaJku = conforming()
                    .header("kid", "evil")
                    .header("jku", attacker.uri("/jwks").toString())
                    .header("x5u", attacker.uri("/cert").toString())
                    .signRsa(evil);
            String viaJwk = conforming()
                    .header("kid", "evil")
                    .header("jwk", Registry.JSON.readTree(evil.toPublicJWK().toJSONString()))
                    .signRsa(evil);

            JsonNode jku = explain(registry, body(viaJku, "1.0.0")).json();
            JsonNode jwk = explain(registry, body(viaJwk, "1.0.0")).json();

            assertThat(attacker.requests()).isZero();
            assertThat(jku.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(jwk.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(codesAndPointers(jku)).contains(tuple("HEADER_JKU_REFUSED", "/header/jku"));
            assertThat(codesAndPointers(jwk)).contains(tuple("HEADER_JWK_REFUSED", "/header/jwk"));
        }
    }

    @Test
    void explainWhenPublicJwkSetPastedThenItsKeysVerifyAndTheReportSaysSo() throws Exception {
        try (Registry registry = Registry.start(b -> b)) { // trusts no keys of its own
            registry.publish(dev.tokencontract.registry.api.Contracts.of("identity.crm", "1.0.0"));
            String token = conforming().signRsa();
            ObjectNode pasted = body(token, "1.0.0");
            pasted.put("jwks", TestKeys.publicJwks()); // as a text area sends it
            ObjectNode asObject = body(token, "1.0.0");
            asObject.set("jwks", Registry.JSON.readTree(TestKeys.publicJwks()));

            JsonNode fromText = explain(registry, pasted).json();
            JsonNode fromObject = explain(registry, asObject).json();
            JsonNode keyless = explain(registry, body(token, "1.0.0")).json();

            assertThat(fromText.path("verdict").asString()).isEqualTo("ACCEPTED");
            assertThat(fromObject.path("verdict").asString()).isEqualTo("ACCEPTED");
            assertThat(fromText.path("checks").path("keys").asString()).isEqualTo("JWK set (3 keys)");
            assertThat(keyless.path("verdict").asString()).isEqualTo("UNCHECKED");
            assertThat(codesAndPointers(keyless)).contains(tuple("NO_KEY_CONFIGURED", "/signature"));
            assertThat(keyless.path("token").path("label").asString()).isEqualTo("UNVERIFIED");
        }
    }

    @Test
    void explainWhenPastedSetHoldsPrivateOrSecretKeyThenRefusedWithoutEchoingIt() {
        try (Registry registry = Explains.registry()) {
            String privateJwk = TestKeys.RSA.toJSONString(); // with d, p, q, dp, dq, qi
            String d = TestKeys.RSA.getPrivateExponent().toString();
            ObjectNode rsa = body(conforming().signRsa(), "1.0.0");
            rsa.put("jwks", "{\"keys\": [" + privateJwk + "]}");
            ObjectNode oct = body(conforming().signRsa(), "1.0.0");
            oct.set(
                    "jwks",
                    Registry.JSON.readTree(
                            "{\"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}]}"));

            Registry.Response refused = explain(registry, rsa);
            Registry.Response secret = explain(registry, oct);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("code").asString()).isEqualTo("private-key-refused");
            assertThat(refused.json().path("detail").asString()).contains("PUBLIC", "[d, p, q, dp, dq, qi]");
            assertThat(refused.body()).doesNotContain(d).doesNotContain("c2VjcmV0");
            assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
            assertThat(secret.status()).isEqualTo(400);
            assertThat(secret.json().path("code").asString()).isEqualTo("private-key-refused");
            assertThat(secret.body()).doesNotContain("c2VjcmV0");
        }
    }

    @Test
    void explainWhenContractOrVersionUnknownThen404() {
        try (Registry registry = Explains.registry()) {
            ObjectNode unknownContract = body(conforming().signRsa(), "1.0.0");
            ((ObjectNode) unknownContract.path("contract")).put("name", "identity.nope");

            Registry.Response noContract = explain(registry, unknownContract);
            Registry.Response noVersion = explain(registry, body(conforming().signRsa(), "9.9.9"));
            Registry.Response noRange = explain(registry, body(conforming().signRsa(), "^2"));

            assertThat(noContract.status()).isEqualTo(404);
            assertThat(noContract.json().path("code").asString()).isEqualTo("contract-not-found");
            assertThat(noVersion.status()).isEqualTo(404);
            assertThat(noVersion.json().path("code").asString()).isEqualTo("version-not-found");
            assertThat(noRange.json().path("code").asString()).isEqualTo("version-not-found");
        }
    }

    @Test
    void explainWhenBodyMalformedThen400WithoutQuotingTheToken() {
        try (Registry registry = Explains.registry()) {
            String token = conforming().signRsa();
            String payload = token.split("\\.")[1];

            Registry.Response notJson = registry.post(Explains.PATH, "{\"token\": " + token + "}", null);
            Registry.Response duplicate = registry.post(
                    Explains.PATH, "{\"token\": \"a\", \"token\": \"" + token + "\", \"contract\": {}}", null);
            ObjectNode typo = body(token, "1.0.0");
            typo.put("audiences", "x");
            Registry.Response unknownMember = explain(registry, typo);
            Registry.Response noToken = registry.post(
                    Explains.PATH, "{\"contract\": {\"name\": \"identity.crm\", \"version\": \"1.0.0\"}}", null);
            Registry.Response badName = registry.post(
                    Explains.PATH,
                    "{\"token\": \"x\", \"contract\": {\"name\": \"../etc\", \"version\": \"1.0.0\"}}",
                    null);
            Registry.Response array = registry.post(Explains.PATH, "[]", null);

            assertThat(List.of(notJson, duplicate, unknownMember, noToken, badName, array))
                    .extracting(Registry.Response::status)
                    .containsOnly(400);
            assertThat(notJson.json().path("code").asString()).isEqualTo("invalid-json");
            assertThat(duplicate.json().path("code").asString()).isEqualTo("invalid-json");
            assertThat(unknownMember.json().path("detail").asString()).contains("'audiences'");
            assertThat(noToken.json().path("detail").asString()).contains("'token'");
            assertThat(badName.json().path("code").asString()).isEqualTo("invalid-name");
            assertThat(List.of(notJson, duplicate, unknownMember, noToken))
                    .allSatisfy(r -> assertThat(r.body()).doesNotContain(payload));
        }
    }

    @Test
    void explainWhenBodyOver64KibThen413BeforeJudging() {
        try (Registry registry = Explains.registry()) {
            ObjectNode huge = body("x".repeat(70 * 1024), "1.0.0");

            Registry.Response response = explain(registry, huge);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().path("code").asString()).isEqualTo("body-too-large");
            assertThat(response.json().path("maxBytes").asInt()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void explainWhenOneClientExceedsItsRateThen429WithRetryAfterAndReadsStillServed() {
        try (Registry registry = Explains.registry(b -> b.explainLimits(new ExplainLimits(2, 2, 4)))) {
            ObjectNode request = body(conforming().signRsa(), "1.0.0");

            int first = explain(registry, request).status();
            int second = explain(registry, request).status();
            Registry.Response third = explain(registry, request);
            int read = registry.get("/contracts/identity.crm/versions/1.0.0").status();

            assertThat(List.of(first, second)).containsOnly(200);
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().path("code").asString()).isEqualTo("rate-limited");
            assertThat(third.json().path("detail").asString()).contains("2 explanations a minute");
            assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(read).isEqualTo(200);
        }
    }

    @Test
    void explainWhenReadsNeedATokenThenAnonymousExplainIs401() {
        try (Registry registry = Explains.registry(b -> b.requireReadToken(true))) {
            Registry.Response anonymous = explain(registry, body(conforming().signRsa(), "1.0.0"));
            Registry.Response reader = registry.post(
                    Explains.PATH, body(conforming().signRsa(), "1.0.0").toString(), Tokens.reader());

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(reader.status()).isEqualTo(200);
        }
    }

    @Test
    void explainWhenContractIsIdpMetadataThen400() throws Exception {
        try (Registry registry = Explains.registry()) {
            String discovery;
            try (java.io.InputStream in = getClass()
                    .getClassLoader()
                    .getResourceAsStream("tokencontract/contracts/oidc-discovery/1.0.0.json")) {
                discovery = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(registry.post("/contracts/oidc-discovery/versions", discovery, Tokens.admin())
                            .status())
                    .isEqualTo(201);
            ObjectNode request = body(conforming().signRsa(), "1.0.0");
            ((ObjectNode) request.path("contract")).put("name", "oidc-discovery");

            Registry.Response response = explain(registry, request);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("code").asString()).isEqualTo("invalid-body");
        }
    }

    @Test
    void explainWhenAtGivenThenJudgedAsOfThatMomentAndABadAtIs400() {
        try (Registry registry = Explains.registry()) {
            String token = conforming().signRsa() + "\n"; // as read from a file
            ObjectNode later = body(token, "1.0.0");
            later.put("at", "2027-01-01T00:00:00Z");
            ObjectNode offset = body(token, "1.0.0");
            offset.put("at", "2026-11-26T01:30:00+01:00");
            ObjectNode bad = body(token, "1.0.0");
            bad.put("at", "yesterday");

            JsonNode expired = explain(registry, later).json();
            JsonNode inTime = explain(registry, offset).json();
            Registry.Response refused = explain(registry, bad);

            assertThat(expired.path("verdict").asString()).isEqualTo("REJECTED");
            assertThat(expired.path("evaluatedAt").asString()).isEqualTo("2027-01-01T00:00:00Z");
            assertThat(codesAndPointers(expired)).contains(tuple("TOKEN_EXPIRED", "/claims/exp"));
            assertThat(inTime.path("verdict").asString()).isEqualTo("ACCEPTED");
            assertThat(inTime.path("evaluatedAt").asString()).isEqualTo("2026-11-26T00:30:00Z");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("detail").asString()).contains("'at' is an ISO-8601 instant");
        }
    }

    private static JsonNode findingOf(JsonNode report, String code) {
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("code").asString().equals(code)) {
                return finding;
            }
        }
        throw new AssertionError("no " + code + " in " + report.path("findings"));
    }
}
