package dev.tokencontract.cli;

import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The project file {@value #NAME}, found upward from the working directory (the first directory holding one
 * wins; the search stops at the filesystem root). It is one small JSON object; today its only member is
 * {@code registry}, the default registry URL:
 *
 * <pre>{"registry": "https://registry.example.test"}</pre>
 *
 * A file that is unreadable, too large, not one JSON object, or has unknown members is an error naming the file,
 * never silently skipped: a typo there would otherwise send a build to another registry.
 */
final class ProjectFile {
    static final String NAME = ".tokencontract.json";
    static final int MAX_BYTES = 64 * 1024;
    private static final List<String> MEMBERS = List.of("registry");

    /** A project file and the registry URL it names, if any. */
    record Found(Path path, Optional<String> registry) {}

    private ProjectFile() {}

    /** The nearest {@code fileName} at or above {@code start} (any kind of entry: a directory is found too). */
    static Optional<Path> findUpward(Path start, String fileName) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(fileName);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) || Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The nearest project file at or above {@code start}, read and checked. */
    static Optional<Found> find(Path start) throws UsageException {
        Optional<Path> path = findUpward(start, NAME);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(path.get()));
    }

    static Found read(Path path) throws UsageException {
        String where = "project file " + Terminal.safe(path.toString(), 200);
        if (Files.isDirectory(path)) {
            throw new UsageException(where + " is a directory, not a file; remove it or pass --registry URL");
        }
        String text;
        try {
            if (!Files.isRegularFile(path)) {
                throw new UsageException(where + " is not a regular file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new UsageException(where + " is larger than " + MAX_BYTES + " bytes; it holds one small"
                        + " JSON object like {\"registry\": \"https://registry.example.test\"}");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException(where + " cannot be read: " + Terminal.safe(String.valueOf(e.getMessage()), 120));
        }
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok() || !parsed.node().isObject()) {
            throw new UsageException(where + " is not one JSON object like {\"registry\": \"https://...\"}"
                    + (parsed.ok() ? "" : ": " + Terminal.safe(String.valueOf(parsed.detail()), 120)));
        }
        JsonNode root = parsed.node();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                unknown.add("'" + Terminal.safe(member.getKey(), 60) + "'" + Suggest.hint(member.getKey(), MEMBERS));
            }
        }
        if (!unknown.isEmpty()) {
            throw new UsageException(where + ": unknown member " + String.join(", ", unknown) + " (known: registry)");
        }
        JsonNode registry = root.get("registry");
        if (registry != null && !registry.isString()) {
            throw new UsageException(where + ": 'registry' must be a string (a URL)");
        }
        return new Found(path, Optional.ofNullable(registry == null ? null : registry.stringValue()));
    }
}
