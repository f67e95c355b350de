package dev.tokencontract.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real registry a documentation page's examples talk to: {@code tokencontract serve --dev} from the real jar,
 * as a process, on a free loopback port, over a fresh data directory {@code dev-data} in the page's working
 * directory (so the page's {@code dev-data/dev-publisher.token} is the token this server wrote). The pages say
 * {@code http://127.0.0.1:8080} (serve's default address); {@link #localise} points commands at this server.
 */
final class DevRegistry implements AutoCloseable {
    /** The registry URL the documents use: what {@code tokencontract serve --dev} prints with its default port. */
    static final String DOCUMENTED = "127.0.0.1:8080";

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final long START_SECONDS = 90;

    private final List<String> java;
    private final Path workdir;
    private Process process;
    private int port;

    private DevRegistry(List<String> java, Path workdir) {
        this.java = java;
        this.workdir = workdir;
    }

    /** Starts a registry for one page, on a port the system picks. */
    static DevRegistry start(String javaBinary, Path jar, Path workdir) throws IOException, InterruptedException {
        DevRegistry registry = new DevRegistry(List.of(javaBinary, "-jar", jar.toString()), workdir);
        registry.launch(0);
        return registry;
    }

    /** True when the command talks to the documented registry address. */
    static boolean uses(String command) {
        return command.contains(DOCUMENTED) || command.contains("localhost:8080");
    }

    /** The command with the documented address replaced by this server's. */
    String localise(String command) {
        return command.replace(DOCUMENTED, "127.0.0.1:" + port).replace("localhost:8080", "127.0.0.1:" + port);
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the server as Ctrl-C would (its data stays), for examples that show the registry unreachable. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Starts it again on the same port over the same data, after {@link #stop}. */
    void restart() throws IOException, InterruptedException {
        if (!running()) {
            launch(port);
        }
    }

    private void launch(int wanted) throws IOException, InterruptedException {
        Path log = workdir.resolve("registry-" + System.nanoTime() + ".log");
        List<String> command = new java.util.ArrayList<>(java);
        command.addAll(List.of(
                "serve",
                "--dev",
                "--port",
                Integer.toString(wanted),
                "--data",
                workdir.resolve("dev-data").toString(),
                // the pages show counterexamples: a search cut short by a loaded machine would change them
                "--search-budget",
                "30"));
        process = new ProcessBuilder(command)
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find() && Files.exists(workdir.resolve("dev-data/dev-publisher.token"))) {
                port = Integer.parseInt(listening.group(1));
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        stop();
        throw new IllegalStateException(
                "tokencontract serve --dev did not start within " + START_SECONDS + " s; it printed:\n" + printed);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
