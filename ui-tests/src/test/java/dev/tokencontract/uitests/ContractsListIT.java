package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The contracts list in a real browser: the README's first step, the list, and the as-you-type filter. */
@ExtendWith(UiExtension.class)
class ContractsListIT {

    @Test
    void rootWhenABrowserOpensItThenLandsOnTheContractsPageWhileApiClientsStillGetJson(UiSession ui) throws Exception {
        ui.pages.open("/");

        assertThat(ui.driver.getCurrentUrl()).isEqualTo(ui.registry.url() + "/ui/contracts");
        assertThat(ui.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Contracts");
        HttpResponse<String> api = ui.registry.get("/", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(RegistryProcess.JSON.readTree(api.body()).path("contracts").asString())
                .isEqualTo("/contracts");
    }

    @Test
    void contractsWhenOpenedThenEveryPublishedContractIsListedWithItsLatestVersion(UiSession ui) throws Exception {
        ui.pages.open("/ui/contracts");

        List<String> listed = names(ui);
        List<String> published = ui.registry
                .getJson("/contracts")
                .path("contracts")
                .valueStream()
                .map(contract -> contract.path("name").asString())
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published).contains(UiContracts.CRM);
        WebElement crm = row(ui, UiContracts.CRM);
        assertThat(crm.getText()).contains("jwt-access-token", "identity-team", "1.1.0", "FULL_TRANSITIVE");
        ui.pages.screenshot("contracts");
        ui.pages.assertNothingRan();
    }

    @Test
    void contractsWhenTypingInTheFilterThenOnlyMatchingRowsStayVisible(UiSession ui) {
        ui.pages.open("/ui/contracts");
        int all = visibleNames(ui).size();

        ui.pages.byId("contract-filter").sendKeys("crm");

        ui.pages.await(d -> visibleNames(ui).size() < all);
        assertThat(visibleNames(ui)).containsExactly(UiContracts.CRM);
        assertThat(ui.pages.byId("contract-matches").getText()).isEqualTo("1 of " + all + " match.");
    }

    private static List<String> names(UiSession ui) {
        return ui.pages.all("#contracts tbody tr th").stream()
                .map(cell -> cell.getAttribute("textContent").strip())
                .toList();
    }

    private static List<String> visibleNames(UiSession ui) {
        return ui.pages.all("#contracts tbody tr th").stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    private static WebElement row(UiSession ui, String name) {
        return ui.pages.all("#contracts tbody tr").stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }
}
