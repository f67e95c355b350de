package dev.tokencontract.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the built fat jar ({@code cli/target/tokencontract.jar}) as a real process: its own JVM, real
 * stdin, stdout, stderr and exit code. Output goes through files, so a large output cannot block a pipe.
 */
final class JarProcess {
    static final Path JAR = Path.of(System.getProperty("tokencontract.jar", "target/tokencontract.jar"));
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> unset = new ArrayList<>();
    private byte[] stdin = new byte[0];
    private boolean pseudoTerminal;
    private Path directory;

    record Result(int exit, String out, String err) {}

    private JarProcess(Path workDir) {
        this.workDir = workDir;
    }

    /** A run whose scratch files live in {@code workDir}; NO_COLOR and TOKENCONTRACT_DEBUG start unset. */
    static JarProcess in(Path workDir) {
        JarProcess process = new JarProcess(workDir);
        process.unset.add("NO_COLOR");
        process.unset.add("TOKENCONTRACT_DEBUG");
        return process;
    }

    JarProcess env(String name, String value) {
        env.put(name, value);
        unset.remove(name);
        return this;
    }

    JarProcess stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    JarProcess stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Runs with {@code dir} as the working directory (the default is the test's own). */
    JarProcess workingDirectory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Runs under {@code script(1)}, so stdin and stdout are a pseudo-terminal as for a person typing. */
    JarProcess onTerminal() {
        this.pseudoTerminal = true;
        return this;
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        if (pseudoTerminal) {
            command = List.of("script", "-qec", shellQuote(command), "/dev/null");
        }
        Path in = Files.write(Files.createTempFile(workDir, "stdin", ".bin"), stdin);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        return new Result(
                exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String shellQuote(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        return line.toString();
    }
}
