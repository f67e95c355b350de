package dev.tokencontract.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The contract documents of a project: every {@code *.json} under a directory, in a stable order. */
public final class ContractSources {
    /** More files than any project keeps contracts in: past this the directory is probably the wrong one. */
    public static final int MAX_FILES = 1_000;

    private ContractSources() {}

    /** Every {@code *.json} file under {@code dir} (recursively, symbolic links not followed), sorted by path. */
    public static List<Path> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 16)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .limit(MAX_FILES + 1L)
                    .toList();
            if (found.size() > MAX_FILES) {
                throw new IOException("more than " + MAX_FILES + " .json files under " + dir
                        + "; point contractsDirectory at the contracts only");
            }
            return found;
        }
    }
}
