package dev.tokencontract.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Real keys for tests, generated once per JVM. */
public final class TestKeys {
    public static final RSAKey RSA = generateRsa("rsa-1");
    public static final RSAKey OTHER_RSA = generateRsa("rsa-1");
    /** A second RSA key for PS256: one key, one algorithm (RFC 8725 section 3.1). */
    public static final RSAKey RSA_PS256 = generateRsa("rsa-ps256", JWSAlgorithm.PS256);

    public static final ECKey EC = generateEc("ec-1");
    public static final byte[] HMAC_SECRET =
            "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);

    private TestKeys() {}

    /** The public JWK set with the RSA (RS256), EC and RSA (PS256) keys, as a validator would be configured. */
    public static String publicJwks() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK(), RSA_PS256.toPublicJWK())).toString(true);
    }

    /** The RSA public key in PEM (SPKI) form. */
    public static String rsaPublicPem() {
        try {
            byte[] der = RSA.toRSAPublicKey().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsa(String kid) {
        return generateRsa(kid, JWSAlgorithm.RS256);
    }

    private static RSAKey generateRsa(String kid, JWSAlgorithm alg) {
        try {
            // One key, one algorithm (RFC 8725 section 3.1): the JWK names the algorithm it signs with.
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(alg)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
