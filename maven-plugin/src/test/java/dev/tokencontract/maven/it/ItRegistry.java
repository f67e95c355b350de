package dev.tokencontract.maven.it;

import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.registry.DevIssuer;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real registry the invoker ITs build against, run by exec-maven-plugin around {@code integration-test}:
 * {@code start DIR PORT SEED} launches {@code serve} as a separate JVM (so it outlives the exec call), waits until
 * it has seeded itself and returns; {@code serve} runs the registry on 127.0.0.1:PORT (in-memory store, a dev
 * publisher key, the counterexample search), publishes every contract under SEED through the real HTTP API
 * (and sets the modes {@code SEED/modes.properties} names), writes {@code DIR/ready} and stays up
 * until {@code DIR/stop} appears or 15 minutes pass; {@code stop DIR} asks it to stop and waits.
 */
public final class ItRegistry {
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private ItRegistry() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "start" -> start(Path.of(args[1]), args[2], args[3]);
            case "serve" -> serve(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "stop" -> stop(Path.of(args[1]));
            default -> throw new IllegalArgumentException("start|serve|stop, not " + args[0]);
        }
    }

    private static void start(Path dir, String port, String seed) throws Exception {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("ready"));
        Files.deleteIfExists(dir.resolve("stop"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ItRegistry.class.getName(),
                        "serve",
                        dir.toString(),
                        port,
                        seed)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(dir.resolve("ready"))) {
            if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                child.destroy();
                System.err.println(Files.readString(dir.resolve("registry.log")));
                throw new IllegalStateException("the IT registry did not start; its log is above");
            }
            Thread.sleep(100);
        }
        System.out.println("IT registry " + Files.readString(dir.resolve("url")).strip() + " (pid " + child.pid()
                + ", log " + dir.resolve("registry.log") + ")");
    }

    private static void serve(Path dir, int port, Path seed) throws Exception {
        Clock clock = Clock.systemUTC();
        DevIssuer dev = DevIssuer.generate(clock);
        ContractStore store = ContractStores.inMemory();
        RegistryServer server = RegistryServer.builder()
                .store(store)
                .clock(clock)
                .publishers(dev.publishers())
                .counterexamples(ContractCounterexamples.standard())
                .build()
                .start("127.0.0.1", port);
        try {
            String token = dev.publisherToken(server.audience().orElseThrow());
            seed(server.url(), token, seed);
            Files.writeString(dir.resolve("publisher.token"), token + "\n");
            Files.writeString(dir.resolve("url"), server.url() + "\n");
            Files.writeString(dir.resolve("ready"), "ready\n");
            System.out.println("listening on " + server.url());
            Instant deadline = Instant.now().plus(MAX_LIFETIME);
            while (!Files.exists(dir.resolve("stop")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        } finally {
            server.stop();
            store.close();
            Files.deleteIfExists(dir.resolve("ready"));
            System.out.println("stopped");
        }
    }

    /** Every seed file through the real API: the mode first (PUT .../config needs the contract), then publish. */
    private static void seed(String url, String token, Path seed) throws Exception {
        RegistryClient client = RegistryClient.create(url);
        HttpClient http = HttpClient.newHttpClient();
        List<Path> files;
        try (Stream<Path> list = Files.list(seed)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            var published = client.publish(Files.readString(file, StandardCharsets.UTF_8), token, true);
            System.out.println("seeded " + published.reference() + " " + published.outcome());
        }
        Properties modes = new Properties();
        Path modesFile = seed.resolve("modes.properties");
        if (Files.exists(modesFile)) {
            try (var in = Files.newBufferedReader(modesFile)) {
                modes.load(in);
            }
        }
        for (String name : modes.stringPropertyNames()) {
            String mode = modes.getProperty(name);
            {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/contracts/" + name + "/config"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\": \"" + mode + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IOException(
                            "setting the mode of " + name + ": HTTP " + answer.statusCode() + " " + answer.body());
                }
                System.out.println("mode of " + name + " set to " + mode);
            }
        }
    }

    private static void stop(Path dir) throws Exception {
        if (!Files.exists(dir.resolve("url"))) {
            return;
        }
        Files.writeString(dir.resolve("stop"), "stop\n");
        Instant deadline = Instant.now().plusSeconds(15);
        while (Files.exists(dir.resolve("ready")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        System.out.println("IT registry " + (Files.exists(dir.resolve("ready")) ? "did not stop in 15 s" : "stopped"));
    }
}
