package dev.tokencontract.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Changing a compatibility mode from the admin page: refused without a token and with a wrong one (the API's
 * problem shown, the mode unchanged, as the JSON API confirms), done with an admin token, which lives in the
 * tab's sessionStorage only. Uses {@link UiContracts#ADMIN}, a contract no other test reads.
 */
@ExtendWith(UiExtension.class)
class AdminPageIT {

    @Test
    void setModeWhenNoTokenIsSetThenThe401IsShownAndTheModeIsUnchanged(UiSession ui) throws Exception {
        openWithToken(ui, null);

        String status = setMode(ui, "NONE");

        assertThat(status).startsWith("401");
        assertThat(mode(ui)).isEqualTo("FULL_TRANSITIVE");
        ui.pages.assertNothingRan();
    }

    @Test
    void setModeWhenTheTokenIsWrongThenThe401IsShownAndTheModeIsUnchanged(UiSession ui) throws Exception {
        openWithToken(ui, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.");

        String status = setMode(ui, "NONE");

        assertThat(status).startsWith("401");
        assertThat(mode(ui)).isEqualTo("FULL_TRANSITIVE");
    }

    @Test
    void setModeWhenTheAdminTokenIsSetThenTheModeChangesAndTheAuditLogShowsIt(UiSession ui) throws Exception {
        try {
            openWithToken(ui, ui.registry.publisherToken());
            assertThat(ui.driver.manage().getCookies()).isEmpty();
            assertThat(ui.driver.executeScript("return sessionStorage.getItem('tokencontract.adminToken')"))
                    .isEqualTo(ui.registry.publisherToken());

            String status = setMode(ui, "BACKWARD");

            assertThat(status).isEqualTo("Saved: " + UiContracts.ADMIN + " is now BACKWARD.");
            assertThat(mode(ui)).isEqualTo("BACKWARD");
            ui.driver.findElement(By.cssSelector("#audit-form button")).click();
            ui.pages.await(d -> d.findElement(By.id("audit-table")).isDisplayed());
            assertThat(ui.pages.byId("audit-table").getText()).contains(UiContracts.ADMIN);
            ui.pages.screenshot("admin");
            ui.pages.assertNothingRan();
        } finally {
            ui.registry.setMode(UiContracts.ADMIN, "FULL_TRANSITIVE");
            ui.driver.executeScript("sessionStorage.clear()");
        }
    }

    /** Opens the admin page with {@code token} entered through the token form (none: storage cleared). */
    private static void openWithToken(UiSession ui, String token) {
        ui.pages.open("/ui/admin");
        ui.driver.executeScript("sessionStorage.clear()");
        ui.pages.open("/ui/admin");
        if (token != null) {
            ui.pages.byId("admin-token").sendKeys(token);
            ui.driver
                    .findElement(By.cssSelector("#token-form button[type=submit]"))
                    .click();
            ui.pages.await(d -> d.findElement(By.id("token-status")).getText().equals("A token is set for this tab."));
            assertThat(ui.pages.byId("admin-token").getAttribute("value")).isEmpty();
        }
    }

    private static String setMode(UiSession ui, String mode) {
        // the page loads the first contract's mode at once; let that answer land before picking ours
        ui.pages.await(d -> !d.findElement(By.id("mode-status")).getText().isEmpty());
        new Select(ui.pages.byId("mode-contract")).selectByValue(UiContracts.ADMIN);
        ui.pages.await(d -> d.findElement(By.id("mode-status")).getText().startsWith(UiContracts.ADMIN + " is "));
        new Select(ui.pages.byId("mode-value")).selectByValue(mode);
        ui.driver.executeScript("document.getElementById('mode-status').textContent = ''");
        ui.driver.findElement(By.cssSelector("#mode-form button[type=submit]")).click();
        return ui.pages.await(d -> {
            String said = d.findElement(By.id("mode-status")).getText();
            return said.isEmpty() || said.equals("Saving…") ? null : said;
        });
    }

    private static String mode(UiSession ui) throws Exception {
        return ui.registry
                .getJson("/contracts/" + UiContracts.ADMIN + "/config")
                .path("mode")
                .asString();
    }
}
