package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A published contract whose every free-text field holds a script, an {@code onerror} image, a {@code javascript:}
 * URL, a {@code </textarea>} break-out or attribute-breaking quotes must render as inert text on every page.
 */
@ExtendWith(UiExtension.class)
class HostileContentIT {

    @Test
    void assertNothingRanWhenAPayloadRunsOrTheCspRefusesOneThenFails(UiSession ui) {
        // the detector itself, on pages made to fail it: a script that ran, and markup a CSP stopped
        ui.pages.console();
        ui.driver.get(dataUrl("<p>x</p><img src=x onerror=\"window.__pwned='img';alert('img')\">"));
        assertThatThrownBy(ui.pages::assertNothingRan)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("an alert opened: img")
                .hasMessageContaining("window.__pwned")
                .hasMessageContaining("IMG[onerror]");

        ui.driver.get(dataUrl("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
                + "<p>x</p><script>window.__pwned='script'</script>"));
        assertThatThrownBy(ui.pages::assertNothingRan)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content-Security-Policy");
    }

    @Test
    void contractsListWhenAnOwnerHoldsMarkupThenItIsShownAsText(UiSession ui) {
        ui.pages.open("/ui/contracts");

        WebElement row = ui.pages.all("#contracts tbody tr").stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(UiContracts.HOSTILE))
                .findFirst()
                .orElseThrow();
        assertThat(row.getText()).contains(UiContracts.IMG_ONERROR);
        ui.pages.assertNothingRan();
    }

    @Test
    void contractPageWhenEveryFieldHoldsMarkupThenEveryPayloadIsShownLiterallyAndNothingRuns(UiSession ui)
            throws Exception {
        ui.pages.open("/ui/contracts/" + UiContracts.HOSTILE + "?version=1.0.0");

        String text = ui.pages.text();
        for (String payload : UiContracts.PAYLOADS) {
            assertThat(text).as("shown as text").contains(payload);
        }
        JsonNode served = ui.registry.getJson("/contracts/" + UiContracts.HOSTILE + "/versions/1.0.0");
        assertThat(RegistryProcess.JSON.readTree(ui.pages.byId("raw-json").getAttribute("textContent")))
                .isEqualTo(served);
        ui.pages.screenshot("hostile-contract");
        ui.pages.assertNothingRan();
    }

    @Test
    void comparePageWhenBothVersionsHoldMarkupThenBeforeAndAfterAreTextAndNothingRuns(UiSession ui) {
        ui.pages.open("/ui/contracts/" + UiContracts.HOSTILE + "/compare?from=1.0.0&to=1.0.1");

        assertThat(ui.pages.all("#changes-table tbody tr")).isNotEmpty();
        String text = ui.pages.byId("changes-table").getText();
        // long values are cut after ~120 characters: 1.0.0's descriptions start with the script payload, 1.0.1's
        // with the anchor; the operation named by a payload appears in its explanation
        assertThat(text)
                .contains(UiContracts.SCRIPT + " | " + UiContracts.IMG_ONERROR.substring(0, 20))
                .contains(" → " + UiContracts.ANCHOR)
                .contains("operation '" + UiContracts.SCRIPT + "'");
        ui.pages.assertNothingRan();
    }

    @Test
    void explainWhenTheTokenCarriesMarkupThenClaimsFindingsAndHeaderAreTextAndNothingRuns(UiSession ui) {
        String token = ExplainPageIT.fresh()
                .header("kid", UiContracts.ATTRIBUTE_BREAKOUT)
                .claim("sub", UiContracts.SCRIPT)
                .claim("tenant_id", UiContracts.IMG_ONERROR)
                .claim("client_id", UiContracts.TEXTAREA_BREAKOUT)
                .claim(UiContracts.ANCHOR, UiContracts.JAVASCRIPT_URL)
                .signRsa();

        ExplainPageIT.explain(ui, ExplainPageIT.CONTRACT, token);

        assertThat(ExplainPageIT.verdict(ui)).startsWith("REJECTED");
        // the decoded header and claims are shown as JSON: each value appears as its JSON string content
        String result = ui.pages.byId("result").getText();
        for (String payload : List.of(
                UiContracts.ATTRIBUTE_BREAKOUT,
                UiContracts.SCRIPT,
                UiContracts.IMG_ONERROR,
                UiContracts.TEXTAREA_BREAKOUT,
                UiContracts.ANCHOR,
                UiContracts.JAVASCRIPT_URL)) {
            String json = UiContracts.json(payload);
            assertThat(result).contains(json.substring(1, json.length() - 1));
        }
        ui.pages.assertNothingRan();
    }

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
