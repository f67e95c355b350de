package dev.tokencontract.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer suite against real HTTP consumers on loopback: one that validates properly, one that does not. */
class ConformMojoTest {
    private static final Path CONTRACT = TestRegistry.SEED.resolve("acme.orders-token-1.0.0.json");
    private static final String ISSUER = "https://login.acme.example";
    private static final String AUDIENCE = "https://orders-mcp.acme.example";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private HttpServer server;

    @AfterEach
    void stopConsumer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String startConsumer(Predicate<String> accepts) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mcp", exchange -> answer(exchange, accepts));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    private static void answer(HttpExchange exchange, Predicate<String> accepts) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
        if (accepts.test(token)) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.getResponseHeaders()
                    .add(
                            "WWW-Authenticate",
                            "Bearer error=\"invalid_token\", error_description=\"rejected\", resource_metadata=\"http://"
                                    + exchange.getLocalAddress().getHostString() + ":"
                                    + exchange.getLocalAddress().getPort()
                                    + "/.well-known/oauth-protected-resource/mcp\"");
            exchange.sendResponseHeaders(401, -1);
        }
        exchange.close();
    }

    /** Validates with the public keys the goal wrote to jwksOut (read on first use: written before the suite runs). */
    private Predicate<String> validating() {
        return new Predicate<>() {
            private TokenValidator validator;

            @Override
            public synchronized boolean test(String token) {
                try {
                    if (validator == null) {
                        validator = TokenValidator.builder()
                                .contract(Contracts.fromFile(CONTRACT))
                                .keys(KeySource.jwksFile(dir.resolve("jwks.json")))
                                .expectIssuer(ISSUER)
                                .expectAudience(AUDIENCE)
                                .build();
                    }
                    return validator.validate(token).accepted();
                } catch (Exception e) {
                    return false;
                }
            }
        };
    }

    private ConformMojo mojo(String endpoint) {
        ConformMojo mojo = new ConformMojo();
        mojo.setLog(log);
        mojo.suite = "consumer";
        mojo.contract = CONTRACT.toString();
        mojo.issuer = ISSUER;
        mojo.audience = AUDIENCE;
        mojo.endpoint = endpoint;
        mojo.jwksOut = dir.resolve("jwks.json").toFile();
        mojo.reportsDirectory = dir.resolve("failsafe-reports").toFile();
        mojo.lockfile = dir.resolve("tokencontract.lock").toFile();
        mojo.cacheDir = dir.resolve("cache").toFile();
        mojo.tries = 20;
        mojo.seed = 42L;
        return mojo;
    }

    @Test
    void executeWhenConsumerValidatesThenPassesAndWritesJUnitXmlWhereFailsafeReportsLive() throws Exception {
        ConformMojo mojo = mojo(startConsumer(validating()));

        assertThatCode(mojo::execute).as(log::text).doesNotThrowAnyException();

        Path report = dir.resolve("failsafe-reports/TEST-tokencontract-consumer.xml");
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("<testsuites", "failures=\"0\"");
        assertThat(log.text()).contains("consumer suite, ", "(seed 42)", "JUnit XML written to " + report);
    }

    @Test
    void executeWhenConsumerAcceptsEverythingThenFailsWithTheCounterexampleAndTheXmlSaysSo() throws Exception {
        ConformMojo mojo = mojo(startConsumer(token -> true));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("properties failed")
                .hasMessageContaining("-Dtokencontract.seed=42");
        assertThat(log.text()).contains("FAILED", "shrunk counterexample");
        assertThat(Files.readString(dir.resolve("failsafe-reports/TEST-tokencontract-consumer.xml")))
                .containsPattern("failures=\"[1-9]");
    }

    @Test
    void executeWhenConsumerUnreachableThenCouldNotRunNotAFailure() {
        ConformMojo mojo = mojo("http://127.0.0.1:1/mcp");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("could not run");
    }

    @Test
    void executeWhenSetupIncompleteThenSetupErrorNamingTheParameter() {
        ConformMojo noEndpoint = mojo(null);
        assertThatThrownBy(noEndpoint::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("this suite needs <endpoint>");

        ConformMojo badSuite = mojo("http://127.0.0.1:1/mcp");
        badSuite.suite = "referee";
        assertThatThrownBy(badSuite::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("suite is consumer, producer or carrier, not 'referee'");

        ConformMojo producer = mojo(null);
        producer.suite = "producer";
        producer.tokenEndpoint = "ftp://example.test/token";
        assertThatThrownBy(producer::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<tokenEndpoint> is not an http(s) URL");
    }

    @Test
    void executeWhenContractNeitherFileNorPinNorBundledThenSetupError() {
        ConformMojo mojo = mojo("http://127.0.0.1:1/mcp");
        mojo.contract = "acme.nowhere@1.0.0";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("is not a file, a lockfile pin or a bundled contract");
    }
}
