package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.examples.crm.testing.NodeClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned in examples/clients) in
 * server mode against the real CRM. The suite's client speaks MCP without OAuth, so it reaches the CRM through
 * {@link BearerInjectingProxy}, which adds a token of the real login for alice and changes nothing else: the CRM's
 * own rules decide (a foreign Origin is refused with the valid token). Scenarios for features the CRM does not
 * have are listed with the reason; a test keeps that list and the suite's own list equal, so a new scenario in a
 * version bump cannot be dropped silently.
 */
class ConformanceServerModeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> APPLICABLE = List.of(
            "server-initialize",
            "ping",
            "tools-list",
            "dns-rebinding-protection",
            "logging-set-level",
            "server-sse-multiple-streams");
    /** Scenario -> why it does not apply to the CRM. */
    static final Map<String, String> NOT_APPLICABLE = notApplicable();

    private static Trio trio;
    private static BearerInjectingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.node();
        trio = Trio.start();
        String token = trio.login().mintFor("alice", "acme", List.of("support"), List.of("crm.read", "crm.write"));
        proxy = new BearerInjectingProxy(trio.crm().port(), token);
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (trio != null) {
            trio.close();
        }
    }

    /** The checks of one scenario, as the suite reports them with {@code --verbose}. */
    static List<JsonNode> checks(String scenario) throws Exception {
        NodeClients.Outcome outcome = NodeClients.script(
                Map.of(),
                120,
                "node_modules/.bin/conformance",
                "server",
                "--url",
                "http://localhost:" + proxy.port() + "/mcp",
                "--scenario",
                scenario,
                "--verbose");
        int start = outcome.out().indexOf("\n[");
        assertThat(start)
                .as("no JSON checks in:\n" + outcome.out() + outcome.err())
                .isGreaterThanOrEqualTo(0);
        int end =
                outcome.out().indexOf("\n]", start + 1); // the array is pretty-printed: only its own end is at column 0
        List<JsonNode> checks = new ArrayList<>();
        JSON.readTree(outcome.out().substring(start + 1, end + 2)).values().forEach(checks::add);
        for (JsonNode check : checks) {
            System.out.println("conformance server " + scenario + ": "
                    + check.path("status").asString() + " " + check.path("id").asString()
                    + (check.has("errorMessage")
                            ? " (" + check.path("errorMessage").asString() + ")"
                            : ""));
        }
        return checks;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "server-initialize",
                "ping",
                "tools-list",
                "dns-rebinding-protection",
                "logging-set-level",
                "server-sse-multiple-streams"
            })
    void conformanceWhenApplicableScenarioThenEveryCheckSucceeds(String scenario) throws Exception {
        List<JsonNode> checks = checks(scenario);
        assertThat(checks).isNotEmpty();
        assertThat(checks)
                .allSatisfy(c ->
                        assertThat(c.path("status").asString()).as(c.toString()).isEqualTo("SUCCESS"));
        if (scenario.equals("dns-rebinding-protection")) {
            assertThat(checks).anySatisfy(c -> {
                assertThat(c.path("id").asString()).isEqualTo("localhost-host-rebinding-rejected");
                assertThat(c.path("details").path("statusCode").asInt())
                        .as("refused although the token is valid")
                        .isEqualTo(403);
            });
        }
    }

    @Test
    void conformanceWhenListedThenEveryServerScenarioIsRunOrExplained() throws Exception {
        NodeClients.Outcome list =
                NodeClients.script(Map.of(), 60, "node_modules/.bin/conformance", "list", "--server");
        TreeSet<String> listed = new TreeSet<>();
        for (String line : list.out().split("\n")) {
            if (line.strip().startsWith("- ")) {
                listed.add(line.strip().substring(2).split(" ")[0]);
            }
        }
        TreeSet<String> ours = new TreeSet<>(APPLICABLE);
        ours.addAll(NOT_APPLICABLE.keySet());
        assertThat(ours).isEqualTo(listed);
    }

    private static Map<String, String> notApplicable() {
        Map<String, String> m = new LinkedHashMap<>();
        String fixture =
                "calls a fixture tool of the suite's reference server (%s); the CRM has only its four CRM tools";
        m.put(
                "completion-complete",
                "the CRM has no prompts or resource templates to complete (completion/complete is -32601)");
        m.put("tools-call-simple-text", fixture.formatted("test_simple_text"));
        m.put("tools-call-image", fixture.formatted("test_image_content"));
        m.put("tools-call-audio", fixture.formatted("test_audio_content"));
        m.put("tools-call-embedded-resource", fixture.formatted("test_embedded_resource"));
        m.put("tools-call-mixed-content", fixture.formatted("test_multiple_content_types"));
        m.put("tools-call-with-logging", fixture.formatted("test_tool_with_logging"));
        m.put("tools-call-error", fixture.formatted("test_error_handling"));
        m.put("tools-call-with-progress", fixture.formatted("test_tool_with_progress"));
        m.put("tools-call-sampling", fixture.formatted("test_sampling") + "; the CRM never asks the client to sample");
        m.put("tools-call-elicitation", fixture.formatted("test_elicitation") + "; the CRM never elicits");
        m.put("json-schema-2020-12", fixture.formatted("json_schema_2020_12_tool"));
        m.put("elicitation-sep1034-defaults", "the CRM never elicits");
        m.put("elicitation-sep1330-enums", "the CRM never elicits");
        m.put(
                "server-sse-polling",
                fixture.formatted("test_reconnection") + " (SEP-1699 stream resumption); against the CRM it"
                        + " reports only INFO checks, nothing to pass or fail");
        for (String s : List.of(
                "resources-list",
                "resources-read-text",
                "resources-read-binary",
                "resources-templates-read",
                "resources-subscribe",
                "resources-unsubscribe")) {
            m.put(s, "the CRM offers no resources");
        }
        for (String s : List.of(
                "prompts-list",
                "prompts-get-simple",
                "prompts-get-with-args",
                "prompts-get-embedded-resource",
                "prompts-get-with-image")) {
            m.put(s, "the CRM offers no prompts");
        }
        return m;
    }
}
