package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** One contract's page, reached by clicking through from the list, checked against the JSON API. */
@ExtendWith(UiExtension.class)
class ContractPageIT {

    @Test
    void contractPageWhenReachedFromTheListThenShowsLatestVersionClaimsAuthorizationAndVersions(UiSession ui)
            throws Exception {
        ui.pages.open("/ui/contracts");
        ui.driver.findElement(By.linkText(UiContracts.CRM)).click();

        ui.pages.await(d -> d.getCurrentUrl().endsWith("/ui/contracts/" + UiContracts.CRM));
        assertThat(ui.driver.findElement(By.tagName("h1")).getText()).isEqualTo(UiContracts.CRM);
        assertThat(new Select(ui.driver.findElement(By.id("version")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("1.1.0");
        String text = ui.pages.text();
        assertThat(text).contains("tenant_id", "The customer tenant.", "deleteCustomer", "crm.write", "at+jwt");
        JsonNode versions = ui.registry.getJson("/contracts/" + UiContracts.CRM + "/versions");
        List<String> digests = versions.path("versions")
                .valueStream()
                .map(v -> v.path("digest").asString())
                .toList();
        assertThat(digests).hasSize(2).allSatisfy(digest -> assertThat(text).contains(digest));
        ui.pages.screenshot("contract");
        ui.pages.assertNothingRan();
    }

    @Test
    void contractPageWhenShowingAVersionThenPinLineAndRawJsonAreExactlyWhatTheApiServes(UiSession ui) throws Exception {
        ui.pages.open("/ui/contracts/" + UiContracts.CRM + "?version=1.0.0");

        JsonNode served = ui.registry.getJson("/contracts/" + UiContracts.CRM + "/versions/1.0.0");
        JsonNode raw = RegistryProcess.JSON.readTree(ui.pages.byId("raw-json").getAttribute("textContent"));
        assertThat(raw).isEqualTo(served);
        String digest = ui.registry
                .getJson("/contracts/" + UiContracts.CRM + "/versions")
                .path("versions")
                .get(0)
                .path("digest")
                .asString();
        JsonNode pin = RegistryProcess.JSON.readTree(ui.pages.byId("pin-line").getText());
        assertThat(pin.path("name").asString()).isEqualTo(UiContracts.CRM);
        assertThat(pin.path("version").asString()).isEqualTo("1.0.0");
        assertThat("sha-256:" + pin.path("sha256").asString()).isEqualTo(digest);
    }

    @Test
    void copyButtonWhenClickedThenAnnouncesTheCopyOrSelectsTheJson(UiSession ui) {
        ui.pages.open("/ui/contracts/" + UiContracts.CRM);
        WebElement copy = ui.driver.findElement(By.cssSelector("button[data-copy='raw-json']"));

        copy.click();

        String status = ui.pages.await(d -> {
            String said = d.findElement(By.id("copy-status")).getText();
            return said.isEmpty() ? null : said;
        });
        // plain http on 127.0.0.1 is a secure context, so the clipboard API answers; headless may still refuse it
        assertThat(status).isIn("Copied.", "Copy failed: the text is selected, press Ctrl+C.");
        if (!status.equals("Copied.")) {
            assertThat(String.valueOf(ui.driver.executeScript("return window.getSelection().toString()")))
                    .contains("\"x-contract\"");
        }
    }
}
