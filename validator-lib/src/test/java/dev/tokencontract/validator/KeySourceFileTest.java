package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.FixtureFiles;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.RawJws;
import dev.tokencontract.testing.RealFixtures;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key sources read from files, documents and the environment: JWKS, PEM, HMAC secrets. */
class KeySourceFileTest {
    private static final Set<FindingCode> KEY_REFUSALS = Set.of(
            FindingCode.KID_UNKNOWN,
            FindingCode.SIGNATURE_INVALID,
            FindingCode.SIGNATURE_NOT_VERIFIABLE,
            FindingCode.KEY_UNSUPPORTED,
            FindingCode.KEY_ALG_MISMATCH);

    @TempDir
    Path dir;

    static Stream<Path> fixtureJwks() {
        return FixtureFiles.list("jwks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureJwks")
    void jwksFileWhenRealIdpSetThenLoadsOrFailsClearlyAndNeverAcceptsOurToken(Path file) {
        KeySource keys;
        try {
            keys = KeySource.jwksFile(file);
        } catch (KeySourceException e) {
            assertThat(e.getMessage()).contains(file.getFileName().toString());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("loading " + file + " threw instead of a KeySourceException", e);
        }

        ValidationReport report = judge(
                Judge.validator(Judge.mcpWithJwks().contract(), keys),
                TestTokens.mcp().signRsa());

        assertThat(keys.description()).contains(file.getFileName().toString()).contains("keys");
        assertThat(report.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(report.errors()).extracting(Finding::code).isNotEmpty().allMatch(KEY_REFUSALS::contains);
    }

    @Test
    void jwksFileWhenSetIsEmptyThenKidUnknownSaysSourceIsEmpty() throws Exception {
        KeySource keys = KeySource.jwksFile(FixtureFiles.path("jwks/panva-wellknown__stackoverflow.jwks.json"));

        ValidationReport report = judge(
                Judge.validator(Judge.mcpWithJwks().contract(), keys),
                TestTokens.mcp().signRsa());

        assertRejected(report, FindingCode.KID_UNKNOWN, "/header/kid");
        assertThat(Judge.finding(report, FindingCode.KID_UNKNOWN).expected()).contains("the key source is empty");
    }

    @Test
    void jwksWhenSetContainsPrivateParametersThenWarnsAndUsesPublicPart() throws Exception {
        KeySource keys = KeySource.jwks(new JWKSet(TestKeys.RSA).toString(false));

        ValidationReport report = judge(
                Judge.validator(Judge.mcpWithJwks().contract(), keys),
                TestTokens.mcp().signRsa());

        assertThat(keys.warnings())
                .singleElement()
                .asString()
                .contains("'rsa-1'")
                .contains("private key parameters");
        assertThat(report.verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void jwksFileWhenSpringPrivateParamsFixtureThenLoadsTwoKeysWithoutWarningBecauseItHoldsOnlyPublicParameters()
            throws Exception {
        // INVENTORY.md says this set leaks d, p, q, dp, dq, qi; the file holds only n/e and x/y. The warning
        // itself is proven by jwksWhenSetContainsPrivateParametersThenWarnsAndUsesPublicPart.
        Path file = FixtureFiles.path("jwks/spring-security__NimbusJwtDecoderTests__JWK_SET-with-private-params.json");

        KeySource keys = KeySource.jwksFile(file);

        assertThat(Files.readString(file)).doesNotContain("\"d\"");
        assertThat(keys.description()).contains("(2 keys)");
        assertThat(keys.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"keys\": {}}", "{\"keys\": [1, 2]", "not json"})
    void jwksWhenNotAJwkSetThenKeySourceException(String document) {
        assertThatThrownBy(() -> KeySource.jwks(document))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("JWK set");
    }

    @Test
    void jwksFileWhenMissingThenKeySourceExceptionNamesFile() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> KeySource.jwksFile(missing))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void pemWhenRsaPublicKeyThenTokenAccepted() throws Exception {
        ValidationReport report = judge(Judge.mcpWithPem(), TestTokens.mcp().signRsa());

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void pemFileWhenEcPublicKeyThenEs256TokenAccepted() throws Exception {
        Path pem = write("ec.pem", pem("PUBLIC KEY", TestKeys.EC.toECPublicKey().getEncoded()));
        TokenValidator validator = Judge.validator(Judge.mcpWithJwks().contract(), KeySource.pemFile(pem));

        ValidationReport report = judge(
                validator,
                TestTokens.mcp().header("alg", "ES256").header("kid", "ec-1").signEc(TestKeys.EC));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
        assertThat(validator.keyDescription()).contains("EC P-256");
    }

    @Test
    void pemWhenCertificateThenItsKeyVerifiesRealGitHubToken() throws Exception {
        // The x5c certificate GitHub publishes for the key that signed the fixture token.
        String certificate = RealFixtures.x5c(RealFixtures.GITHUB_JWKS, RealFixtures.GITHUB_KID);
        TokenValidator validator = RealFixtures.githubValidator(
                KeySource.pem(pem("CERTIFICATE", Base64.getDecoder().decode(certificate)), "RS256"));

        ValidationReport report =
                validator.validate(RealFixtures.githubToken(), RealFixtures.insideLifetime(RealFixtures.githubToken()));

        assertThat(report.has(FindingCode.SIGNATURE_VERIFIED))
                .as("findings %s", report.findings())
                .isTrue();
        assertThat(report.findings(Stage.SIGNATURE)).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"})
    void pemWhenPrivateKeyThenRefused(String label) throws Exception {
        String pem = pem(label, TestKeys.RSA.toRSAPrivateKey().getEncoded());

        assertThatThrownBy(() -> KeySource.pem(pem))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("private key");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "hello",
                "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "-----BEGIN OPENSSH PUBLIC KEY-----\nAAAA\n-----END OPENSSH PUBLIC KEY-----"
            })
    void pemWhenNotAUsablePublicKeyThenKeySourceException(String pem) {
        assertThatThrownBy(() -> KeySource.pem(pem))
                .isInstanceOf(KeySourceException.class)
                .hasMessageStartingWith("PEM key: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", ""})
    void secretFileWhenOneTrailingNewlineThenDroppedAndTokenAccepted(String ending) throws Exception {
        Path file = write("secret", new String(TestKeys.HMAC_SECRET, StandardCharsets.UTF_8) + ending);

        ValidationReport report = judge(hmacValidator(KeySource.secretFile(file)), hmacToken(TestKeys.HMAC_SECRET));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void secretFileWhenTwoTrailingNewlinesThenOnlyOneDropped() throws Exception {
        Path file = write("secret", new String(TestKeys.HMAC_SECRET, StandardCharsets.UTF_8) + "\n\n");

        ValidationReport report = judge(hmacValidator(KeySource.secretFile(file)), hmacToken(TestKeys.HMAC_SECRET));

        assertRejected(report, FindingCode.SIGNATURE_INVALID, "/signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "short-secret\n"})
    void secretFileWhenEmptyOrShortThenRefused(String content) throws Exception {
        Path file = write("secret", content);

        assertThatThrownBy(() -> KeySource.secretFile(file))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining(file.toString())
                .message()
                .containsAnyOf("is empty", "at least 256 bits");
    }

    @Test
    void secretWhenConfiguredThenGenuineTokenAcceptedAndDescriptionHidesSecret() throws Exception {
        KeySource keys = KeySource.secret(TestKeys.HMAC_SECRET.clone());

        ValidationReport report = judge(hmacValidator(keys), hmacToken(TestKeys.HMAC_SECRET));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
        assertThat(keys.description()).doesNotContain(new String(TestKeys.HMAC_SECRET, StandardCharsets.UTF_8));
    }

    @Test
    void secretWhenEmptyOrShortThenRefused() {
        assertThatThrownBy(() -> KeySource.secret(new byte[0]))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> KeySource.secret(new byte[31]))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("256 bits");
    }

    @Test
    void secretEnvWhenVariableUnsetThenKeySourceExceptionNamesIt() {
        String name = "TOKENCONTRACT_TEST_UNSET_" + Long.toHexString(System.nanoTime());

        assertThatThrownBy(() -> KeySource.secretEnv(name))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining(name + " is not set");
    }

    @Test
    void secretEnvWhenPathVariableThenUsedAsSecretAndNeverShown() throws Exception {
        // PATH exists in every test JVM and is no credential; it is long enough on any real machine.
        String path = System.getenv("PATH");
        assertThat(path).as("PATH in the test JVM").isNotNull();
        byte[] secret = path.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            assertThatThrownBy(() -> KeySource.secretEnv("PATH"))
                    .isInstanceOf(KeySourceException.class)
                    .hasMessageContaining("256 bits");
            return;
        }

        KeySource keys = KeySource.secretEnv("PATH");
        ValidationReport report = judge(hmacValidator(keys), hmacToken(secret));

        assertThat(report.verdict()).as("findings %s", report.findings()).isEqualTo(Verdict.ACCEPTED);
        assertThat(keys.description()).contains("$PATH").doesNotContain(path);
    }

    static TokenValidator hmacValidator(KeySource keys) throws ContractException {
        return Judge.validator(TestContracts.mcpAllowing("test-hmac", "HS256"), keys);
    }

    static String hmacToken(byte[] secret) {
        return RawJws.signHs256(TestTokens.mcp().header("alg", "HS256").signingInput(), secret);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
