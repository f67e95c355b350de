package dev.tokencontract.uitests;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tokencontract serve --dev --port 0} from the built fat jar ({@code cli/target/tokencontract.jar}), as
 * its own process over a fresh H2 store in a temporary directory. Everything the tests put in goes through the
 * registry's real HTTP API with the dev publisher token the process wrote; {@link #close()} stops it (SIGTERM,
 * then SIGKILL).
 */
final class RegistryProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("tokencontract.jar", "../cli/target/tokencontract.jar"));
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path out;
    private final Path err;
    private final String url;
    private final String publisherToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RegistryProcess(Process process, Path out, Path err, String url, String publisherToken) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.url = url;
        this.publisherToken = publisherToken;
    }

    /** Starts the jar with {@code serve --dev --port 0 --data DIR/data}, plus {@code extraArgs}, and waits for it. */
    static RegistryProcess start(Path dir, String... extraArgs) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with mvn -pl ui-tests -am verify");
        }
        Path data = dir.resolve("data");
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-jar",
                JAR.toString(),
                "serve",
                "--dev",
                "--port",
                "0",
                "--data",
                data.toString(),
                // the compare test expects a counterexample: a 1 s search can run out on a loaded machine
                "--search-budget",
                "30"));
        command.addAll(List.of(extraArgs));
        Path out = Files.createTempFile(dir, "serve", ".out");
        Path err = Files.createTempFile(dir, "serve", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            Path tokenFile = data.resolve("dev-publisher.token");
            if (matcher.find() && Files.isRegularFile(tokenFile)) {
                String token =
                        Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                return new RegistryProcess(process, out, err, matcher.group(1), token);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("serve did not start: " + Files.readString(out) + Files.readString(err));
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    String url() {
        return url;
    }

    /** The one-hour dev publisher token (every scope, every namespace). */
    String publisherToken() {
        return publisherToken;
    }

    /** What the process printed so far (stdout, then stderr). */
    String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }

    /**
     * Publishes one contract through {@code POST /contracts/{name}/versions{query}}; anything but 201 fails.
     * {@code query} is empty or starts with {@code ?} ({@code ?acknowledge=authorization-widening}).
     */
    void publish(String contractJson, String query) throws IOException, InterruptedException {
        String name =
                JSON.readTree(contractJson).path("x-contract").path("name").asString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/contracts/" + name + "/versions" + query))
                .header("Authorization", "Bearer " + publisherToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contractJson)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "publish of " + name + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** {@code PUT /contracts/{name}/config} as the dev publisher (an admin). */
    void setMode(String name, String mode) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/contracts/" + name + "/config"))
                .header("Authorization", "Bearer " + publisherToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("config of " + name + " answered " + response.statusCode());
        }
    }

    /** A GET of the JSON API, as an API client (Accept: application/json); a non-200 fails. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** A GET with the given Accept header, answered as text (redirects not followed). */
    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
    }

    URI uri(String path) {
        return URI.create(url + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
