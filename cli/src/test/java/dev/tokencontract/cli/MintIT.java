package dev.tokencontract.cli;

import static dev.tokencontract.cli.MintFixtures.EC;
import static dev.tokencontract.cli.MintFixtures.RSA;
import static dev.tokencontract.cli.MintFixtures.pem;
import static dev.tokencontract.cli.MintFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end with the real jar as separate processes: mint, then explain and access with the public key. */
class MintIT {
    private static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    private JarProcess jar;

    @BeforeAll
    static void jarBuilt() {
        assertThat(JarProcess.JAR).as("run 'package' first").isRegularFile();
    }

    @BeforeEach
    void setUp() {
        jar = JarProcess.in(dir);
    }

    @Test
    void mintWhenPkcs1RsaKeyThenExplainWithThePublicPemAcceptsAndAccessAnswers() throws Exception {
        Path key = write(dir, "rsa.pem", pem("RSA PRIVATE KEY", MintFixtures.pkcs1(RSA)));
        Path publicPem = write(dir, "rsa.pub.pem", pem("PUBLIC KEY", MintFixtures.publicDer(RSA)));

        JarProcess.Result minted = jar.run(
                "mint",
                MCP,
                "--key",
                key.toString(),
                "--alg",
                "RS256",
                "--kid",
                "rsa-1",
                "--claim",
                "scope=crm.read",
                "--claim",
                "roles=[\"hr\"]",
                "--claim",
                "iss=https://login.example.test");
        String token = minted.out().strip();
        JarProcess.Result explained = jar.stdin(token)
                .run(
                        "explain",
                        "-c",
                        MCP,
                        "--pem",
                        publicPem.toString(),
                        "--alg",
                        "RS256",
                        "--issuer",
                        "https://login.example.test");
        JarProcess.Result access = jar.stdin(token).run("access", MCP, "--pem", publicPem.toString(), "--alg", "RS256");

        assertThat(minted.exit()).as(minted.err()).isZero();
        assertThat(minted.err()).startsWith("tokencontract: seed ");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(explained.exit()).as(explained.out()).isZero();
        assertThat(explained.out()).contains("ACCEPTED");
        assertThat(access.exit()).as(access.out()).isZero();
        assertThat(access.out()).contains("(VERIFIED)", "2 of 4 operations allowed");
    }

    @Test
    void mintWhenSec1EcKeyThenExplainWithThePublicJwksAccepts() throws Exception {
        Path key = write(dir, "ec.pem", pem("EC PRIVATE KEY", MintFixtures.sec1(EC)));
        Path jwks = write(dir, "jwks.json", MintFixtures.publicJwks(EC));

        JarProcess.Result minted = jar.run("mint", MCP, "--key", key.toString(), "--kid", "ec-1", "--seed", "9");
        JarProcess.Result explained = jar.stdin(minted.out()).run("explain", "-c", MCP, "--jwks", jwks.toString());

        assertThat(minted.exit()).as(minted.err()).isZero();
        assertThat(minted.err()).isEmpty();
        assertThat(explained.exit()).as(explained.out()).isZero();
    }

    @Test
    void exampleWhenSameSeedInTwoProcessesThenIdenticalClaims() throws Exception {
        JarProcess.Result first = jar.run("example", MCP, "--seed", "2026", "--at", "2026-12-01T00:00:00Z");
        JarProcess.Result second = jar.run("example", MCP, "--seed", "2026", "--at", "2026-12-01T00:00:00Z");

        assertThat(first.exit()).isZero();
        assertThat(first.out()).isNotBlank().isEqualTo(second.out());
    }

    @Test
    void mintWhenClaimBreaksTheContractThenRefusedAndWithAllowInvalidExplainRejectsForThatClaim() throws Exception {
        Path key = write(dir, "ec.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(EC)));
        Path jwks = write(dir, "jwks.json", MintFixtures.publicJwks(EC));
        String[] args = {"mint", MCP, "--key", key.toString(), "--kid", "ec-1", "--claim", "tenant_id=no spaces allowed"
        };

        JarProcess.Result refused = jar.run(args);
        String[] allowing = java.util.Arrays.copyOf(args, args.length + 1);
        allowing[args.length] = "--allow-invalid";
        JarProcess.Result negative = jar.run(allowing);
        JarProcess.Result explained = jar.stdin(negative.out()).run("explain", "-c", MCP, "--jwks", jwks.toString());

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("CLAIM_PATTERN_MISMATCH  /claims/tenant_id");
        assertThat(negative.exit()).isZero();
        assertThat(explained.exit()).isEqualTo(1);
        assertThat(explained.out()).contains("CLAIM_PATTERN_MISMATCH", "/claims/tenant_id", "REJECTED");
    }

    @Test
    void mintWhenSecretComesFromTheEnvironmentThenItIsNeverPrinted() throws Exception {
        String secret = "process-env-secret-0123456789-abcdefghij";
        Path contract = write(
                dir,
                "hmac.json",
                dev.tokencontract.contract.Contracts.load(MCP)
                        .document()
                        .toString()
                        .replace("\"alg\":[\"RS256\",\"PS256\",\"ES256\"]", "\"alg\":[\"HS256\"]"));

        JarProcess.Result minted = jar.env("TC_SECRET", secret)
                .run("mint", contract.toString(), "--secret-env", "TC_SECRET", "--kid", "h1", "--seed", "1");
        JarProcess.Result tooShort = jar.env("TC_SHORT", "short-secret-xyz")
                .run("mint", contract.toString(), "--secret-env", "TC_SHORT", "--kid", "h1");
        Path secretFile = write(dir, "secret", secret + "\n");
        JarProcess.Result explained = jar.stdin(minted.out())
                .run("explain", "-c", contract.toString(), "--secret-file", secretFile.toString());

        assertThat(minted.exit()).as(minted.err()).isZero();
        assertThat(minted.out() + minted.err()).doesNotContain(secret);
        assertThat(tooShort.exit()).isEqualTo(2);
        assertThat(tooShort.out() + tooShort.err()).doesNotContain("short-secret-xyz");
        assertThat(explained.exit()).as(explained.out()).isZero();
        assertThat(explained.out()).doesNotContain(secret);
    }
}
