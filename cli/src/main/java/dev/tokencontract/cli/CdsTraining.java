package dev.tokencontract.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The representative workload {@code bin/tokencontract} runs once under
 * {@code -XX:ArchiveClassesAtExit} to build the AppCDS archive: every command on a freshly signed
 * token, so the archive holds the classes a real {@code explain} loads. Hidden; output is discarded.
 * Exit 0 when every run ended as expected, so a broken build is noticed rather than archived.
 */
final class CdsTraining {
    static final String COMMAND = "__cds-training";

    private CdsTraining() {}

    static int run(Main main) throws IOException, JOSEException, ContractException {
        Path dir = Files.createTempDirectory("tokencontract-cds");
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID("training")
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
            Path contract = Files.writeString(
                    dir.resolve("contract.json"),
                    Contracts.load("mcp-access-token@latest").document().toString());
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("training")
                            .type(new JOSEObjectType("at+jwt"))
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer("https://login.example.test")
                            .subject("alice@example.test")
                            .audience("https://mcp.example.test/mcp")
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(600)))
                            .jwtID("training")
                            .claim("client_id", "crm-agent")
                            .claim("tenant_id", "acme")
                            .claim("roles", List.of("support"))
                            .claim("scope", "crm.read")
                            .build());
            jwt.sign(new RSASSASigner(key));
            String token = jwt.serialize();
            int failures = 0;
            for (String format : List.of("text", "json")) {
                failures += expect(
                        main,
                        ExitCode.OK,
                        "",
                        "explain",
                        "--jwks",
                        jwks.toString(),
                        "--issuer",
                        "https://login.example.test",
                        "--audience",
                        "https://mcp.example.test/mcp",
                        "--format",
                        format,
                        token);
                failures += expect(
                        main,
                        ExitCode.UNCHECKED,
                        token,
                        "explain",
                        "--contract",
                        "mcp-access-token@1",
                        "--format",
                        format);
                failures += expect(main, ExitCode.OK, "", "decode", "--format", format, token);
                failures += expect(main, ExitCode.OK, "", "lint", "--format", format, contract.toString());
                failures += expect(main, ExitCode.OK, "", "contracts", "--format", format);
            }
            failures += expect(main, ExitCode.USAGE, "", "explain", "--unknown-option");
            failures += expect(main, ExitCode.OK, "", "help", "explain");
            return failures == 0 ? ExitCode.OK : ExitCode.UNCHECKED;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Runs one command line silently; 1 when its exit code is not the expected one, else 0. */
    private static int expect(Main main, int exit, String stdin, String... args) {
        return main.run(args, silent(stdin)) == exit ? 0 : 1;
    }

    private static Io silent(String stdin) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        return new Io(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                sink,
                sink,
                Map.of(),
                Clock.systemUTC(),
                false);
    }
}
