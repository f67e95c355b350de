package dev.tokencontract.uitests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Browser steps the tests share: open a page, wait, prove nothing ran, take a screenshot. */
final class Pages {
    static final Path SCREENSHOTS = Path.of(System.getProperty("ui.screenshots.dir", "target/screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final String base;

    Pages(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Navigates to {@code path} on the registry and waits until the document has loaded. */
    WebDriver open(String path) {
        console(); // what earlier pages logged is theirs
        driver.get(base + path);
        await(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return driver;
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    WebElement byId(String id) {
        return await(d -> d.findElement(By.id(id)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the whole page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Fails if any hostile payload ran or became markup: an alert is open, {@code window.__pwned} is set, the title
     * was changed, the console shows a Content-Security-Policy refusal (markup the CSP stopped is still an escaping
     * bug), or the DOM holds an event-handler attribute, a {@code javascript:} link, a script that is not one of the
     * page's own files, or an element a payload would have created.
     */
    void assertNothingRan() {
        SoftAssertions softly = new SoftAssertions();
        try {
            String alert = driver.switchTo().alert().getText();
            softly.fail("an alert opened: " + alert);
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException expected) {
            // nothing opened one
        }
        softly.assertThat(driver.executeScript("return typeof window.__pwned"))
                .as("window.__pwned")
                .isEqualTo("undefined");
        softly.assertThat(driver.getTitle()).doesNotContain("PWNED");
        Object injected = driver.executeScript("""
                const bad = [];
                for (const el of document.querySelectorAll('*')) {
                  for (const attr of el.attributes) {
                    if (attr.name.toLowerCase().startsWith('on')) bad.push(el.tagName + '[' + attr.name + ']');
                    if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name.toLowerCase())
                        && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) bad.push(el.tagName + '[' + attr.name + ']');
                  }
                }
                for (const s of document.scripts) {
                  if (!s.src || new URL(s.src).origin !== location.origin || !new URL(s.src).pathname.startsWith('/ui/static/'))
                    bad.push('script ' + (s.src || s.textContent.slice(0, 40)));
                }
                for (const sel of ['img[src="x"]', 'svg', '#pwned-link', 'iframe', 'object', 'embed'])
                  document.querySelectorAll(sel).forEach(el => bad.push(sel));
                return bad;
                """);
        softly.assertThat(injected).as("elements a payload created").isEqualTo(List.of());
        List<String> refusals = console().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        softly.assertThat(refusals)
                .as("Content-Security-Policy refusals in the console")
                .isEmpty();
        softly.assertAll();
    }

    /** The console messages since the last call (reading them empties the driver's buffer). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves the viewport as {@code NAME.png} in {@link #SCREENSHOTS} (docs/ui when the docs are refreshed). */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
