package dev.tokencontract.conformance.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JWS from exactly the header and claims given: Nimbus computes the signature, but the header
 * and payload bytes are ours, so a test can mint any header (wrong {@code typ}, a disallowed {@code alg})
 * and any claims (wrong types) a drifted producer would.
 */
public final class Jws {
    /** The algorithms this kit signs with. */
    public static final Set<String> ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "HS256", "HS384", "HS512");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jws() {}

    /** Signs {@code claims} under {@code header}, choosing the key of {@code keys} that fits the header's {@code alg}. */
    public static String sign(JsonNode header, JsonNode claims, SigningKeys keys) {
        String alg = header.path("alg").asString("");
        if (!ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("cannot sign with alg '" + alg + "'; supported: " + ALGORITHMS);
        }
        String signingInput = encode(header) + "." + encode(claims);
        try {
            JWSHeader parsed = JWSHeader.parse(Base64URL.from(signingInput.substring(0, signingInput.indexOf('.'))));
            Base64URL signature = signer(alg, keys).sign(parsed, signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** An unsigned token ({@code alg} as the header says, typically {@code none}) with an empty signature part. */
    public static String unsigned(JsonNode header, JsonNode claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    static String encode(JsonNode node) {
        return B64.encodeToString(JSON.writeValueAsBytes(node));
    }

    private static JWSSigner signer(String alg, SigningKeys keys) throws JOSEException {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return new RSASSASigner(alg.startsWith("PS") ? keys.rsaPss() : keys.rsa());
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            return new ECDSASigner(keys.ec());
        }
        return new MACSigner(keys.hmac());
    }
}
