package dev.tokencontract.uitests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromedriver}, both named explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver. Without them the tests are skipped with a
 * message, except in CI ({@code CI=true}), where a missing browser fails them: {@code .ci/run} installs both.
 */
final class Chromium {
    static final Path BROWSER = Path.of(System.getProperty("ui.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("ui.chromedriver", "/usr/bin/chromedriver"));
    /** Small enough for light screenshots, wide enough for the tables. */
    static final Dimension WINDOW = new Dimension(1100, 800);

    private Chromium() {}

    /** Skips (locally) or fails (CI) when the browser or its driver is not installed. */
    static void requireInstalled() {
        String missing = null;
        if (!Files.isExecutable(BROWSER)) {
            missing = BROWSER + " is not installed";
        } else if (!Files.isExecutable(DRIVER)) {
            missing = DRIVER + " is not installed";
        }
        if (missing == null) {
            return;
        }
        String why = missing + " (Debian packages chromium and chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the browser tests, but " + why + "; .ci/run installs them");
        }
        // Surefire counts a class aborted before its tests as 0 run, 0 skipped: say it where a person reads the log
        System.err.println("ui-tests: browser tests skipped: " + why);
        Assumptions.abort("browser tests skipped: " + why);
    }

    /** A fresh headless browser: no extensions, no first-run UI, no network except what a page asks for. */
    static ChromeDriver start() {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI runs as root in a container, where Chromium's sandbox cannot start
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=en-US",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight());
        // an alert stays open (the hostile-content checks look for it) instead of failing the next command
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // the console (CSP refusals) through the driver's log endpoint
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
