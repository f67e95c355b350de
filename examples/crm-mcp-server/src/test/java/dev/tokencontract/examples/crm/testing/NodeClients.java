package dev.tokencontract.examples.crm.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real MCP clients of {@code examples/clients} (the official TypeScript SDK and conformance suite, pinned in its
 * package-lock.json) run as node processes. {@code .ci/run} installs them with {@code npm ci}; locally the first
 * test runs {@code npm ci} when node and npm are there. Without node the tests are skipped, except in CI
 * ({@code CI=true}), where a missing node fails them. Shared through this module's test-jar by the example
 * modules that run the clients ({@code agent}, {@code spring-crm-mcp-server}); run from a module under
 * {@code examples/}.
 */
public final class NodeClients {
    public static final Path DIR = Path.of("..", "clients").toAbsolutePath().normalize();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a node process did. */
    public record Outcome(int exitCode, String out, String err) {
        /** The stdout lines that are JSON objects. */
        public List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                }
            }
            return events;
        }

        public List<JsonNode> events(String name) {
            return events().stream()
                    .filter(e -> e.path("event").asString("").equals(name))
                    .toList();
        }
    }

    private NodeClients() {}

    /** The node binary to use (node 22 from the npm package {@code node}, which the conformance suite needs). */
    public static synchronized Path node() {
        Path pinned = DIR.resolve("node_modules/.bin/node");
        if (!Files.isExecutable(pinned)
                || !Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/conformance"))) {
            install();
        }
        if (!Files.isExecutable(pinned)) {
            unavailable("node_modules/.bin/node is missing after npm ci");
        }
        return pinned;
    }

    private static void install() {
        if (!onPath("node") || !onPath("npm")) {
            unavailable("node and npm are not installed");
        }
        try {
            Outcome ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            if (ci.exitCode() != 0) {
                unavailable("npm ci failed in " + DIR + ":\n" + ci.err());
            }
        } catch (IOException | InterruptedException e) {
            unavailable("npm ci could not run: " + e);
        }
    }

    private static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the real MCP clients, but " + why + " (.ci/run installs them)");
        }
        Assumptions.abort("real MCP clients not available here: " + why);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a script of examples/clients with the pinned node. */
    public static Outcome script(Map<String, String> env, int timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(List.of(args));
        return run(command, env, timeoutSeconds);
    }

    /** Runs {@code command} in examples/clients; kills it after {@code timeoutSeconds}. */
    public static Outcome run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.environment().putAll(env);
        // the pinned node first on PATH, for scripts that start node themselves (the conformance runner)
        builder.environment()
                .put("PATH", DIR.resolve("node_modules/.bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s; output so far:\n"
                    + out.getNow(""));
        }
        return new Outcome(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
