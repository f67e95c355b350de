package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real jar twice: {@code serve --dev} answers {@code POST /ui/api/explain} with the report {@code explain
 * --format json} prints for the same token (only the moment and the key source's name differ), it trusts the dev
 * key, and nothing of the token appears in anything the server process writes (stdout, stderr).
 */
class ExplainEndpointIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String startDevRegistry(Path data) throws Exception {
        server = new ProcessBuilder(
                        JAVA,
                        "-jar",
                        JarProcess.JAR.toString(),
                        "serve",
                        "--dev",
                        "--port",
                        "0",
                        "--data",
                        data.toString())
                .redirectOutput(dir.resolve("serve.out").toFile())
                .redirectError(dir.resolve("serve.err").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.readString(dir.resolve("serve.out"), StandardCharsets.UTF_8));
            if (matcher.find() && Files.exists(data.resolve("dev-publisher.token"))) {
                return matcher.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + Files.readString(dir.resolve("serve.err")));
    }

    private static HttpResponse<String> explain(String url, ObjectNode body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/ui/api/explain"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void explainEndpointWhenDevTokenThenSameReportAsTheCliAndNoTraceOfTheTokenInTheServersOutput() throws Exception {
        Path data = dir.resolve("data");
        String url = startDevRegistry(data);
        String token = Files.readString(data.resolve("dev-publisher.token")).strip();
        ObjectNode body = JSON.createObjectNode().put("token", token);
        body.putObject("contract").put("name", "registry-publisher").put("version", "1.0.0");
        body.put("issuer", "urn:tokencontract:dev-issuer").put("audience", url);
        ObjectNode drifted = body.deepCopy().put("audience", "https://elsewhere.example.test");

        HttpResponse<String> accepted = explain(url, body);
        HttpResponse<String> rejected = explain(url, drifted);
        JarProcess.Result cli = JarProcess.in(dir)
                .stdin(token)
                .run(
                        "explain",
                        "--format",
                        "json",
                        "--contract",
                        "registry-publisher@1.0.0",
                        "--jwks",
                        data.resolve("dev-jwks.json").toString(),
                        "--issuer",
                        "urn:tokencontract:dev-issuer",
                        "--audience",
                        url);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode fromServer = comparable(JSON.readTree(accepted.body()));
        JsonNode fromCli = comparable(JSON.readTree(cli.out()));
        assertThat(fromServer).isEqualTo(fromCli);
        assertThat(fromServer.path("verdict").asString()).isEqualTo("ACCEPTED");
        JsonNode report = JSON.readTree(rejected.body());
        assertThat(report.path("verdict").asString()).isEqualTo("REJECTED");
        assertThat(report.path("findings").toString()).contains("AUD_MISMATCH");

        server.destroy(); // SIGTERM: the server writes its last lines and stops
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String written = Files.readString(dir.resolve("serve.out")) + Files.readString(dir.resolve("serve.err"));
        assertThat(written).contains("\"route\":\"/ui/api/explain\"");
        for (String part : token.split("\\.")) {
            assertThat(written).doesNotContain(part);
        }
    }

    /** The report without what differs by nature: when it was judged, and how the key source is named. */
    private static JsonNode comparable(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("evaluatedAt");
        ((ObjectNode) copy.path("checks")).remove("keys");
        return copy;
    }
}
