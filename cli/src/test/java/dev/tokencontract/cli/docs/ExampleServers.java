package dev.tokencontract.cli.docs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example servers a documentation page's examples talk to (docs/examples.md's "Start them"): the legacy login
 * (documented at {@code localhost:9000}) and the CRM MCP server ({@code localhost:9090}), started with
 * {@code examples/run} (which builds the example jars when they are missing or stale) on free loopback ports, the
 * CRM trusting this login. A block that starts one by hand ({@code examples/run crm-mcp-server --port 9190 ...}) is
 * started here the same way, each documented port mapped to a free one. {@link #localise} points commands at them;
 * {@link #close} stops them all.
 */
final class ExampleServers implements AutoCloseable {
    static final int LOGIN_PORT = 9000;
    static final int CRM_PORT = 9090;
    /** The example agent: it calls the CRM at the documented address unless told otherwise with --mcp. */
    static final String AGENT = "examples/run agent";

    private static final Pattern START = Pattern.compile("examples/run (legacy-login|crm-mcp-server)( .*)?");
    private static final Pattern PORT_ARG = Pattern.compile("--port (\\d+)");
    private static final Pattern ADDRESS = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d{4,5})\\b");
    // the first run builds the example jars (about 30 s on a quiet machine, much longer on a busy one)
    private static final long START_SECONDS = 600;

    private final Path root;
    private final String javaBinary;
    private final Path workdir;
    /** Documented port to the free one used instead. */
    private final Map<Integer, Integer> ports = new LinkedHashMap<>();

    private final Map<String, Process> running = new LinkedHashMap<>();

    private ExampleServers(Path root, String java, Path workdir) throws IOException {
        this.root = root;
        this.javaBinary = java;
        this.workdir = workdir;
        port(LOGIN_PORT);
        port(CRM_PORT);
    }

    /** True when the command talks to the documented login or CRM, or runs the agent (which calls the CRM). */
    static boolean uses(String command) {
        return command.contains("localhost:" + LOGIN_PORT)
                || command.contains("localhost:" + CRM_PORT)
                || command.contains(AGENT);
    }

    /** True when the command starts an example server, as a reader does by hand in a terminal of their own. */
    static boolean starts(String command) {
        return START.matcher(command).matches();
    }

    /** Free ports chosen for the documented 9000 and 9090, nothing started yet. */
    static ExampleServers prepare(Path root, String java, Path workdir) throws IOException {
        return new ExampleServers(root, java, workdir);
    }

    /** Starts the documented login and CRM, whichever is not running yet. */
    void startMissing() throws IOException, InterruptedException {
        if (!running.containsKey("legacy-login@" + LOGIN_PORT)) {
            startAs("examples/run legacy-login");
        }
        if (!running.containsKey("crm-mcp-server@" + CRM_PORT)) {
            startAs("examples/run crm-mcp-server");
        }
    }

    /**
     * Starts the server the documented command starts (stopping it first if it runs), on its mapped port, and
     * returns what it printed until it was ready (the line {@code examples/run} prints when it builds the jars
     * left out: whether it builds depends on the machine, not on the example).
     */
    List<String> startAs(String command) throws IOException, InterruptedException {
        Matcher start = START.matcher(command);
        if (!start.matches()) {
            throw new IllegalArgumentException("not an example server start: " + command);
        }
        String name = start.group(1);
        String given = start.group(2) == null ? "" : start.group(2).strip();
        boolean login = name.equals("legacy-login");
        Matcher portArg = PORT_ARG.matcher(given);
        int documented = portArg.find() ? Integer.parseInt(portArg.group(1)) : login ? LOGIN_PORT : CRM_PORT;
        Matcher addresses = ADDRESS.matcher(given);
        while (addresses.find()) {
            port(Integer.parseInt(addresses.group(1))); // e.g. the JWKS a later conform run serves on 9191
        }
        List<String> args = new ArrayList<>();
        if (!given.isEmpty()) {
            args.addAll(List.of(localise(given)
                    .replace("--port " + documented, "--port " + port(documented))
                    .split("\\s+")));
        }
        if (!given.contains("--port ")) {
            args.addAll(List.of("--port", Integer.toString(port(documented))));
        }
        if (login && !given.contains("--crm-resource ")) {
            args.addAll(List.of("--crm-resource", "http://localhost:" + port(CRM_PORT) + "/mcp"));
        }
        if (!login && !given.contains("--issuer ")) {
            args.addAll(List.of("--issuer", "http://localhost:" + port(LOGIN_PORT)));
        }
        boolean loginRestart = login && running.containsKey(name + "@" + documented);
        List<String> printed = launch(
                name + "@" + documented,
                login ? "legacy-login: sign in at" : "crm-mcp-server: protected resource metadata",
                name,
                args);
        if (loginRestart && running.containsKey("crm-mcp-server@" + CRM_PORT)) {
            // the restarted login signs with a new key; the running CRM refetches the JWKS for an unknown kid
            // at most every 30 s (docs/examples.md says so): the page shows what a client gets after that
            Thread.sleep(TimeUnit.SECONDS.toMillis(31));
        }
        return printed;
    }

    /** The lines of a server's start-up the comparison leaves out (see {@link #startAs}). */
    static boolean buildNotice(String line) {
        return line.startsWith("examples/run: building the example jars");
    }

    /** The command with the documented addresses and ports replaced by these servers'. */
    String localise(String command) {
        String out = command;
        for (Map.Entry<Integer, Integer> port : ports.entrySet()) {
            out = out.replace("localhost:" + port.getKey(), "localhost:" + port.getValue())
                    .replace("127.0.0.1:" + port.getKey(), "127.0.0.1:" + port.getValue())
                    .replace("--serve-jwks " + port.getKey(), "--serve-jwks " + port.getValue());
        }
        return out.replace(AGENT, AGENT + " --mcp http://localhost:" + port(CRM_PORT) + "/mcp");
    }

    private int port(int documented) {
        return ports.computeIfAbsent(documented, d -> freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> launch(String key, String ready, String name, List<String> args)
            throws IOException, InterruptedException {
        stop(running.remove(key));
        Path log = workdir.resolve(name + "-" + System.nanoTime() + ".log");
        List<String> command =
                new ArrayList<>(List.of(root.resolve("examples/run").toString(), name));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("JAVA", javaBinary);
        builder.environment().remove("HUB_CLIENT_SECRET");
        builder.environment().remove("LEGACY_LOGIN_DRIFT");
        Process process = builder.start();
        running.put(key, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            int at = printed.indexOf(ready);
            if (at >= 0 && printed.indexOf('\n', at) > 0) { // the whole line, not a part of it
                return printed.lines().filter(l -> !buildNotice(l)).toList();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("examples/run " + name + " did not start within " + START_SECONDS
                + " s; it printed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy(); // examples/run execs java, so this is the server itself
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : running.values()) {
            stop(process);
        }
        running.clear();
    }
}
