package dev.tokencontract.validator;

import static dev.tokencontract.testing.Judge.assertRejected;
import static dev.tokencontract.testing.Judge.judge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One key, one algorithm (RFC 8725 section 3.1) for keys that name none: a PEM key or a JWK without
 * {@code "alg"} verifies only the one algorithm it is bound to, by {@code KeySource.pem(..., alg)}, by
 * {@code keyAlgorithm(...)}, or by a contract that allows exactly one algorithm for its type.
 */
class KeyWithoutAlgTest {
    private static final String MCP = "mcp-access-token@1.0.0";

    /** The RS256 test key's public part as a JWK without "alg", as GitHub, Azure AD and Spring publish theirs. */
    static RSAKey rsaWithoutAlg() throws JOSEException {
        return new RSAKey.Builder(TestKeys.RSA.toRSAPublicKey())
                .keyID(TestKeys.RSA.getKeyID())
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }

    private static KeySource jwksWithoutAlg() throws Exception {
        return KeySource.jwks(new JWKSet(rsaWithoutAlg()).toString());
    }

    @Test
    void validateWhenJwkWithoutAlgAndContractAllowsRs256AndPs256ThenKeyAlgUnboundNamingTheFix() throws Exception {
        TokenValidator validator = Judge.validator(Contracts.load(MCP), jwksWithoutAlg());

        ValidationReport report = judge(validator, TestTokens.mcp().signRsa());

        assertRejected(report, FindingCode.KEY_ALG_UNBOUND, "/header/alg");
        assertThat(Judge.finding(report, FindingCode.KEY_ALG_UNBOUND).message())
                .contains("PS256, RS256")
                .contains("\"alg\"")
                .contains("--alg");
    }

    @Test
    void validateWhenPemWithoutAlgAndContractAllowsRs256AndPs256ThenKeyAlgUnbound() throws Exception {
        TokenValidator validator = Judge.validator(Contracts.load(MCP), KeySource.pem(TestKeys.rsaPublicPem()));

        assertRejected(judge(validator, TestTokens.mcp().signRsa()), FindingCode.KEY_ALG_UNBOUND, "/header/alg");
    }

    @Test
    void validateWhenPemBoundToRs256ThenRs256AcceptedAndPs256ByTheSameKeyKeyAlgMismatch() throws Exception {
        TokenValidator validator =
                Judge.validator(Contracts.load(MCP), KeySource.pem(TestKeys.rsaPublicPem(), "RS256"));
        // Both signatures are genuine, by the same private key; PS256 is in the contract's allow-list.
        String rs256 = TestTokens.mcp().signRsa();
        String ps256 = TestTokens.mcp().header("alg", "PS256").signRsa();

        assertThat(judge(validator, rs256).verdict()).isEqualTo(Verdict.ACCEPTED);
        ValidationReport report = judge(validator, ps256);
        assertRejected(report, FindingCode.KEY_ALG_MISMATCH, "/header/alg");
        assertThat(report.has(FindingCode.ALG_NOT_ALLOWED)).isFalse();
    }

    @Test
    void validateWhenKeyAlgorithmPs256ThenAlgLessJwkVerifiesPs256AndRefusesRs256() throws Exception {
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load(MCP))
                .keys(jwksWithoutAlg())
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .keyAlgorithm("PS256")
                .build();

        assertThat(judge(validator, TestTokens.mcp().header("alg", "PS256").signRsa())
                        .verdict())
                .isEqualTo(Verdict.ACCEPTED);
        assertRejected(judge(validator, TestTokens.mcp().signRsa()), FindingCode.KEY_ALG_MISMATCH, "/header/alg");
    }

    @Test
    void validateWhenKeyAlgorithmGivenThenAJwkWithItsOwnAlgKeepsIt() throws Exception {
        // TestKeys.RSA is published with "alg": "RS256"; keyAlgorithm only binds keys that name none.
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load(MCP))
                .keys(KeySource.jwks(TestKeys.publicJwks()))
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .keyAlgorithm("PS256")
                .build();

        assertThat(judge(validator, TestTokens.mcp().signRsa()).verdict()).isEqualTo(Verdict.ACCEPTED);
        assertRejected(
                judge(validator, TestTokens.mcp().header("alg", "PS256").signRsa()),
                FindingCode.KEY_ALG_MISMATCH,
                "/header/alg");
    }

    @Test
    void validateWhenContractAllowsOneRsaAlgorithmThenAlgLessKeyIsBoundToIt() throws Exception {
        Contract rs256Only =
                Contracts.parse(bundledMcp().replace("\"RS256\", \"PS256\", \"ES256\"", "\"RS256\", \"ES256\""));
        assertThat(rs256Only.jose().algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
        TokenValidator validator = Judge.validator(rs256Only, jwksWithoutAlg());

        assertThat(judge(validator, TestTokens.mcp().signRsa()).verdict()).isEqualTo(Verdict.ACCEPTED);
        ValidationReport ps256 =
                judge(validator, TestTokens.mcp().header("alg", "PS256").signRsa());
        assertRejected(ps256, FindingCode.ALG_NOT_ALLOWED, "/header/alg");
        assertThat(ps256.has(FindingCode.SIGNATURE_VERIFIED)).isFalse();
    }

    @Test
    void buildWhenKeyAlgorithmNotAllowedByContractThenRefused() throws Exception {
        TokenValidator.Builder builder = TokenValidator.builder()
                .contract(Contracts.load(MCP))
                .keys(jwksWithoutAlg())
                .ignoreIssuer()
                .ignoreAudience()
                .keyAlgorithm("RS512");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RS512")
                .hasMessageContaining("[ES256, PS256, RS256]");
    }

    @Test
    void keyAlgorithmWhenGivenTwiceWithAnotherValueThenRefused() {
        TokenValidator.Builder builder = TokenValidator.builder().keyAlgorithm("RS256");

        assertThatThrownBy(() -> builder.keyAlgorithm("PS256")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.keyAlgorithm(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pemWhenAlgDoesNotFitTheKeyTypeThenRefused() {
        assertThatThrownBy(() -> KeySource.pem(TestKeys.rsaPublicPem(), "ES256"))
                .isInstanceOf(KeySourceException.class)
                .hasMessageContaining("ES256");
        assertThatThrownBy(() -> KeySource.pem(TestKeys.rsaPublicPem(), "none")).isInstanceOf(KeySourceException.class);
    }

    private static String bundledMcp() throws Exception {
        try (InputStream in =
                KeyWithoutAlgTest.class.getResourceAsStream("/tokencontract/contracts/mcp-access-token/1.0.0.json")) {
            assertThat(in).as("bundled contract on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
