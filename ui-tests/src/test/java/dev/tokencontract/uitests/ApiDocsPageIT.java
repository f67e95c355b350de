package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The API page renders every operation of the registry's own OpenAPI document, and its links lead to them. */
@ExtendWith(UiExtension.class)
class ApiDocsPageIT {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @Test
    void apiPageWhenOpenedThenListsEveryOperationOfTheOpenApiDocument(UiSession ui) throws Exception {
        ui.pages.open("/ui/api");

        JsonNode openapi = ui.registry.getJson("/openapi.json");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : openapi.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        List<String> listed = ui.pages.all("nav[aria-label='Operations'] a").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(operations);
        ui.pages.screenshot("api");
        ui.pages.assertNothingRan();
    }

    @Test
    void apiPageWhenAnOperationLinkIsFollowedThenItsSectionIsThere(UiSession ui) {
        ui.pages.open("/ui/api");
        WebElement link = ui.pages.all("nav[aria-label='Operations'] a").get(0);
        String anchor = link.getAttribute("href").replaceAll(".*#", "");

        link.click();

        ui.pages.await(d -> d.getCurrentUrl().endsWith("#" + anchor));
        assertThat(ui.driver.findElements(By.id(anchor))).hasSize(1);
    }
}
