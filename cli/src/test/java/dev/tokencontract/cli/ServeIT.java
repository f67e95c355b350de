package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.registry.testing.PostgresServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** End to end: {@code tokencontract serve} from the built fat jar, as a process, on a free port. */
class ServeIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    /** A running serve process and where it logs. */
    record Serve(Process process, Path out, Path err, String url) {
        String output() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    private Serve serve(String... args) throws Exception {
        return serve(java.util.Map.of(), args);
    }

    private Serve serve(java.util.Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(JAVA, "-jar", JarProcess.JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "serve", ".out");
        Path err = Files.createTempFile(dir, "serve", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return new Serve(process, out, err, matcher.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + Files.readString(out) + Files.readString(err));
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body, String token) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveWhenPortZeroThenPrintsBoundPortServesSeededContractsRefusesWritesAndStopsOnSigterm() throws Exception {
        Serve serve = serve("--data", dir.resolve("data").toString());

        HttpResponse<String> contract = get(serve.url() + "/contracts/mcp-access-token/versions/1.0.0");
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(contract.body()))
                .isEqualTo(Contracts.bundled("mcp-access-token@1.0.0").document());
        assertThat(contract.headers().firstValue("ETag").orElseThrow()).matches("\"sha-256:[0-9a-f]{64}\"");
        assertThat(contract.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        HttpResponse<String> write = post(serve.url() + "/contracts/acme/versions", "{}", null);
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(write.body()).path("code").asString()).isEqualTo("writes-disabled");

        serve.process().destroy(); // SIGTERM
        assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = serve.output();
        assertThat(output)
                .contains(
                        "seeded mcp-access-token@1.0.0",
                        "seeded registry-publisher@1.0.0",
                        "writes are disabled (503 writes-disabled)",
                        "tokencontract registry stopped");
        assertThat(output)
                .contains(
                        "\"route\":\"/contracts/{name}/versions/{version}\",\"path\":\"/contracts/mcp-access-token/versions/1.0.0\",\"status\":200");
        assertThat(output).doesNotContain("Exception", "SLF4J", "Javalin: It looks like");
    }

    @Test
    void serveWhenSigtermAndARequestOutlastsTheShutdownGraceThenCutsItOffClosesTheStoreAndPrintsNoStackTrace()
            throws Exception {
        Serve serve = serve("--data", dir.resolve("data").toString(), "--shutdown-grace", "1");
        URI uri = URI.create(serve.url());
        try (Socket slow = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream body = slow.getOutputStream();
            body.write(
                    ("POST /contracts/acme/compatibility HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 200000\r\n\r\n{\"a\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
            Thread trickle = new Thread(
                    () -> { // 10 KB/s: in flight for about 20 s, far past the 1 s grace
                        try {
                            for (int i = 0; i < 200; i++) {
                                body.write("x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
                                body.flush();
                                Thread.sleep(100);
                            }
                        } catch (IOException | InterruptedException e) {
                            // cut off by the server: expected
                        }
                    });
            trickle.start();
            Thread.sleep(1000);

            long stopping = System.nanoTime();
            serve.process().destroy(); // SIGTERM
            assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            trickle.interrupt();

            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(15));
        }
        String output = serve.output();
        assertThat(output)
                .contains("\"event\":\"shutdown-grace-expired\"", "tokencontract registry stopped (store closed)");
        assertThat(output).doesNotContain("Exception", "\tat ");
    }

    @Test
    void serveWhenDevThenTokenFileOnlyPublishWorksAndRestartKeepsData() throws Exception {
        Path data = dir.resolve("data");
        Serve serve = serve("--dev", "--data", data.toString());
        Path tokenFile = data.resolve("dev-publisher.token");
        String token = Files.readString(tokenFile).strip();
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(JSON.readTree(Files.readString(data.resolve("dev-jwks.json")))
                        .path("keys")
                        .get(0)
                        .has("d"))
                .isFalse();
        String contract = Contracts.bundled("mcp-access-token@1.0.0")
                .document()
                .toString()
                .replace("mcp-access-token", "acme.crm-token");

        HttpResponse<String> created = post(serve.url() + "/contracts/acme.crm-token/versions", contract, token);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/contracts/acme.crm-token/versions/1.0.0");
        String output = serve.output();
        assertThat(output)
                .contains(
                        "DEV MODE",
                        tokenFile.toAbsolutePath().toString(),
                        "curl -X POST -H \"Authorization: Bearer $(cat ");
        assertThat(output)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1), token.substring(0, token.indexOf('.')));
        serve.process().destroy();
        assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        Serve again = serve("--data", data.toString());
        assertThat(get(again.url() + "/contracts/acme.crm-token/versions/latest")
                        .statusCode())
                .isEqualTo(200);
        assertThat(again.output()).doesNotContain("seeded "); // seeding is idempotent
        JsonNode list = JSON.readTree(get(again.url() + "/contracts").body());
        List<String> expected = new ArrayList<>(List.of("acme.crm-token"));
        Contracts.listBundled().forEach(bundled -> expected.add(bundled.name()));
        expected.sort(null);
        assertThat(list.path("contracts").values())
                .extracting(c -> c.path("name").asString())
                .containsExactlyElementsOf(expected);
        assertThat(expected).contains("registry-publisher", "mcp-access-token");
    }

    @Test
    void serveWhenPostgresAndIssuerThenRealTokenPublishesAndPasswordNeverInArgsOrOutput() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.createDatabase();
        Path passwordFile = Files.writeString(dir.resolve("db-password"), postgres.password() + "\n");
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.publicJwks());
        String audience = "https://registry.example.test";
        Serve serve = serve(
                java.util.Map.of("TOKENCONTRACT_DB_USER", postgres.user()),
                "--db",
                url,
                "--db-password-file",
                passwordFile.toString(),
                "--issuer",
                TestTokens.ISSUER,
                "--jwks",
                jwks.toString(),
                "--audience",
                audience,
                "--data",
                dir.resolve("unused").toString());
        long now = java.time.Instant.now().getEpochSecond();
        TestTokens token = TestTokens.mcp()
                .claim("aud", audience)
                .claim("iat", now)
                .claim("nbf", now)
                .claim("exp", now + 600)
                .claim("scope", "contracts:write")
                .without("roles")
                .without("tenant_id");
        token.claimArray("namespaces", "acme");
        String contract = Contracts.bundled("mcp-access-token@1.0.0")
                .document()
                .toString()
                .replace("mcp-access-token", "acme.crm-token");

        HttpResponse<String> created =
                post(serve.url() + "/contracts/acme.crm-token/versions", contract, token.signRsa());
        HttpResponse<String> otherNamespace = post(
                serve.url() + "/contracts/billing/versions",
                contract.replace("acme.crm-token", "billing"),
                token.signRsa());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(otherNamespace.statusCode()).isEqualTo(403);
        assertThat(get(serve.url() + "/contracts/acme.crm-token/versions/1.0.0").statusCode())
                .isEqualTo(200);
        assertThat(get(serve.url() + "/health/ready").statusCode()).isEqualTo(200);
        assertThat(serve.output())
                .contains("writes need tokens from " + TestTokens.ISSUER + " for audience " + audience)
                .doesNotContain(postgres.password());
        assertThat(serve.process().info().arguments().map(List::of).orElse(List.of()))
                .noneMatch(a -> a.contains(postgres.password()));
        assertThat(Files.exists(dir.resolve("unused").resolve("registry.mv.db")))
                .isFalse(); // PostgreSQL, not H2
    }
}
