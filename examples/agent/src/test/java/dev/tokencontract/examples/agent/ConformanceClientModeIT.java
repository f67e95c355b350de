package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.crm.testing.NodeClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP conformance suite in client mode with the example agent under test (its real jar, through
 * examples/clients/conformance-agent.sh): the suite starts its own MCP server and authorization server for each
 * {@code auth/*} scenario and judges what the agent does. {@code auth/resource-mismatch} is the hostile one: the
 * metadata names another resource and the agent must not start an authorization. Scenarios about features the
 * agent does not have are listed with the reason; a test keeps the lists equal to the suite's own.
 */
class ConformanceClientModeIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> APPLICABLE = List.of(
            "auth/metadata-default",
            "auth/metadata-var1",
            "auth/metadata-var2",
            "auth/metadata-var3",
            "auth/basic-cimd",
            "auth/scope-from-www-authenticate",
            "auth/scope-from-scopes-supported",
            "auth/scope-omitted-when-undefined",
            "auth/scope-step-up",
            "auth/scope-retry-limit",
            "auth/token-endpoint-auth-basic",
            "auth/token-endpoint-auth-post",
            "auth/token-endpoint-auth-none",
            "auth/pre-registration",
            "auth/2025-03-26-oauth-metadata-backcompat",
            "auth/2025-03-26-oauth-endpoint-fallback",
            "auth/resource-mismatch",
            "auth/offline-access-scope",
            "auth/offline-access-not-supported");
    /** Checks that may end as WARNING, with why. */
    static final Map<String, String> ACCEPTED_WARNINGS = Map.of(
            "cimd-client-id-used",
            "the agent has no HTTPS URL to publish a client ID metadata document at, so it registers (RFC 7591) instead,"
                    + " which the spec allows when CIMD is not possible");

    static final Map<String, String> NOT_APPLICABLE = notApplicable();

    @BeforeAll
    static void nodeAndJar() {
        NodeClients.node();
        assertThat(Path.of(System.getProperty("agent.jar"))).exists();
    }

    /** The checks of one scenario (the suite's --verbose JSON) and the suite's own summary. */
    static List<JsonNode> checks(String scenario) throws Exception {
        NodeClients.Outcome outcome = NodeClients.script(
                Map.of(
                        "AGENT_JAR",
                        System.getProperty("agent.jar"),
                        "JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                120,
                "node_modules/.bin/conformance",
                "client",
                "--command",
                "./conformance-agent.sh",
                "--scenario",
                scenario,
                "--verbose");
        int start = outcome.out().startsWith("[") ? 0 : outcome.out().indexOf("\n[") + 1;
        int end = outcome.out().indexOf("\n]", start);
        assertThat(start)
                .as("no JSON checks in:\n" + outcome.out() + outcome.err())
                .isGreaterThanOrEqualTo(0);
        List<JsonNode> checks = new ArrayList<>();
        JSON.readTree(outcome.out().substring(start, end + 2)).values().forEach(checks::add);
        for (JsonNode check : checks) {
            System.out.println("conformance client " + scenario + ": "
                    + check.path("status").asString() + " " + check.path("id").asString());
        }
        return checks;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "auth/metadata-default",
                "auth/metadata-var1",
                "auth/metadata-var2",
                "auth/metadata-var3",
                "auth/basic-cimd",
                "auth/scope-from-www-authenticate",
                "auth/scope-from-scopes-supported",
                "auth/scope-omitted-when-undefined",
                "auth/scope-step-up",
                "auth/scope-retry-limit",
                "auth/token-endpoint-auth-basic",
                "auth/token-endpoint-auth-post",
                "auth/token-endpoint-auth-none",
                "auth/pre-registration",
                "auth/2025-03-26-oauth-metadata-backcompat",
                "auth/2025-03-26-oauth-endpoint-fallback",
                "auth/resource-mismatch",
                "auth/offline-access-scope",
                "auth/offline-access-not-supported"
            })
    void conformanceWhenAuthScenarioThenNoCheckFails(String scenario) throws Exception {
        List<JsonNode> checks = checks(scenario);
        assertThat(checks).isNotEmpty();
        assertThat(checks)
                .allSatisfy(c -> assertThat(c.path("status").asString())
                        .as(c.toString())
                        .isIn(
                                ACCEPTED_WARNINGS.containsKey(c.path("id").asString())
                                        ? List.of("SUCCESS", "INFO", "WARNING")
                                        : List.of("SUCCESS", "INFO")));
        if (scenario.equals("auth/resource-mismatch")) {
            assertThat(checks).anySatisfy(c -> {
                assertThat(c.path("id").asString()).isEqualTo("resource-mismatch-rejected");
                assertThat(c.path("details").path("authorizationRequestMade").asBoolean())
                        .isFalse();
            });
            assertThat(checks).noneMatch(c -> c.path("id").asString().equals("client-registration"));
        }
        if (scenario.equals("auth/scope-step-up")) {
            assertThat(checks)
                    .anySatisfy(c -> assertThat(c.path("id").asString()).isEqualTo("scope-step-up-escalation"));
        }
    }

    @Test
    void conformanceWhenListedThenEveryAuthScenarioIsRunOrExplained() throws Exception {
        NodeClients.Outcome list =
                NodeClients.script(Map.of(), 60, "node_modules/.bin/conformance", "list", "--client");
        TreeSet<String> listed = new TreeSet<>();
        for (String line : list.out().split("\n")) {
            String name =
                    line.strip().startsWith("- ") ? line.strip().substring(2).split(" ")[0] : "";
            if (name.startsWith("auth/")) {
                listed.add(name);
            }
        }
        TreeSet<String> ours = new TreeSet<>(APPLICABLE);
        ours.addAll(NOT_APPLICABLE.keySet());
        assertThat(ours).isEqualTo(listed);
        assertThat(Files.isExecutable(NodeClients.DIR.resolve("conformance-agent.sh")))
                .isTrue();
    }

    private static Map<String, String> notApplicable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "auth/client-credentials-jwt",
                "extension (SEP-1046): the agent acts for a signed-in user, never as itself with client credentials");
        m.put(
                "auth/client-credentials-basic",
                "extension (SEP-1046): the agent acts for a signed-in user, never as itself with client credentials");
        m.put(
                "auth/cross-app-access-complete-flow",
                "extension (SEP-990, enterprise-managed authorization): the agent has no identity provider token to exchange");
        return m;
    }
}
