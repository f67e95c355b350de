package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** Comparing two versions: the widening is badged, the verdict matches the API, the picker works. */
@ExtendWith(UiExtension.class)
class ComparePageIT {
    private static final String WIDENED = "/x-authorization/operations/deleteCustomer";

    @Test
    void compareWhenTheNewerVersionAddsAnOperationThenTheChangeCarriesTheWideningBadge(UiSession ui) throws Exception {
        ui.pages.open("/ui/contracts/" + UiContracts.CRM + "/compare?from=1.0.0&to=1.1.0");

        List<WebElement> rows = ui.pages.all("#changes-table tbody tr");
        JsonNode diff = ui.registry.getJson("/contracts/" + UiContracts.CRM + "/diff?from=1.0.0&to=1.1.0");
        assertThat(rows).hasSize(diff.path("changes").size());
        WebElement widening = rows.stream()
                .filter(row -> row.getText().contains(WIDENED))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + WIDENED));
        assertThat(widening.findElements(By.cssSelector(".badge")))
                .extracting(WebElement::getText)
                .contains("authorization-widening");
        assertThat(widening.getText()).contains("(none) → ", "crm.write");
        assertThat(ui.pages.byId("mode").getText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(ui.pages.byId("verdict-text").getText()).startsWith("No: FULL_TRANSITIVE refuses 1 change(s)");
        assertThat(ui.pages.text()).contains("It would pass with ?acknowledge=authorization-widening");
        assertThat(ui.pages.all("section.counterexample")).isNotEmpty();
        ui.pages.screenshot("compare");
        ui.pages.assertNothingRan();
    }

    @Test
    void compareWhenSwapIsClickedThenTheVersionsTradePlaces(UiSession ui) {
        ui.pages.open("/ui/contracts/" + UiContracts.CRM + "/compare?from=1.0.0&to=1.1.0");

        ui.pages.byId("swap").click();

        ui.pages.await(d ->
                d.getCurrentUrl().contains("from=1.1.0") && d.getCurrentUrl().contains("to=1.0.0"));
        assertThat(ui.driver.findElement(By.id("changes")).getText()).isEqualTo("Changes from 1.1.0 to 1.0.0");
    }

    @Test
    void compareWhenAVersionDoesNotExistThenAnErrorPageSaysSo(UiSession ui) {
        ui.pages.open("/ui/contracts/" + UiContracts.CRM + "/compare?from=1.0.0&to=9.9.9");

        assertThat(ui.pages.text()).contains("has no version '9.9.9'");
        ui.pages.assertNothingRan();
    }
}
