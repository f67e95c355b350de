package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * One flow with the keyboard only (Tab, typing, Enter; no clicks): skip link, filter the list, open a contract,
 * follow "Compare with 1.0.0", and reach the widening badge. Each step proves the next control can be focused
 * in tab order and activated with Enter.
 */
@ExtendWith(UiExtension.class)
class KeyboardIT {
    private static final int MAX_TABS = 60;

    @Test
    void keyboardWhenBrowsingFromTheListToACompareThenEveryStepIsReachableWithTabAndEnter(UiSession ui) {
        ui.pages.open("/ui/contracts");
        ui.driver.executeScript("document.activeElement && document.activeElement.blur()");

        tabTo(
                ui,
                "the skip link",
                e -> e.getTagName().equals("a") && e.getText().toLowerCase().contains("skip"));
        press(ui, Keys.ENTER);
        ui.pages.await(d -> d.getCurrentUrl().endsWith("#main"));
        tabTo(ui, "the search field", e -> "contract-filter".equals(e.getAttribute("id")));
        new Actions(ui.driver).sendKeys("crm").perform();
        tabTo(
                ui,
                "the contract's link",
                e -> e.getTagName().equals("a") && e.getText().equals(UiContracts.CRM));
        press(ui, Keys.ENTER);
        ui.pages.await(d -> d.getCurrentUrl().endsWith("/ui/contracts/" + UiContracts.CRM));
        tabTo(
                ui,
                "the compare link",
                e -> e.getTagName().equals("a") && e.getText().equals("Compare with 1.0.0"));
        press(ui, Keys.ENTER);

        ui.pages.await(d -> d.getCurrentUrl().contains("/compare?from=1.0.0&to=1.1.0"));
        assertThat(ui.pages.all("#changes-table .badge"))
                .extracting(WebElement::getText)
                .contains("authorization-widening");
    }

    /** Presses Tab until the focused element matches; fails when it is not reached within {@value #MAX_TABS}. */
    private static void tabTo(UiSession ui, String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(ui, Keys.TAB);
            WebElement focused = ui.driver.switchTo().activeElement();
            if (wanted.test(focused)) {
                assertThat(focused.isDisplayed())
                        .as(what + " is visible when focused")
                        .isTrue();
                return;
            }
        }
        throw new AssertionError(what + " was not reached with " + MAX_TABS + " presses of Tab");
    }

    private static void press(UiSession ui, Keys key) {
        new Actions(ui.driver).sendKeys(key).perform();
    }
}
