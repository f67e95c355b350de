package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.registry.RegistryLimits;
import dev.tokencontract.registry.testing.HostileRegistry;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.registry.testing.RegistryTestContracts;
import dev.tokencontract.testing.TestContracts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * publish against the real registry, which checks the token's signature, scope and namespace: the token goes
 * only into the Authorization header of the POST, and every refusal comes back as the registry's problem.
 */
class RegistryClientPublishTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET_TOKEN = LiveRegistry.publisherToken();
    private static final String SIGNATURE = SECRET_TOKEN.substring(SECRET_TOKEN.lastIndexOf('.') + 1);
    private final LiveRegistry registry = LiveRegistry.start();

    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryClient client() throws RegistryException {
        return client(registry.url());
    }

    private RegistryClient client(String url) throws RegistryException {
        return RegistryClient.create(url, RegistrySettings.defaults().withCacheDir(cacheDir));
    }

    @Test
    void publishWhenNewVersionThenCreatedWithLocationThenSameAgainUnchanged() throws Exception {
        String json = TestContracts.minimalText("1.0.0");

        PublishResult created = client().publish(json, SECRET_TOKEN, false);
        PublishResult again = client().publish(json, SECRET_TOKEN, false);

        String served = registry.served("minimal-token", "1.0.0");
        assertThat(created)
                .isEqualTo(new PublishResult(
                        PublishResult.Outcome.CREATED,
                        "minimal-token@1.0.0",
                        201,
                        "/contracts/minimal-token/versions/1.0.0",
                        HostileRegistry.digestOf(served.getBytes(StandardCharsets.UTF_8))));
        assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
        // a 201 and a 200 from the real registry: it found the signed token in the Authorization header
        assertThat(registry.requests())
                .containsExactly(
                        new LiveRegistry.Seen("POST", "/contracts/minimal-token/versions", 201),
                        new LiveRegistry.Seen("POST", "/contracts/minimal-token/versions", 200));
        assertThat(JSON.readTree(client().fetch("minimal-token@1.0.0").json())).isEqualTo(JSON.readTree(json));
    }

    @Test
    void publishWhenNoEtagButDigestInTheJsonAnswerThenDigestTakenFromIt() throws Exception {
        String sent = TestContracts.minimalText("1.0.0");

        PublishResult result = client().publish(sent, SECRET_TOKEN, false);

        // the registry stores and digests its canonical form, not the pretty-printed text sent
        String canonical = registry.served("minimal-token", "1.0.0");
        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
        assertThat(result.digest())
                .isEqualTo(HostileRegistry.digestOf(canonical.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(HostileRegistry.digestOf(sent.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void publishWhenWideningAcknowledgedThenQuerySaysAndTheRegistryAccepts() throws Exception {
        registry.publish(RegistryTestContracts.withRoles("1.0.0", "reader", "writer"));
        registry.mode("minimal-token", "BACKWARD"); // producers may widen; only the authorization widening is refused
        String widened = RegistryTestContracts.withRoles("1.1.0", "reader", "writer", "admin");

        assertThatThrownBy(() -> client().publish(widened, SECRET_TOKEN, false))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.problem().orElseThrow().code()).isEqualTo("incompatible"));
        PublishResult acknowledged = client().publish(widened, SECRET_TOKEN, true);

        assertThat(acknowledged.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
    }

    @Test
    void publishWhenUntrustedTokenThen401TokenInvalidAndTokenNeverInMessage() {
        String untrusted = LiveRegistry.untrustedToken();

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), untrusted, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(401);
                        assertThat(p.code()).isEqualTo("token-invalid");
                        assertThat(p.title()).isEqualTo("Bearer token rejected");
                    });
                    assertThat(e.getMessage())
                            .contains("(HTTP 401)")
                            .doesNotContain(untrusted)
                            .doesNotContain(untrusted.substring(untrusted.lastIndexOf('.') + 1));
                });
    }

    @Test
    void publishWhenValidTokenWithoutWriteScopeThen403ScopeMissingNot401() {
        assertThatThrownBy(
                        () -> client().publish(TestContracts.minimalText("1.0.0"), LiveRegistry.readerToken(), false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("(HTTP 403)");
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(403);
                        assertThat(p.code()).isEqualTo("scope-missing");
                        assertThat(p.title()).isEqualTo("Token lacks the required scope");
                    });
                });
    }

    @Test
    void publishWhenTokenForAnotherNamespaceThen403NamespaceDenied() {
        String identityOnly = LiveRegistry.token("contracts:write", "identity").signRsa();

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), identityOnly, false))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.problem().orElseThrow().code()).isEqualTo("namespace-denied"));
    }

    @Test
    void publishWhenIncompatibleThenProblemWithEveryChange() {
        registry.publish(TestContracts.minimalText("1.0.0"));
        String breaking = RegistryTestContracts.requiringTenant("2.0.0");

        assertThatThrownBy(() -> client().publish(breaking, SECRET_TOKEN, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                    RegistryProblem problem = e.problem().orElseThrow();
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.code()).isEqualTo("incompatible");
                    assertThat(problem.title()).isEqualTo("Incompatible with earlier versions");
                    assertThat(problem.changes()).isNotEmpty().anySatisfy(change -> {
                        assertThat(change.path("pointer").asString()).startsWith("/required");
                        assertThat(change.path("classes").toString()).contains("BREAKING");
                    });
                });
    }

    @Test
    void publishWhenRegistryHoldsTooManyBodyBytesThen429RateLimited() {
        try (LiveRegistry busy =
                LiveRegistry.start(b -> b.limits(RegistryLimits.defaults().withMaxPendingBodyBytes(64)))) {
            assertThatThrownBy(
                            () -> client(busy.url()).publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                        assertThat(e.problem()).hasValueSatisfying(p -> {
                            assertThat(p.status()).isEqualTo(429);
                            assertThat(p.code()).isEqualTo("rate-limited");
                        });
                    });
        }
    }

    @Test
    void publishWhenTheRegistrysLintRefusesThen422LintFailedWithEveryFinding() throws Exception {
        // the real registry's 422 for a pattern no engine can bound, replayed by a registry stricter than this client
        ObjectNode unbounded = (ObjectNode) JSON.readTree(TestContracts.minimalText("1.0.0"));
        ((ObjectNode) unbounded.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", "^(a+)+$");
        LiveRegistry.Answer real = registry.post("minimal-token", unbounded.toString(), LiveRegistry.adminToken());
        assertThat(real.status()).as(real.body()).isEqualTo(422);

        try (HostileRegistry stricter = HostileRegistry.replayingPublish(real)) {
            assertThatThrownBy(() ->
                            client(stricter.url()).publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                        RegistryProblem problem = e.problem().orElseThrow();
                        assertThat(problem.status()).isEqualTo(422);
                        assertThat(problem.code()).isEqualTo("lint-failed");
                        assertThat(problem.findings()).isNotEmpty().anySatisfy(finding -> {
                            assertThat(finding.path("code").asString()).startsWith("LINT_PATTERN_");
                            assertThat(finding.path("pointer").asString()).isEqualTo("/properties/tenant_id/pattern");
                        });
                    });
        }
    }

    @Test
    void publishWhenErrorBodyIsNotJsonThenProblemWithStatusOnly() {
        try (HostileRegistry hostile = HostileRegistry.answeringPublish(HostileRegistry.PublishFault.HTML_FORBIDDEN)) {
            assertThatThrownBy(() ->
                            client(hostile.url()).publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        RegistryProblem problem = e.problem().orElseThrow();
                        assertThat(problem.status()).isEqualTo(403);
                        assertThat(problem.title()).isNull();
                        assertThat(problem.changes()).isEmpty();
                    });
        }
    }

    @Test
    void publishWhenRedirectedThenNotFollowedSoTheTokenGoesNowhereElse() {
        try (HostileRegistry hostile = HostileRegistry.answeringPublish(HostileRegistry.PublishFault.REDIRECT)) {
            assertThatThrownBy(() ->
                            client(hostile.url()).publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                    .hasMessageContaining("not followed");
            assertThat(hostile.requests()).isEqualTo(1);
        }
    }

    @Test
    void publishWhenDocumentFailsLintThenNothingSent() {
        assertThatThrownBy(() -> client().publish("{\"type\":\"object\"}", SECRET_TOKEN, false))
                .isInstanceOf(ContractException.class);
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void publishWhenTokenHasLineBreakOrIsEmptyThenRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), "abc\r\nX-Evil: 1", false))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("abc")
                .doesNotContain("Evil");
        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), "", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void publishWhenRegistryDownThenUnreachable() {
        registry.stop();

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(RegistryException.Kind.UNREACHABLE))
                .message()
                .doesNotContain(SECRET_TOKEN)
                .doesNotContain(SIGNATURE);
    }
}
