package dev.tokencontract.uitests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One registry process and one browser shared by every test class of the suite (starting each costs seconds):
 * the registry is seeded once through its HTTP API with {@link UiContracts}; tests that change state use their
 * own contract ({@link UiContracts#ADMIN}). Closed by JUnit when the run ends.
 */
final class UiSession implements AutoCloseable {
    final RegistryProcess registry;
    final ChromeDriver driver;
    final Pages pages;
    private final Path dir;

    private UiSession(Path dir, RegistryProcess registry, ChromeDriver driver) {
        this.dir = dir;
        this.registry = registry;
        this.driver = driver;
        this.pages = new Pages(driver, registry.url());
    }

    static UiSession start() {
        Chromium.requireInstalled();
        Path dir = null;
        RegistryProcess registry = null;
        try {
            dir = Files.createTempDirectory("ui-tests");
            registry = RegistryProcess.start(dir);
            seed(registry);
            return new UiSession(dir, registry, Chromium.start());
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (registry != null) {
                try {
                    registry.close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new IllegalStateException("the UI test session did not start", e);
        }
    }

    private static void seed(RegistryProcess registry) throws IOException, InterruptedException {
        registry.publish(UiContracts.crm100(), "");
        registry.publish(UiContracts.crm110(), "?acknowledge=authorization-widening");
        registry.publish(UiContracts.hostile(), "");
        registry.publish(UiContracts.hostile101(), "");
        registry.publish(UiContracts.admin100(), "");
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            registry.close();
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
