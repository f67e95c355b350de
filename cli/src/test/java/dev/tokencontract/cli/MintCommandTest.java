package dev.tokencontract.cli;

import static dev.tokencontract.cli.CliRun.cli;
import static dev.tokencontract.cli.MintFixtures.EC;
import static dev.tokencontract.cli.MintFixtures.RSA;
import static dev.tokencontract.cli.MintFixtures.pem;
import static dev.tokencontract.cli.MintFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MintCommandTest {
    static final String MCP = "mcp-access-token@1.0.0";

    @TempDir
    Path dir;

    private CliRun.Result mint(String... extra) {
        String[] args = new String[extra.length + 1];
        args[0] = "mint";
        System.arraycopy(extra, 0, args, 1, extra.length);
        return cli().run(args);
    }

    private String jwksFile() {
        return write(dir, "public.json", MintFixtures.publicJwks(RSA, EC)).toString();
    }

    private CliRun.Result explain(String token, String contract, String... extra) {
        String[] args = new String[extra.length + 6];
        System.arraycopy(new String[] {"explain", "--contract", contract, "--jwks", jwksFile(), token}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return cli().run(args);
    }

    @Test
    void mintWhenPkcs8RsaKeyAndAlgThenTokenVerifiesAndExplainAccepts() throws Exception {
        Path key = write(dir, "rsa.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(RSA)));

        CliRun.Result result = mint(MCP, "--key", key.toString(), "--alg", "RS256", "--kid", "rsa-1", "--seed", "5");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JWSObject jws = JWSObject.parse(result.out().strip());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jws.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jws.getHeader().getKeyID()).isEqualTo("rsa-1");
        assertThat(jws.verify(new RSASSAVerifier(RSA.toRSAPublicKey()))).isTrue();
        CliRun.Result explained = explain(result.out().strip(), MCP, "--alg", "RS256");
        assertThat(explained.exit()).as(explained.out()).isZero();
        assertThat(explained.out()).contains("ACCEPTED");
    }

    @Test
    void mintWhenPkcs1RsaKeyWithPsThenSignsPs256() throws Exception {
        Path key = write(dir, "rsa1.pem", pem("RSA PRIVATE KEY", MintFixtures.pkcs1(RSA)));

        CliRun.Result result = mint(MCP, "--key", key.toString(), "--alg", "PS256", "--kid", "rsa-1");

        assertThat(result.exit()).as(result.err()).isZero();
        JWSObject jws = JWSObject.parse(result.out().strip());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(jws.verify(new RSASSAVerifier(RSA.toRSAPublicKey()))).isTrue();
    }

    @Test
    void mintWhenSec1EcKeyThenEs256IsTheOnlyChoiceAndVerifies() throws Exception {
        Path key = write(
                dir,
                "ec.pem",
                "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                        + pem("EC PRIVATE KEY", MintFixtures.sec1(EC)));

        CliRun.Result result = mint(MCP, "--key", key.toString(), "--kid", "ec-1");

        assertThat(result.exit()).as(result.err()).isZero();
        JWSObject jws = JWSObject.parse(result.out().strip());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.verify(new ECDSAVerifier(EC.toECPublicKey()))).isTrue();
        assertThat(explain(result.out().strip(), MCP).exit()).isZero();
    }

    @Test
    void mintWhenPrivateJwkSetWithAlgAndKidThenNeitherOptionIsNeeded() throws Exception {
        Path key = write(dir, "private.json", MintFixtures.privateJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.PS256)));

        CliRun.Result result = mint(MCP, "--key", key.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        JWSObject jws = JWSObject.parse(result.out().strip());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
        assertThat(jws.getHeader().getKeyID()).isEqualTo("rsa-1");
    }

    @Test
    void mintWhenJwkSetHasSeveralKeysThenKidPicksOneAndWithoutKidRefused() throws Exception {
        Path key = write(dir, "private.json", MintFixtures.privateJwks(RSA, EC));

        CliRun.Result picked = mint(MCP, "--key", key.toString(), "--kid", "ec-1");
        CliRun.Result unpicked = mint(MCP, "--key", key.toString());
        CliRun.Result unknown = mint(MCP, "--key", key.toString(), "--kid", "nope");

        assertThat(picked.exit()).as(picked.err()).isZero();
        assertThat(JWSObject.parse(picked.out().strip()).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.ES256);
        assertThat(unpicked.exit()).isEqualTo(2);
        assertThat(unpicked.err()).contains("holds 2 keys; pick one with --kid (rsa-1, ec-1)");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no key with kid 'nope'");
    }

    @Test
    void mintWhenHmacContractAndSecretFromEnvOrFileThenHs256Verifies() throws Exception {
        Path contract = hmacContract();
        byte[] secret = "an-hmac-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.US_ASCII);
        Path file =
                Files.write(dir.resolve("secret"), (new String(secret, StandardCharsets.US_ASCII) + "\n").getBytes());

        CliRun.Result fromEnv = cli().env("MINT_SECRET", new String(secret, StandardCharsets.US_ASCII))
                .run("mint", contract.toString(), "--secret-env", "MINT_SECRET", "--kid", "h1");
        CliRun.Result fromFile = mint(contract.toString(), "--secret-file", file.toString(), "--kid", "h1");

        assertThat(fromEnv.exit()).as(fromEnv.err()).isZero();
        assertThat(JWSObject.parse(fromEnv.out().strip()).verify(new MACVerifier(secret)))
                .isTrue();
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(JWSObject.parse(fromFile.out().strip()).verify(new MACVerifier(secret)))
                .isTrue();
    }

    @Test
    void mintWhenHmacSecretIsShortThenRefusedWithoutEchoingIt() throws Exception {
        Path contract = hmacContract();

        CliRun.Result result = cli().env("SHORT", "tiny-secret-123")
                .run("mint", contract.toString(), "--secret-env", "SHORT", "--kid", "h");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("the HMAC secret has 15 bytes; HS256 needs at least 32");
        assertThat(result.out() + result.err()).doesNotContain("tiny-secret-123");
    }

    @Test
    void mintWhenSecretEnvGivenASecretInsteadOfANameThenRefusedWithoutEchoingIt() {
        CliRun.Result result = mint(MCP, "--secret-env", "s3cr3t/value!with-symbols");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("takes the NAME of an environment variable");
        assertThat(result.err()).doesNotContain("s3cr3t");
    }

    @Test
    void mintWhenKeyDoesNotFitTheAlgorithmThenRefusedWithTheReason() {
        Path rsa = write(dir, "rsa.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(RSA)));
        Path weak = write(dir, "weak.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(MintFixtures.generateRsa("w", 1024))));
        Path p384 = write(
                dir,
                "p384.pem",
                pem(
                        "PRIVATE KEY",
                        MintFixtures.pkcs8(MintFixtures.generateEc("e", com.nimbusds.jose.jwk.Curve.P_384))));

        assertRefused(
                mint(MCP, "--key", rsa.toString(), "--alg", "ES256", "--kid", "k"), "an RSA key cannot sign ES256");
        assertRefused(mint(MCP, "--key", rsa.toString(), "--alg", "HS256", "--kid", "k"), "does not allow HS256");
        assertRefused(mint(MCP, "--key", rsa.toString(), "--alg", "none", "--kid", "k"), "does not allow none");
        assertRefused(
                mint(MCP, "--key", rsa.toString(), "--kid", "k"),
                "allows RS256, PS256 for this RSA key; pick one with --alg");
        assertRefused(
                mint(MCP, "--key", weak.toString(), "--alg", "RS256", "--kid", "k"),
                "has 1024 bits; RS256 needs at least 2048");
        assertRefused(mint(MCP, "--key", p384.toString(), "--kid", "k"), "the EC key is on P-384; ES256 needs P-256");
    }

    @Test
    void mintWhenJwkAlgContradictsAlgOptionThenRefused() {
        Path key = write(dir, "private.json", MintFixtures.privateJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.RS256)));

        assertRefused(mint(MCP, "--key", key.toString(), "--alg", "PS256"), "bound to RS256 by its JWK's alg");
    }

    @Test
    void mintWhenContractRequiresKidAndNoneIsKnownThenRefused() {
        Path key = write(dir, "rsa.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(RSA)));

        assertRefused(mint(MCP, "--key", key.toString(), "--alg", "RS256"), "requires a kid in the header: pass --kid");
    }

    @Test
    void mintWhenKeyFileIsPublicEncryptedOrForeignThenRefusedWithoutPrintingIt() throws Exception {
        String body = Base64.getMimeEncoder().encodeToString(new byte[300]);
        String[][] cases = {
            {pem("PUBLIC KEY", MintFixtures.publicDer(RSA)), "only a public key (PUBLIC KEY)"},
            {pem("CERTIFICATE", new byte[64]), "only a public key (CERTIFICATE)"},
            {MintFixtures.publicJwks(RSA), "is public only"},
            {pem("ENCRYPTED PRIVATE KEY", new byte[300]), "is encrypted"},
            {
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\n" + body
                        + "\n-----END RSA PRIVATE KEY-----\n",
                "is encrypted"
            },
            {pem("OPENSSH PRIVATE KEY", new byte[100]), "ssh-keygen -p -m PKCS8"},
            {pem("PRIVATE KEY", new byte[300]), "neither an RSA nor an EC key"},
            {pem("RSA PRIVATE KEY", new byte[300]), "cannot be read"},
            {pem("EC PRIVATE KEY", new byte[] {0x30, 0x7f, 0x02}), "damaged"},
            {"-----BEGIN PRIVATE KEY-----\n%%%not base64%%%\n-----END PRIVATE KEY-----\n", "not valid base64"},
            {
                pem("PRIVATE KEY", MintFixtures.pkcs8(RSA)) + pem("PRIVATE KEY", MintFixtures.pkcs8(EC)),
                "holds 2 private keys"
            },
            {"{\"keys\": []}", "holds no keys"},
            {"{\"keys\": [{\"kty\": \"RSA\"}]}", "not a JWK or JWK set"},
            {"{\"kty\":\"oct\",\"k\":\"AAAA\",\"kty\":\"RSA\"}", "not valid JSON"},
            {"{\"keys\": [", "not valid JSON"},
            {"just some text", "neither PEM"},
            {"", "neither PEM"},
        };
        for (String[] c : cases) {
            Path key = write(dir, "key", c[0]);
            CliRun.Result result = mint(MCP, "--key", key.toString(), "--kid", "rsa-1", "--alg", "RS256");
            assertRefused(result, c[1]);
            assertThat(result.err())
                    .as(c[1])
                    .doesNotContain(body.substring(0, 40))
                    .doesNotContain("\"n\"");
        }
    }

    @Test
    void mintWhenKeyFileIsMissingBinaryHugeOrADirectoryThenRefused() throws Exception {
        Path binary = Files.write(dir.resolve("key.der"), MintFixtures.pkcs8(RSA));
        Path huge = Files.write(dir.resolve("huge.pem"), new byte[MintKeys.MAX_KEY_FILE_BYTES + 10]);

        assertRefused(mint(MCP, "--key", dir.resolve("absent.pem").toString(), "--kid", "k"), "no key file at");
        assertRefused(mint(MCP, "--key", binary.toString(), "--kid", "k"), "not text (a DER key?");
        assertRefused(mint(MCP, "--key", huge.toString(), "--kid", "k"), "larger than 262144 bytes");
        assertRefused(mint(MCP, "--key", dir.toString(), "--kid", "k"), "is a directory");
    }

    @Test
    void mintWhenNoKeyOrTwoKeySourcesThenUsageError() {
        CliRun.Result none = mint(MCP);
        CliRun.Result two = mint(MCP, "--key", "a", "--secret-file", "b");

        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no key: give --key FILE, --secret-file FILE or --secret-env NAME");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("cannot be combined");
    }

    @Test
    void mintWhenClaimBreaksTheContractThenNothingIsSignedUnlessAllowInvalid() throws Exception {
        Path key = write(dir, "private.json", MintFixtures.privateJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.RS256)));

        CliRun.Result refused = mint(MCP, "--key", key.toString(), "--claim", "roles=admin");
        CliRun.Result allowed = mint(MCP, "--key", key.toString(), "--claim", "roles=admin", "--allow-invalid");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("CLAIM_TYPE_MISMATCH  /claims/roles");
        assertThat(allowed.exit()).isZero();
        assertThat(allowed.err()).contains("warning: --allow-invalid", "CLAIM_TYPE_MISMATCH /claims/roles");
        CliRun.Result explained = explain(allowed.out().strip(), MCP, "--alg", "RS256");
        assertThat(explained.exit()).isEqualTo(1);
        assertThat(explained.out()).contains("CLAIM_TYPE_MISMATCH", "REJECTED");
    }

    @Test
    void mintWhenTtlExceedsTheContractsMaxLifetimeThenRefused() {
        Path key = write(dir, "private.json", MintFixtures.privateJwks(MintFixtures.withAlg(RSA, JWSAlgorithm.RS256)));

        CliRun.Result result = mint(MCP, "--key", key.toString(), "--ttl", "7201");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("maxLifetimeSeconds 7200");
    }

    @Test
    void mintWhenKidOrAlgIsHostileThenRefusedAndPrintedInert() {
        Path key = write(dir, "rsa.pem", pem("PRIVATE KEY", MintFixtures.pkcs8(RSA)));

        CliRun.Result controlKid = mint(MCP, "--key", key.toString(), "--alg", "RS256", "--kid", "a\u001b[2Jb");
        CliRun.Result longKid = mint(MCP, "--key", key.toString(), "--alg", "RS256", "--kid", "k".repeat(256));
        CliRun.Result escapeAlg = mint(MCP, "--key", key.toString(), "--kid", "k", "--alg", "RS256\u001b[31m");
        CliRun.Result hugeAlg = mint(MCP, "--key", key.toString(), "--kid", "k", "--alg", "A".repeat(100_000));

        assertThat(controlKid.exit()).isEqualTo(2);
        assertThat(longKid.exit()).isEqualTo(2);
        assertThat(controlKid.err()).contains("--kid must be 1 to 255 characters without control characters");
        assertRefused(escapeAlg, "does not allow RS256\\u001b[31m");
        assertThat(escapeAlg.err()).doesNotContain("\u001b");
        assertRefused(hugeAlg, "does not allow AAAA");
        assertThat(hugeAlg.err().length()).isLessThan(500);
    }

    private static void assertRefused(CliRun.Result result, String reason) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains(reason).doesNotContain("Exception").doesNotContain("internal error");
    }

    /** mcp-access-token with x-jose allowing HS256 only, and no kid requirement. */
    private Path hmacContract() throws Exception {
        String document = dev.tokencontract.contract.Contracts.load(MCP)
                .document()
                .toString()
                .replace("\"alg\":[\"RS256\",\"PS256\",\"ES256\"]", "\"alg\":[\"HS256\"]")
                .replace("\"name\":\"mcp-access-token\"", "\"name\":\"hmac-token\"")
                .replace("mcp-access-token/1.0.0", "hmac-token/1.0.0");
        assertThat(document).contains("\"alg\":[\"HS256\"]");
        return Files.writeString(dir.resolve("hmac-token.json"), document);
    }
}
