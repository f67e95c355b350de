package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
