package dev.tokencontract.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.testing.FakeRegistry;
import dev.tokencontract.testing.TestContracts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish against a real HTTP server: the token goes only into the Authorization header of the POST. */
class RegistryClientPublishTest {
    private static final String SECRET_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwdWJsaXNoZXIifQ.c2VjcmV0LXNpZ25hdHVyZQ";
    private final FakeRegistry registry = FakeRegistry.start().token(SECRET_TOKEN);

    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        registry.close();
    }

    private RegistryClient client() throws RegistryException {
        return RegistryClient.create(registry.url(), RegistrySettings.defaults().withCacheDir(cacheDir));
    }

    @Test
    void publishWhenNewVersionThenCreatedWithLocationThenSameAgainUnchanged() throws Exception {
        String json = TestContracts.minimalText("1.0.0");

        PublishResult created = client().publish(json, SECRET_TOKEN, false);
        PublishResult again = client().publish(json, SECRET_TOKEN, false);

        assertThat(created)
                .isEqualTo(new PublishResult(
                        PublishResult.Outcome.CREATED,
                        "minimal-token@1.0.0",
                        201,
                        "/contracts/minimal-token/versions/1.0.0",
                        FakeRegistry.digestOf(json)));
        assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
        assertThat(registry.requests()).allSatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.path()).isEqualTo("/contracts/minimal-token/versions");
            assertThat(seen.query()).isNull();
            assertThat(seen.authorization()).isEqualTo("Bearer " + SECRET_TOKEN);
        });
        assertThat(client().fetch("minimal-token@1.0.0").json()).isEqualTo(json);
    }

    @Test
    void publishWhenNoEtagButDigestInTheJsonAnswerThenDigestTakenFromIt() throws Exception {
        String digest = FakeRegistry.digestOf("canonical form");
        registry.answerPublish(
                201,
                "application/json",
                "{\"name\":\"minimal-token\",\"version\":\"1.0.0\",\"digest\":\"" + digest + "\"}");

        PublishResult result = client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false);

        assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
        assertThat(result.digest()).isEqualTo(digest);
    }

    @Test
    void publishWhenWideningAcknowledgedThenQuerySays() throws Exception {
        client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, true);

        assertThat(registry.requests().get(0).query()).isEqualTo("acknowledge=authorization-widening");
    }

    @Test
    void publishWhenWrongTokenThenRefusedWithProblemAndTokenNeverInMessage() {
        String wrong = SECRET_TOKEN + "x";

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), wrong, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(401);
                        assertThat(p.code()).isEqualTo("UNAUTHENTICATED");
                    });
                    assertThat(e.getMessage()).doesNotContain(SECRET_TOKEN).doesNotContain("c2VjcmV0");
                });
    }

    @Test
    void publishWhenIncompatibleThenProblemWithEveryChange() {
        registry.answerPublish(409, "application/problem+json", """
                {"type":"https://tokencontract.dev/problems/incompatible","title":"Incompatible change","status":409,
                 "code":"INCOMPATIBLE","detail":"2 changes refused under BACKWARD",
                 "changes":[{"kind":"ENUM_VALUE_REMOVED","classes":["BREAKING_FOR_CONSUMERS"],"pointer":"/properties/roles/items/enum",
                             "explanation":"'admin' removed","before":["admin","user"],"after":["user"],"refused":true},
                            {"kind":"DESCRIPTION","classes":["COSMETIC"],"pointer":"/description","explanation":"reworded",
                             "before":"a","after":"b","refused":false}]}
                """);

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistryException.Kind.REFUSED);
                    RegistryProblem problem = e.problem().orElseThrow();
                    assertThat(problem.title()).isEqualTo("Incompatible change");
                    assertThat(problem.changes()).hasSize(2);
                    assertThat(problem.changes().get(0).path("pointer").asString())
                            .isEqualTo("/properties/roles/items/enum");
                });
    }

    @Test
    void publishWhenErrorBodyIsNotJsonThenProblemWithStatusOnly() {
        registry.answerPublish(403, "text/html", "<h1>Forbidden</h1>");

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    RegistryProblem problem = e.problem().orElseThrow();
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.title()).isNull();
                    assertThat(problem.changes()).isEmpty();
                });
    }

    @Test
    void publishWhenRedirectedThenNotFollowedSoTheTokenGoesNowhereElse() {
        registry.answerPublish(307, "text/plain", "");

        assertThatThrownBy(() -> client().publish(TestContracts.minimalText("1.0.0"), SECRET_TOKEN, false))
                .hasMessageContaining("not followed");
        assertThat(registry.requests()).hasSize(1);
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
                .doesNotContain(SECRET_TOKEN);
    }
}
