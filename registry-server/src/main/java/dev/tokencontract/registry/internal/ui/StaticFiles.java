package dev.tokencontract.registry.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' script, style and icon files, from the classpath folder {@value #FOLDER}. A page adds one by
 * dropping {@code NAME.js} / {@code NAME.css} there and naming it in its {@link Page}. Only flat lowercase names
 * with a known extension are looked up (no paths, no dots but the extension), and each file is read once.
 */
public final class StaticFiles {
    public static final String FOLDER = "tokencontract/registry/ui/static/";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file's bytes and media type. */
    public record File(byte[] bytes, String contentType) {}

    private final Map<String, Optional<File>> files = new ConcurrentHashMap<>();

    public Optional<File> find(String name) {
        Matcher m = FILE.matcher(name == null ? "" : name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return files.computeIfAbsent(name, n -> read(n, TYPES.get(m.group(1))));
    }

    private static Optional<File> read(String name, String type) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new File(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FOLDER + name, e);
        }
    }
}
