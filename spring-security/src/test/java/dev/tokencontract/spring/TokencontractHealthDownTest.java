package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.LockClient;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistrySettings;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.spring.app.EchoMcpApplication;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The health endpoint when one realm's keys cannot be loaded (nothing listens at its JWKS URL) and the
 * registry is gone (the contract comes from the verified offline copy): DOWN, 503, saying both. The caller
 * authenticates with a token of the other, healthy realm, over real HTTP on port 0.
 */
@SpringBootTest(
        classes = EchoMcpApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always"
        })
class TokencontractHealthDownTest {
    static final CountingHttpServer JWKS = CountingHttpServer.start().respond(200, TestKeys.publicJwks());
    static final String BROKEN_REALM = "https://login.example.test/realms/broken";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tokencontract(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("tokencontract-health-down");
        Path lock = dir.resolve("tokencontract.lock");
        String url;
        try (LiveRegistry online = LiveRegistry.start()) {
            online.publish(TokencontractHealthTest.bundled());
            url = online.url();
            LockClient.of(RegistryClient.create(url, RegistrySettings.defaults().withCacheDir(dir.resolve("cache"))))
                    .lock(List.of("mcp-access-token@1.0.0"), null)
                    .write(lock);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        registry.add("tokencontract.contract", () -> "mcp-access-token");
        registry.add("tokencontract.registry.url", () -> url);
        registry.add("tokencontract.registry.lockfile", lock::toString);
        registry.add(
                "tokencontract.registry.cache-dir", () -> dir.resolve("cache").toString());
        registry.add("tokencontract.audience", () -> FreshTokens.RESOURCE);
        registry.add("tokencontract.issuers[0].issuer-uri", () -> TestTokens.ISSUER);
        registry.add(
                "tokencontract.issuers[0].jwks-uri",
                () -> JWKS.uri("/jwks.json").toString());
        registry.add("tokencontract.issuers[1].issuer-uri", () -> BROKEN_REALM);
        registry.add("tokencontract.issuers[1].jwks-uri", () -> "http://127.0.0.1:" + closedPort + "/jwks.json");
    }

    @AfterAll
    static void stop() {
        JWKS.close();
    }

    @Test
    void healthWhenOneRealmsJwksUnreachableThen503DownNamingTheErrorAndTheOfflineCopy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .header(
                                        "Authorization",
                                        "Bearer " + FreshTokens.fresh().signRsa())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .contains("\"tokencontract\":{\"details\"")
                .contains("}},\"status\":\"DOWN\"}}")
                .endsWith("\"status\":\"DOWN\"}")
                .contains("\"issuer\":\"" + TestTokens.ISSUER + "\",\"jwksUri\":\"" + JWKS.uri("/jwks.json")
                        + "\",\"reachable\":true")
                .contains("\"issuer\":\"" + BROKEN_REALM + "\"")
                .contains("\"reachable\":false")
                .contains("unreachable: ConnectException")
                .contains("\"lastRefresh\":\"never\"")
                .contains("\"offlineCopy\":true")
                .contains("REGISTRY_OFFLINE_COPY");
    }
}
