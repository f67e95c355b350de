package dev.tokencontract.conformance.testing;

import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.contract.Contracts;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Starts an honest and a drifted in-test MCP server for manual runs of {@code tokencontract conform}
 * (the docs' real output came from this): {@code StubParties KEYS-DIR}. Writes the signing keys there,
 * prints the endpoints, and serves until killed.
 */
public final class StubParties {
    private StubParties() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SigningKeys keys = SigningKeys.generate("demo");
        keys.writePrivateJwks(dir.resolve("signing-keys.json"));
        var contract = Contracts.load("mcp-access-token@1.0.0");
        for (StubMcpServer.Drift drift : StubMcpServer.Drift.values()) {
            StubServer server = new StubMcpServer(
                            contract,
                            keys.publicKeySource(),
                            "https://login.example.test",
                            "https://mcp.example.test/mcp",
                            Clock.systemUTC(),
                            drift)
                    .serve();
            System.out.println(drift + " " + server.uri("/mcp"));
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
