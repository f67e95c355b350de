package dev.tokencontract.cli.docs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The example servers a documentation page's examples talk to (docs/examples.md's "Start them"): the legacy login
 * (documented at {@code localhost:9000}) and the CRM MCP server ({@code localhost:9090}), started with
 * {@code examples/run} (which builds the example jars when they are missing or stale) on free loopback ports, the
 * CRM trusting this login. {@link #localise} points commands at them; {@link #close} stops both.
 */
final class ExampleServers implements AutoCloseable {
    static final String LOGIN = "localhost:9000";
    static final String CRM = "localhost:9090";
    /** The example agent: it calls the CRM at the documented address unless told otherwise with --mcp. */
    static final String AGENT = "examples/run agent";
    // the first run builds the example jars (about 30 s on a quiet machine, much longer on a busy one)
    private static final long START_SECONDS = 600;

    private final List<Process> processes = new ArrayList<>();
    private int loginPort;
    private int crmPort;

    /** True when the command talks to a documented example server address. */
    static boolean uses(String command) {
        return command.contains(LOGIN) || command.contains(CRM) || command.contains(AGENT);
    }

    static ExampleServers start(Path root, String java, Path workdir) throws IOException, InterruptedException {
        ExampleServers servers = new ExampleServers();
        try {
            servers.loginPort = freePort();
            servers.launch(
                    root,
                    java,
                    workdir,
                    "legacy-login: sign in at",
                    "legacy-login",
                    "--port",
                    Integer.toString(servers.loginPort),
                    "--crm-resource",
                    "http://localhost:" + freeCrmPort(servers) + "/mcp");
            servers.launch(
                    root,
                    java,
                    workdir,
                    "crm-mcp-server: protected resource metadata",
                    "crm-mcp-server",
                    "--port",
                    Integer.toString(servers.crmPort),
                    "--issuer",
                    "http://localhost:" + servers.loginPort);
            return servers;
        } catch (IOException | InterruptedException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private static int freeCrmPort(ExampleServers servers) throws IOException {
        servers.crmPort = freePort();
        return servers.crmPort;
    }

    /** The command with the documented addresses replaced by these servers'. */
    String localise(String command) {
        return command.replace(LOGIN, "localhost:" + loginPort)
                .replace(CRM, "localhost:" + crmPort)
                .replace(AGENT, AGENT + " --mcp http://localhost:" + crmPort + "/mcp");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void launch(Path root, String java, Path workdir, String ready, String name, String... args)
            throws IOException, InterruptedException {
        Path log = workdir.resolve(name + "-" + System.nanoTime() + ".log");
        List<String> command =
                new ArrayList<>(List.of(root.resolve("examples/run").toString(), name));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("JAVA", java);
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("examples/run " + name + " did not start within " + START_SECONDS
                + " s; it printed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy(); // examples/run execs java, so this is the server itself
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        processes.clear();
    }
}
