package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The hand-written OpenAPI 3.1 document at /openapi.json names every route the app serves, and nothing else. */
class OpenApiTest {
    private static Registry registry;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        registry = Registry.readOnly();
        Registry.Response response = registry.get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static List<String> documented() {
        List<String> operations = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    @Test
    void openApiWhenServedThenEveryRouteOfTheAppIsDocumentedAndNoOther() {
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(registry.server.routes()).hasSizeGreaterThan(10);
        assertThat(documented()).containsExactlyInAnyOrderElementsOf(apiRoutes());
    }

    /** The routes but the web pages (HTML under /ui, documented in docs/ui.md); JSON under /ui/api/ counts. */
    private static List<String> apiRoutes() {
        return registry.server.routes().stream()
                .filter(route -> !route.matches("GET /ui(/.*)?") || route.startsWith("GET /ui/api/"))
                .toList();
    }

    @Test
    void openApiWhenProblemCodesListedThenTheyAreExactlyTheServersCodes() {
        List<String> documentedCodes = new ArrayList<>();
        document.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("code")
                .path("enum")
                .values()
                .forEach(code -> documentedCodes.add(code.asString()));
        List<String> serverCodes = new ArrayList<>();
        for (dev.tokencontract.registry.internal.ProblemCode code :
                dev.tokencontract.registry.internal.ProblemCode.values()) {
            serverCodes.add(code.code());
        }
        assertThat(documentedCodes).containsExactlyInAnyOrderElementsOf(serverCodes);
    }

    @Test
    void openApiWhenOperationsListedThenEachHasAnIdAndResponsesAndLocalRefsResolve() {
        List<String> ids = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    ids.add(op.getValue().path("operationId").asString());
                    assertThat(op.getValue().path("responses").isObject())
                            .as(op.getKey() + " " + path.getKey())
                            .isTrue();
                }));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
        String text = document.toString();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile(
                        "\"\\$ref\":\"#/components/schemas/([A-Za-z]+)\"")
                .matcher(text);
        while (refs.find()) {
            assertThat(document.path("components").path("schemas").has(refs.group(1)))
                    .as(refs.group(1))
                    .isTrue();
        }
    }
}
