package dev.tokencontract.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.registry.testing.LiveRegistry;
import dev.tokencontract.spring.app.EchoMcpApplication;
import dev.tokencontract.testing.CountingHttpServer;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Actuator's {@code /actuator/health} over real HTTP on port 0, with the contract pinned through a lockfile
 * from a registry on port 0 and keys from a real JWKS endpoint. The health endpoint sits behind the same
 * bearer-token chain as the MCP endpoint.
 */
@SpringBootTest(
        classes = EchoMcpApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always"
        })
class TokencontractHealthTest {
    static final CountingHttpServer JWKS = CountingHttpServer.start().respond(200, TestKeys.publicJwks());
    static final LiveRegistry REGISTRY = LiveRegistry.start();
    /** The digest the real registry gave the bundled contract it now serves (of its canonical form). */
    static final String DIGEST = REGISTRY.publish(bundled()).digest();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    static String bundled() {
        try (InputStream in = TokencontractHealthTest.class.getResourceAsStream(
                "/tokencontract/contracts/mcp-access-token/1.0.0.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void tokencontract(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("tokencontract-health");
        Path lock = dir.resolve("tokencontract.lock");
        Lockfile.of(
                        REGISTRY.url(),
                        List.of(new LockEntry("mcp-access-token", "1.0.0", DIGEST.substring("sha-256:".length()))))
                .write(lock);
        registry.add("tokencontract.contract", () -> "mcp-access-token");
        registry.add("tokencontract.registry.url", REGISTRY::url);
        registry.add("tokencontract.registry.lockfile", lock::toString);
        registry.add(
                "tokencontract.registry.cache-dir", () -> dir.resolve("cache").toString());
        registry.add("tokencontract.audience", () -> FreshTokens.RESOURCE);
        registry.add("tokencontract.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("tokencontract.jwks-uri", () -> JWKS.uri("/jwks.json").toString());
    }

    @AfterAll
    static void stop() {
        JWKS.close();
        REGISTRY.close();
    }

    HttpResponse<String> health(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthWhenKeysLoadThenUpWithTheKeySourceAndThePinnedDigest() throws Exception {
        int before = JWKS.requests();

        HttpResponse<String> response =
                health("/actuator/health/tokencontract", FreshTokens.fresh().signRsa());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .endsWith(",\"status\":\"UP\"}")
                .contains("\"jwksUri\":\"" + JWKS.uri("/jwks.json") + "\"")
                .contains("\"reachable\":true")
                .contains("\"keys\":")
                .contains("\"reference\":\"mcp-access-token@1.0.0\"")
                .contains("\"digest\":\"" + DIGEST + "\"")
                .contains("\"origin\":\"" + REGISTRY.url() + "\"")
                .contains("\"offlineCopy\":false")
                .doesNotContain("\"error\"");
        assertThat(JWKS.requests()).isGreaterThan(before);
    }

    @Test
    void healthWhenNoTokenThen401AndNoDetails() throws Exception {
        HttpResponse<String> response = health("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("jwksUri").doesNotContain("digest");
    }
}
