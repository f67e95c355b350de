package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * One version grammar for publish, store and read: what the read API could not serve (or would sort
 * wrongly) is refused at publish with 422, and numbers a double cannot hold are not stored as something else.
 */
class PublishGrammarTest {
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9223372036854775807.0.0",
                "99999999999999999999.0.0",
                "1000000000.0.0",
                "1.0.0-rc.01",
                "01.0.0",
                "1.0.0+build.7",
                "1.0.0-rc.1234567890",
                "1.0.0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void publishWhenVersionOutsideTheGrammarThen422LintFailedAndNothingStored(String version) {
        Registry.Response response = registry.publish(Contracts.of("identity.grammar", version));

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.path("code").asString()).isEqualTo("lint-failed");
        assertThat(body.path("findings").values())
                .anySatisfy(f -> assertThat(f.path("pointer").asString()).isEqualTo("/x-contract/version"));
        assertThat(registry.store.versions("identity.grammar")).isEmpty();
    }

    @Test
    void publishWhenLongestValidPreReleaseThenServedExactlyByTheReadApi() {
        String version = "1.0.0-" + "a".repeat(58); // 64 characters: the read API's limit too

        assertThat(registry.publish(Contracts.of("identity.grammar", version)).status())
                .isEqualTo(201);
        assertThat(registry.get("/contracts/identity.grammar/versions/" + version)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void publishWhenANumberUnderflowsADoubleThen422NotStoredAsZero() {
        String contract = Contracts.of("identity.numbers", "1.0.0").replace("\"minimum\":0", "\"minimum\":1e-400");
        assertThat(contract).contains("1e-400");

        Registry.Response response = registry.publish(contract);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("findings").values()).anySatisfy(f -> {
            assertThat(f.path("code").asString()).isEqualTo("LINT_NUMBER_RANGE");
            assertThat(f.path("pointer").asString()).isEqualTo("/properties/exp/minimum");
        });
        assertThat(registry.store.names()).doesNotContain("identity.numbers");
    }
}
