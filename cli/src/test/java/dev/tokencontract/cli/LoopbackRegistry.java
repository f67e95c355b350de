package dev.tokencontract.cli;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.registry.DevIssuer;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real registry ({@link RegistryServer}) over an in-memory store on a free loopback port, trusting a
 * throwaway ES256 issuer ({@link DevIssuer}, as {@code serve --dev}) whose admin token the tests use. Close it to
 * stop the server.
 */
final class LoopbackRegistry implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RegistryServer server;
    private final String token;

    private LoopbackRegistry() {
        DevIssuer issuer = DevIssuer.generate(Clock.systemUTC());
        this.server = RegistryServer.builder()
                .store(ContractStores.inMemory())
                .publishers(issuer.publishers())
                .shutdownGrace(Duration.ZERO)
                .requestLog(line -> {}) // the tests assert on the CLI's output, not the access log
                .build()
                .start("127.0.0.1", 0);
        this.token = issuer.publisherToken(server.url());
    }

    static LoopbackRegistry start() {
        return new LoopbackRegistry();
    }

    String url() {
        return server.url();
    }

    /** A token with every scope (read, write, admin) and namespace {@code *}. */
    String token() {
        return token;
    }

    /** Publishes through the HTTP API (not the CLI), so tests of the CLI start from a known registry. */
    int publish(String json) throws Exception {
        String name = Contracts.parse(json).name();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/contracts/" + name + "/versions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The bundled mcp-access-token 1.0.0 renamed to {@code name} at {@code version}, optionally with one more required claim. */
    static String contract(String name, String version, boolean extraRequiredClaim) throws Exception {
        ObjectNode document =
                (ObjectNode) Contracts.bundled("mcp-access-token@1.0.0").document();
        document.put("$id", "https://tokencontract.dev/contracts/" + name + "/" + version);
        ((ObjectNode) document.get("x-contract")).put("name", name).put("version", version);
        if (extraRequiredClaim) {
            ((ObjectNode) document.get("properties")).putObject("department").put("type", "string");
            document.withArray("required").add("department");
        }
        return document.toPrettyString();
    }

    @Override
    public void close() {
        server.close();
    }
}
