package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.testing.TestTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every way a write can be unauthorised: the status, the whole problem body, one audit entry naming the
 * attempt, and nothing stored. Tokens are real RS256 signatures by the test keys (or deliberately not).
 */
class AuthMatrixTest {
    private static final String CONTRACT = Contracts.of("identity.crm", "1.0.0");
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static JsonNode json(String text) {
        return Registry.JSON.readTree(text);
    }

    private static String invalid(String detail, String findings) {
        return """
                {"type": "https://tokencontract.dev/problems/token-invalid", "title": "Bearer token rejected", "status": 401,
                 "detail": "the token was rejected: %s", "code": "token-invalid", "findings": %s}""".formatted(detail, findings);
    }

    static Stream<Arguments> unauthorised() {
        String writer = "contracts:write";
        return Stream.of(
                Arguments.of("no token", null, 401, "anonymous", """
                        {"type": "https://tokencontract.dev/problems/token-missing", "title": "Bearer token required", "status": 401,
                         "detail": "send 'Authorization: Bearer <token>'", "code": "token-missing"}"""),
                Arguments.of(
                        "expired",
                        Tokens.publisher(writer, "identity")
                                .claim("exp", 1795651500L)
                                .signRsa(),
                        401,
                        "invalid-token",
                        invalid(
                                "TOKEN_EXPIRED",
                                "[{\"code\": \"TOKEN_EXPIRED\", \"pointer\": \"/claims/exp\", \"message\": \"The token expired 25 min before the evaluation time.\"}]")),
                Arguments.of(
                        "wrong audience",
                        Tokens.publisher(writer, "identity")
                                .claim("aud", "https://other.example.test")
                                .signRsa(),
                        401,
                        "invalid-token",
                        invalid(
                                "AUD_MISMATCH",
                                "[{\"code\": \"AUD_MISMATCH\", \"pointer\": \"/claims/aud\", \"message\": \"The token is for https://other.example.test, not this resource.\"}]")),
                Arguments.of(
                        "wrong issuer",
                        Tokens.publisher(writer, "identity")
                                .claim("iss", "https://evil.example.test")
                                .signRsa(),
                        401,
                        "invalid-token",
                        invalid(
                                "ISS_MISMATCH",
                                "[{\"code\": \"ISS_MISMATCH\", \"pointer\": \"/claims/iss\", \"message\": \"The token was issued by https://evil.example.test, not https://login.example.test.\"}]")),
                Arguments.of(
                        "alg none",
                        Tokens.publisher(writer, "identity")
                                .header("alg", "none")
                                .unsigned(),
                        401,
                        "invalid-token",
                        invalid(
                                "ALG_NONE",
                                "[{\"code\": \"ALG_NONE\", \"pointer\": \"/header/alg\", \"message\": \"The token is unsecured ('alg': 'none').\"}]")),
                Arguments.of(
                        "forged signature",
                        Tokens.forgedSignature(),
                        401,
                        "invalid-token",
                        invalid(
                                "SIGNATURE_INVALID",
                                "[{\"code\": \"SIGNATURE_INVALID\", \"pointer\": \"/signature\", \"message\": \"The signature does not verify with key 'rsa-1', RSA 2048-bit (alg RS256).\"}]")),
                Arguments.of(
                        "missing scope",
                        Tokens.publisher("contracts:read", "identity").signRsa(),
                        403,
                        "ci@identity.example",
                        """
                        {"type": "https://tokencontract.dev/problems/scope-missing", "title": "Token lacks the required scope", "status": 403,
                         "detail": "this needs scope contracts:write", "code": "scope-missing", "requiredScope": "contracts:write"}"""),
                Arguments.of(
                        "another namespace",
                        Tokens.publisher(writer, "billing").signRsa(),
                        403,
                        "ci@identity.example",
                        """
                        {"type": "https://tokencontract.dev/problems/namespace-denied", "title": "Contract name outside the token's namespaces",
                         "status": 403, "detail": "the token's namespaces do not cover 'identity.crm'", "code": "namespace-denied",
                         "namespaces": ["billing"]}"""),
                Arguments.of(
                        "prefix is not a namespace",
                        Tokens.publisher(writer, "identity.c").signRsa(),
                        403,
                        "ci@identity.example",
                        """
                        {"type": "https://tokencontract.dev/problems/namespace-denied", "title": "Contract name outside the token's namespaces",
                         "status": 403, "detail": "the token's namespaces do not cover 'identity.crm'", "code": "namespace-denied",
                         "namespaces": ["identity.c"]}"""),
                Arguments.of(
                        "star without admin", Tokens.publisher(writer, "*").signRsa(), 403, "ci@identity.example", """
                        {"type": "https://tokencontract.dev/problems/namespace-denied", "title": "Contract name outside the token's namespaces",
                         "status": 403, "detail": "the token's namespaces do not cover 'identity.crm'", "code": "namespace-denied",
                         "namespaces": ["*"]}"""),
                Arguments.of("basic scheme", "BASIC", 401, "invalid-token", """
                        {"type": "https://tokencontract.dev/problems/token-missing", "title": "Bearer token required", "status": 401,
                         "detail": "only the Bearer scheme is accepted", "code": "token-missing"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unauthorised")
    void publishWhenUnauthorisedThenProblemAuditEntryAndNothingStored(
            String label, String token, int status, String subject, String expected) {
        int auditBefore = registry.store.audit(1000).size();
        Registry.Response response = token != null && token.equals("BASIC")
                ? registry.postRaw("/contracts/identity.crm/versions", CONTRACT, "Basic dXNlcjpwYXNz")
                : registry.post("/contracts/identity.crm/versions", CONTRACT, token);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json()).isEqualTo(json(expected));
        List<AuditEntry> audit = registry.store.audit(1000);
        assertThat(audit).hasSize(auditBefore + 1);
        AuditEntry entry = audit.get(0);
        assertThat(entry.action()).isEqualTo("publish");
        assertThat(entry.subject()).isEqualTo(subject);
        assertThat(entry.result())
                .isEqualTo(status + " " + response.json().path("code").asString());
        assertThat(entry.at()).isEqualTo(TestTokens.JUDGED_AT);
        assertThat(registry.store.versions("identity.crm")).isEmpty();
        if (token != null) {
            String[] parts = token.split("\\.");
            assertThat(registry.log)
                    .isNotEmpty()
                    .noneMatch(line -> line.contains(parts[0]) || line.contains(parts[parts.length - 1]));
        }
    }

    @Test
    void publishWhenNamespaceCoversNameOrAdminStarThenCreated() {
        assertThat(registry.post(
                                "/contracts/identity/versions",
                                Contracts.of("identity", "1.0.0"),
                                Tokens.identityWriter())
                        .status())
                .isEqualTo(201);
        assertThat(registry.post(
                                "/contracts/identity.crm.v2/versions",
                                Contracts.of("identity.crm.v2", "1.0.0"),
                                Tokens.identityWriter())
                        .status())
                .isEqualTo(201);
        assertThat(registry.post("/contracts/billing/versions", Contracts.of("billing", "1.0.0"), Tokens.admin())
                        .status())
                .isEqualTo(201);
        assertThat(registry.post(
                                "/contracts/identity-crm/versions",
                                Contracts.of("identity-crm", "1.0.0"),
                                Tokens.identityWriter())
                        .status())
                .isEqualTo(403);
        assertThat(registry.store.names()).containsExactly("billing", "identity", "identity.crm.v2");
    }
}
