package dev.tokencontract.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs every runnable shell transcript of README.md and docs/*.md against the real CLI jar, from the
 * repository root, and compares what it prints with what the document shows (volatile parts normalised,
 * see {@link Volatile}). A transcript that cannot run here must say why in a marker comment; an unmarked
 * non-runnable one fails, so no block is skipped silently.
 */
class DocsTranscriptsIT {
    private static final Path ROOT =
            Path.of("").toAbsolutePath().getFileName().toString().equals("cli")
                    ? Path.of("").toAbsolutePath().getParent()
                    : Path.of("").toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("tokencontract.jar", "target/tokencontract.jar"))
            .toAbsolutePath();
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final java.util.regex.Pattern EXIT = java.util.regex.Pattern.compile("\\[exit \\d+\\]");

    @TempDir
    static Path bin;

    static List<Transcripts> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Transcripts> out = new ArrayList<>();
        for (Path file : files) {
            out.add(Transcripts.parse(
                    ROOT.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    void everyTranscriptWhenNotRunnableThenSaysWhy() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Transcripts doc : documents()) {
            for (Transcripts.Block block : doc.blocks()) {
                if (!block.runnable() && block.skipReason() == null) {
                    unmarked.add(block.where() + ": " + block.steps().get(0).command());
                }
                if (block.skipReason() != null && block.skipReason().isBlank()) {
                    unmarked.add(block.where() + ": the not-run marker gives no reason");
                }
            }
        }
        assertThat(unmarked)
                .as("transcripts that are neither runnable (tokencontract ...) nor marked "
                        + "<!-- transcript: not run: REASON -->")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> runnableTranscriptsWhenRunThenPrintWhatTheDocsShow() throws IOException {
        Path launcher = bin.resolve("tokencontract");
        Files.writeString(launcher, "#!/bin/sh\nexec \"" + JAVA + "\" -jar \"" + JAR + "\" \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Transcripts doc : documents()) {
            for (Transcripts.Block block : doc.blocks()) {
                if (block.skipReason() == null && block.runnable()) {
                    tests.add(DynamicTest.dynamicTest(block.where(), () -> run(block)));
                }
            }
        }
        assertThat(tests).as("runnable transcripts found").isNotEmpty();
        return tests.stream();
    }

    private static void run(Transcripts.Block block) throws Exception {
        for (Transcripts.Step step : block.steps()) {
            String command = step.command().startsWith("bin/tokencontract ")
                    ? step.command().substring("bin/".length())
                    : step.command();
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec 2>&1\n" + command).directory(ROOT.toFile());
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            builder.environment().put("NO_COLOR", "1");
            builder.environment().remove("TOKENCONTRACT_DEBUG");
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            // a command that does not end (a server) must not hang the build: 60 s, then it is killed and fails
            java.util.concurrent.CompletableFuture<byte[]> read =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return process.getInputStream().readAllBytes();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            assertThat(finished)
                    .as(block.where() + ": $ " + step.command() + " did not finish within 60 s")
                    .isTrue();
            byte[] output = read.get(10, TimeUnit.SECONDS);
            List<String> actual = new ArrayList<>(
                    Volatile.normalise(List.of(new String(output, StandardCharsets.UTF_8).split("\n", -1))));
            List<String> expected = Volatile.normalise(step.expected());
            if (!expected.isEmpty()
                    && EXIT.matcher(expected.get(expected.size() - 1)).matches()) {
                actual.add("[exit " + process.exitValue() + "]"); // the documents' convention: the exit code, last
            }
            assertThat(Volatile.matches(expected, actual))
                    .as(
                            "%s: $ %s%n--- the document shows:%n%s%n--- the jar prints:%n%s",
                            block.where(), step.command(), String.join("\n", expected), String.join("\n", actual))
                    .isTrue();
        }
    }
}
