package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 13, item 5: a pattern no engine can bound is refused at publish (422 with the lint finding), never
 * stored; and a seeded batch of generated hostile patterns never makes the real registry answer 5xx or hang.
 */
class HostilePatternPublishTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x13_F022L);
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String withPattern(String name, String pattern) {
        ObjectNode contract = Contracts.node(name, "1.0.0");
        ((ObjectNode) contract.path("properties"))
                .putObject("tenant_id")
                .put("type", "string")
                .put("pattern", pattern);
        return contract.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"^(a{1,10}){1,10}$", "^[\\s\\S]*[\\s\\S]*[\\s\\S]*[\\s\\S]*x$", "^(a+)+$", "^(?!admin)[a-z]+$"})
    void publishWhenPatternCannotBeBoundedThen422AndNothingStored(String pattern) {
        String name = "hostile.p" + Integer.toHexString(pattern.hashCode() & 0xffff);

        Registry.Response response = registry.publish(withPattern(name, pattern));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.body())
                .containsAnyOf("LINT_PATTERN_BACKTRACKING", "LINT_PATTERN_UNSUPPORTED")
                .contains("/properties/tenant_id/pattern");
        assertThat(registry.store.versions(name)).isEmpty();
    }

    @Test
    void publishWhenGeneratedHostilePatternsThenOnly201Or422AndLintAgrees() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String pattern = dev.tokencontract.testing.HostilePatterns.next(random);
            String name = "fuzz.p" + i;
            Registry.Response response = registry.publish(withPattern(name, pattern));
            boolean lintPasses = dev.tokencontract.contract.Contracts.lint(withPattern(name, pattern))
                    .passed();
            if (response.status() != (lintPasses ? 201 : 422)) {
                failures.add(
                        pattern + " -> " + response.status() + " (lint " + (lintPasses ? "passes" : "refuses") + ")");
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }
}
