package dev.tokencontract.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code tokencontract serve} from the built jar, publishes over HTTP from two clients at once, kills
 * the process with SIGKILL at a random moment, restarts it on the same store, and checks that every version
 * answered 201 is there with the same digest and its {@code 201 created} audit entry, and that none of
 * them can be re-published with other bytes. Repeated; the numbers end up in {@link #summary()}.
 */
final class CrashTrials {
    static final List<String> NAMES = List.of("crash.alpha", "crash.beta");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** A version answered 201, with the digest the answer named. */
    record Acknowledged(String name, String version, String digest) {}

    private final Path dir;
    private final List<String> serveArgs;
    private final Map<String, String> env;
    private final Random random;
    private final Map<String, AtomicInteger> nextPatch = new HashMap<>();
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<Acknowledged> lost = ConcurrentHashMap.newKeySet();
    private final Set<Acknowledged> rebound = ConcurrentHashMap.newKeySet();
    private final Set<Acknowledged> unaudited = ConcurrentHashMap.newKeySet();
    private final Set<Acknowledged> rebindAccepted = ConcurrentHashMap.newKeySet();
    private int kills;
    private int checkedRebinds;
    private long started;

    CrashTrials(Path dir, List<String> serveArgs, Map<String, String> env, long seed) {
        this.dir = dir;
        this.serveArgs = serveArgs;
        this.env = env;
        this.random = new Random(seed);
        NAMES.forEach(name -> nextPatch.put(name, new AtomicInteger()));
    }

    /** {@code trials} kills, each followed by a restart and a check; leaves the last server running, returned. */
    Serve run(int trials) throws Exception {
        started = System.nanoTime();
        Serve serve = start(0);
        try {
            for (String name : NAMES) { // first versions, then mode NONE: each publish is then a cheap, allowed one
                publish(serve, name, nextPatch.get(name).getAndIncrement(), null);
                expect(serve.put("/contracts/" + name + "/config", "{\"mode\":\"NONE\"}"), 200, "set mode NONE");
            }
            for (int trial = 1; trial <= trials; trial++) {
                int before = acknowledged.size();
                publishUntilKilled(serve);
                kills++;
                serve = start(trial);
                check(serve, acknowledged.subList(before, acknowledged.size()));
            }
            return serve;
        } catch (Exception | Error e) {
            serve.process().destroyForcibly(); // a failed run leaves no server behind
            throw e;
        }
    }

    private void publishUntilKilled(Serve serve) throws Exception {
        List<Thread> clients = new ArrayList<>();
        for (String name : NAMES) {
            Thread client = new Thread(
                    () -> {
                        while (serve.process().isAlive()) {
                            try {
                                publish(serve, name, nextPatch.get(name).getAndIncrement(), null);
                            } catch (IOException e) {
                                return; // the server died under us: this attempt was never answered
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "crash-publisher-" + name);
            client.start();
            clients.add(client);
        }
        Thread.sleep(150 + random.nextInt(700)); // the kill lands at a random point of the publish stream
        serve.process().destroyForcibly(); // SIGKILL
        if (!serve.process().waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the killed server did not exit");
        }
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** POSTs name@1.0.patch; records a 201. {@code description} changes the bytes (re-binding attempts). */
    private HttpResponse<String> publish(Serve serve, String name, int patch, String description)
            throws IOException, InterruptedException {
        String version = "1.0." + patch;
        HttpResponse<String> response =
                serve.post("/contracts/" + name + "/versions", contract(name, version, description));
        if (response.statusCode() == 201 && description == null) {
            JsonNode body = JSON.readTree(response.body());
            acknowledged.add(new Acknowledged(
                    name, body.path("version").asString(), body.path("digest").asString()));
        } else if (description == null) {
            failures.add(
                    "publish " + name + "@" + version + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void check(Serve serve, List<Acknowledged> lastTrial) throws Exception {
        Map<String, String> served = new HashMap<>();
        for (String name : NAMES) {
            HttpResponse<String> list = serve.get("/contracts/" + name + "/versions");
            if (list.statusCode() == 404) {
                continue; // the whole contract is gone: every acknowledged version of it is counted as lost below
            }
            expect(list, 200, "list " + name);
            JSON.readTree(list.body())
                    .path("versions")
                    .values()
                    .forEach(v -> served.put(
                            name + "@" + v.path("version").asString(),
                            v.path("digest").asString()));
        }
        for (Acknowledged a : acknowledged) {
            String digest = served.get(a.name() + "@" + a.version());
            if (digest == null && lost.add(a)) {
                failures.add("LOST after kill " + kills + ": " + a);
            } else if (digest != null && !digest.equals(a.digest()) && rebound.add(a)) {
                failures.add("RE-BOUND after kill " + kills + ": " + a + " now " + digest);
            }
        }
        HttpResponse<String> audit = serve.get("/audit?limit=1000");
        expect(audit, 200, "read the audit");
        List<String> created = new ArrayList<>();
        JSON.readTree(audit.body()).path("entries").values().forEach(e -> {
            if (e.path("action").asString().equals("publish")
                    && e.path("result").asString().equals("201 created")) {
                created.add(e.path("name").asString() + "@" + e.path("version").asString() + " "
                        + e.path("digest").asString());
            }
        });
        for (Acknowledged a : lastTrial) {
            if (!created.contains(a.name() + "@" + a.version() + " " + a.digest()) && unaudited.add(a)) {
                failures.add("AUDIT ENTRY LOST after kill " + kills + ": " + a);
            }
        }
        Map<String, Acknowledged> newest = new LinkedHashMap<>();
        lastTrial.forEach(a -> newest.put(a.name(), a)); // the ones a kill was likeliest to take
        for (Acknowledged a : newest.values()) {
            HttpResponse<String> rebind =
                    publish(serve, a.name(), Integer.parseInt(a.version().substring(4)), "other bytes");
            checkedRebinds++;
            if (rebind.statusCode() != 409 && rebindAccepted.add(a)) {
                failures.add("RE-PUBLISH of " + a + " with other bytes answered " + rebind.statusCode() + ": "
                        + rebind.body());
            }
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String summary(String store) {
        return ("%s: %d kill -9 trials, %d publishes answered 201: %d lost, %d re-bound, %d without their audit entry;"
                        + " %d re-publishes with other bytes tried, %d accepted; %d other failures; %.1f s")
                .formatted(
                        store,
                        kills,
                        acknowledged.size(),
                        lost.size(),
                        rebound.size(),
                        unaudited.size(),
                        checkedRebinds,
                        rebindAccepted.size(),
                        failures.size() - lost.size() - rebound.size() - unaudited.size() - rebindAccepted.size(),
                        (System.nanoTime() - started) / 1e9);
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    static String contract(String name, String version, String description) {
        JsonNode node = JSON.readTree("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://tokencontract.dev/contracts/%1$s/%2$s",
                  "x-contract": {"name": "%1$s", "version": "%2$s", "kind": "jwt-access-token", "owner": "identity-team"},
                  "x-jose": {"alg": ["RS256"], "typ": ["at+jwt", "application/at+jwt"]},
                  "type": "object",
                  "required": ["iss", "aud", "exp"],
                  "properties": {
                    "iss": {"type": "string", "format": "uri"},
                    "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799}
                  }
                }
                """.formatted(name, version));
        if (description != null) {
            ((tools.jackson.databind.node.ObjectNode) node).put("description", description);
        }
        return node.toString();
    }

    /** A running {@code serve} and an HTTP client holding its dev publisher token. */
    record Serve(Process process, String url, String token, HttpClient http, Path out) {
        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
        }

        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url + path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM and wait; the output so far. */
        String stop() throws IOException, InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("serve did not stop on SIGTERM");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        }
    }

    private Serve start(int trial) throws Exception {
        // C1 only and the serial collector: the same code, a faster start on a small CI machine
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                JarProcess.JAR.toString(),
                "serve",
                "--port",
                "0",
                "--dev"));
        command.addAll(serveArgs);
        Path out = dir.resolve("serve-" + trial + ".out");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                String token = Files.readString(dataDir().resolve(ServeRunner.DEV_TOKEN_FILE))
                        .strip();
                return new Serve(process, matcher.group(1), token, HttpClient.newHttpClient(), out);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("serve (after kill " + trial + ") did not start: " + Files.readString(out));
    }

    private Path dataDir() {
        return Path.of(serveArgs.get(serveArgs.indexOf("--data") + 1));
    }
}
