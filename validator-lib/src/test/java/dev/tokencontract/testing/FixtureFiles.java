package dev.tokencontract.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shared real-world fixtures, at the path surefire passes as {@code tokencontract.fixtures}. */
public final class FixtureFiles {
    private FixtureFiles() {}

    public static Path root() {
        String root = System.getProperty("tokencontract.fixtures");
        if (root == null) {
            throw new IllegalStateException("system property tokencontract.fixtures is not set (surefire sets it)");
        }
        return Path.of(root);
    }

    public static Path path(String relative) {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing fixture " + path);
        }
        return path;
    }

    /** A fixture file's text, trimmed (token files end with a newline). */
    public static String text(String relative) {
        try {
            return Files.readString(path(relative)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file in a fixture folder, sorted by name. */
    public static Stream<Path> list(String folder) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
