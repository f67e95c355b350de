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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs every runnable shell transcript of README.md and docs/*.md against the real CLI jar, from the
 * repository root, and compares what it prints with what the document shows (volatile parts normalised,
 * see {@link Volatile}). A transcript that cannot run here must say why in a marker comment; an unmarked
 * non-runnable one fails, so no block is skipped silently. Each page runs in order in its own working
 * directory; a page whose examples talk to {@code http://127.0.0.1:8080} gets its own real
 * {@code tokencontract serve --dev} ({@link DevRegistry}), the convention docs/cli.md states at its top.
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

    private static final List<AutoCloseable> PAGES = new java.util.concurrent.CopyOnWriteArrayList<>();

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
    Stream<DynamicNode> runnableTranscriptsWhenRunThenPrintWhatTheDocsShow() throws Exception {
        launcher();
        List<DynamicNode> pages = new ArrayList<>();
        for (Transcripts doc : documents()) {
            List<Transcripts.Block> runnable = doc.blocks().stream()
                    .filter(b -> b.skipReason() == null && b.runnable())
                    .toList();
            if (runnable.isEmpty()) {
                continue;
            }
            Page page = new Page(doc.file());
            List<DynamicTest> tests = new ArrayList<>();
            for (Transcripts.Block block : runnable) {
                tests.add(DynamicTest.dynamicTest(block.where(), () -> page.run(block)));
            }
            tests.add(DynamicTest.dynamicTest(doc.file() + ": stop its servers", page::close));
            pages.add(DynamicContainer.dynamicContainer(doc.file(), tests.stream()));
        }
        assertThat(pages).as("runnable transcripts found").isNotEmpty();
        return pages.stream();
    }

    /**
     * A {@code tokencontract} on PATH that runs the jar as {@code bin/tokencontract} does: the short-run JVM
     * settings and an AppCDS archive made once here (about a third of the CPU per command; the docs test runs
     * ~140 of them). Without an archive it still runs, only slower.
     */
    private static void launcher() throws IOException, InterruptedException {
        Path archive = bin.resolve("tokencontract.jsa");
        Process training = new ProcessBuilder(
                        JAVA,
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Xlog:disable",
                        "-jar",
                        JAR.toString(),
                        "__cds-training")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean archived =
                training.waitFor(120, TimeUnit.SECONDS) && training.exitValue() == 0 && Files.exists(archive);
        String options = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                + (archived ? " -XX:SharedArchiveFile=\"" + archive + "\" -Xlog:disable -Xlog:all=error:stderr" : "");
        Path launcher = bin.resolve("tokencontract");
        Files.writeString(launcher, "#!/bin/sh\nexec \"" + JAVA + "\" " + options + " -jar \"" + JAR + "\" \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stopRegistries() throws Exception {
        for (AutoCloseable page : PAGES) {
            page.close();
        }
        // the links into the repository go first, so the temp dir's clean-up has nothing to warn about
        Path pages = bin.resolve("pages");
        if (Files.isDirectory(pages)) {
            try (Stream<Path> all = Files.walk(pages, 3)) {
                for (Path link : all.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    /**
     * One document's run: its own working directory (every top-level entry of the repository linked in, so
     * paths read as from the repository root while files the examples write stay out of the tree), its own
     * registry cache, and its own registry, started at the first block that talks to it.
     */
    private static final class Page implements AutoCloseable {
        private final String file;
        private Path workdir;
        private DevRegistry registry;
        private ExampleServers examples;

        Page(String file) {
            this.file = file;
            PAGES.add(this);
        }

        private Path workdir() throws IOException {
            if (workdir == null) {
                Path page = Files.createDirectories(bin.resolve("pages").resolve(file.replace('/', '_')));
                workdir = Files.createDirectories(page.resolve("repository"));
                // ../shared/fixtures (beside the repository, as in CI) reads the same from the scratch root
                Path shared = ROOT.resolveSibling("shared");
                if (Files.exists(shared)) {
                    Files.createSymbolicLink(page.resolve("shared"), shared);
                }
                try (Stream<Path> entries = Files.list(ROOT)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (!name.startsWith(".")) {
                            Files.createSymbolicLink(workdir.resolve(name), entry);
                        }
                    }
                }
            }
            return workdir;
        }

        void run(Transcripts.Block block) throws Exception {
            Path dir = workdir();
            if (block.registryStopped()) {
                assertThat(registry)
                        .as(block.where() + ": no registry ran on this page before")
                        .isNotNull();
                registry.stop();
            } else if (registry != null) {
                registry.restart(); // after a "registry stopped" block, the same port and data again
            } else if (block.usesRegistry()) {
                registry = DevRegistry.start(JAVA, JAR, dir);
            }
            if (block.usesExampleServers()) {
                examples().startMissing();
            }
            for (Transcripts.Step step : block.steps()) {
                if (ExampleServers.starts(step.command())) {
                    startExampleServer(block, step);
                    continue;
                }
                String command = step.command().startsWith("bin/tokencontract ")
                        ? step.command().substring("bin/".length())
                        : step.command();
                if (registry != null) {
                    command = registry.localise(command);
                }
                if (examples != null) {
                    command = examples.localise(command);
                }
                runStep(block, step, command, dir);
            }
        }

        private ExampleServers examples() throws IOException {
            if (examples == null) {
                examples = ExampleServers.prepare(ROOT, JAVA, workdir());
            }
            return examples;
        }

        /** A block that starts an example server by hand: started here (ports mapped), its start-up compared. */
        private void startExampleServer(Transcripts.Block block, Transcripts.Step step) throws Exception {
            List<String> printed = examples().startAs(step.command());
            List<String> expected = Volatile.normalise(step.expected().stream()
                    .filter(l -> !ExampleServers.buildNotice(l))
                    .toList());
            List<String> actual = Volatile.normalise(printed);
            assertThat(Volatile.matches(expected, actual))
                    .as(
                            "%s: $ %s%n--- the document shows:%n%s%n--- it printed:%n%s",
                            block.where(), step.command(), String.join("\n", expected), String.join("\n", actual))
                    .isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (registry != null) {
                registry.close();
            }
            if (examples != null) {
                examples.close();
            }
        }
    }

    private static void runStep(Transcripts.Block block, Transcripts.Step step, String command, Path dir)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec 2>&1\n" + command).directory(dir.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("NO_COLOR", "1");
        builder.environment()
                .put("TOKENCONTRACT_CACHE_DIR", dir.resolve("cache").toString());
        builder.environment().remove("TOKENCONTRACT_DEBUG");
        builder.environment().remove("TOKENCONTRACT_TOKEN");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        // a command that does not end (a server) must not hang the build: 60 s, then it is killed and fails
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
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
