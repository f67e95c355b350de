package dev.tokencontract.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-made compact JWS for hostile tests: header and claims as exact bytes (duplicate members, invalid
 * UTF-8, deep nesting), signed or not, so the signature is valid over exactly what the attacker sent.
 */
public final class RawJws {
    /** SHA-256's block size: HMAC pads shorter keys with zero bytes up to it (RFC 2104 section 2). */
    private static final int HMAC_SHA256_BLOCK = 64;

    private RawJws() {}

    /** base64url(header) . base64url(claims), from raw bytes. */
    public static String signingInput(byte[] header, byte[] claims) {
        return TestTokens.encode(header) + "." + TestTokens.encode(claims);
    }

    public static String signingInput(String headerJson, String claimsJson) {
        return signingInput(headerJson.getBytes(StandardCharsets.UTF_8), claimsJson.getBytes(StandardCharsets.UTF_8));
    }

    /** RS256 over exactly these bytes with {@link TestKeys#RSA}. */
    public static String signRs256(byte[] header, byte[] claims) {
        return signRs256(signingInput(header, claims), TestKeys.RSA);
    }

    public static String signRs256(String headerJson, String claimsJson) {
        return signRs256(signingInput(headerJson, claimsJson), TestKeys.RSA);
    }

    public static String signRs256(String signingInput, RSAKey key) {
        try {
            return signingInput + "."
                    + new RSASSASigner(key)
                            .sign(new JWSHeader(JWSAlgorithm.RS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with any key, also an empty or short one that Nimbus's MACSigner refuses to use. */
    public static String signHs256(String signingInput, byte[] key) {
        return signingInput + "."
                + TestTokens.encode(hmacSha256(key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * HMAC-SHA256. The JCA refuses an empty {@code SecretKeySpec}, but HMAC zero-pads every short key to
     * the block size, so the empty key is computed as 64 zero bytes: the same MAC by definition.
     */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        byte[] effective = key.length == 0 ? new byte[HMAC_SHA256_BLOCK] : key;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(effective, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its signature part replaced. */
    public static String withSignature(String token, String signaturePart) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signaturePart;
    }

    /** The token with its claims part replaced, keeping the old signature. */
    public static String withClaims(String token, String claimsPart) {
        String[] parts = token.split("\\.", -1);
        return parts[0] + "." + claimsPart + "." + parts[2];
    }
}
