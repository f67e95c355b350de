package dev.tokencontract.validator.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns JWK sets, public keys and secrets into {@link VerificationKey}s, binding each key to the
 * algorithms its type (or its own {@code alg}) allows. Conversion happens once, at load time.
 */
public final class JwkKeys {
    static final Set<String> RSA_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    /** RFC 7518 section 3.3: RSA keys of 2048 bits or more. */
    static final int MIN_RSA_BITS = 2048;

    private JwkKeys() {}

    /** The keys of a JWK set document plus warnings; throws {@link IllegalArgumentException} with a clear message if it is not one. */
    public static Loaded fromJwkSet(String json) {
        StrictJson.Parsed parsed = StrictJson.parse(json);
        if (!parsed.ok()) {
            throw new IllegalArgumentException("not a JWK set: " + parsed.detail());
        }
        JsonNode keys = parsed.node().path("keys");
        if (!parsed.node().isObject() || !keys.isArray()) {
            throw new IllegalArgumentException("not a JWK set: expected an object with a \"keys\" array");
        }
        List<VerificationKey> result = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode node = keys.get(i);
            String kid = node.path("kid").isString() ? node.path("kid").stringValue() : null;
            try {
                JWK jwk = JWK.parse(StrictJson.mapper().writeValueAsString(node));
                if (jwk.isPrivate()) {
                    warnings.add(
                            "key " + label(kid, i) + " contains private key parameters; only its public part is used");
                }
                if (KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                    result.add(
                            unusable(kid, jwk.getKeyType().getValue(), "its \"use\" is \"enc\", not for signatures"));
                    continue;
                }
                result.add(fromJwk(jwk));
            } catch (ParseException | RuntimeException e) {
                String reason = "unreadable JWK: " + Redact.shorten(e.getMessage(), 120);
                warnings.add("key " + label(kid, i) + " skipped: " + reason);
                result.add(unusable(kid, node.path("kty").asString("?"), reason));
            }
        }
        return new Loaded(result, warnings);
    }

    /** Keys and load-time warnings. */
    public record Loaded(List<VerificationKey> keys, List<String> warnings) {}

    static VerificationKey fromJwk(JWK jwk) {
        String kid = jwk.getKeyID();
        String declaredAlg =
                jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
        try {
            if (jwk instanceof RSAKey rsa) {
                return fromPublicKey(kid, rsa.toRSAPublicKey(), declaredAlg);
            }
            if (jwk instanceof ECKey ec) {
                return fromPublicKey(kid, ec.toECPublicKey(), declaredAlg);
            }
            if (jwk instanceof OctetSequenceKey oct) {
                return fromSecret(kid, oct.toByteArray(), declaredAlg);
            }
        } catch (JOSEException e) {
            return unusable(kid, jwk.getKeyType().getValue(), "cannot convert: " + Redact.shorten(e.getMessage(), 120));
        }
        return unusable(
                kid,
                jwk.getKeyType().getValue(),
                "key type " + jwk.getKeyType().getValue() + " is not supported for verification");
    }

    /** An RSA or EC public key, bound to the algorithms of its type (or only {@code declaredAlg}). */
    public static VerificationKey fromPublicKey(String kid, PublicKey key, String declaredAlg) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                int bits = rsa.getModulus().bitLength();
                String description = "RSA " + bits + "-bit";
                if (bits < MIN_RSA_BITS) {
                    return unusable(
                            kid,
                            description,
                            "RSA keys below " + MIN_RSA_BITS + " bits are refused (RFC 7518 section 3.3)");
                }
                return bind(kid, description, RSA_ALGS, declaredAlg, new RSASSAVerifier(rsa));
            }
            if (key instanceof ECPublicKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                String alg = curve == null
                        ? null
                        : switch (curve.getName()) {
                            case "P-256" -> "ES256";
                            case "P-384" -> "ES384";
                            case "P-521" -> "ES512";
                            default -> null;
                        };
                String description = "EC " + (curve == null ? "unknown curve" : curve.getName());
                if (alg == null) {
                    return unusable(kid, description, "EC curve is not one of P-256, P-384, P-521");
                }
                return bind(kid, description, Set.of(alg), declaredAlg, new ECDSAVerifier(ec));
            }
        } catch (JOSEException e) {
            return unusable(kid, key.getAlgorithm(), "cannot use key: " + Redact.shorten(e.getMessage(), 120));
        }
        return unusable(
                kid, key.getAlgorithm(), "key algorithm " + key.getAlgorithm() + " is not supported for verification");
    }

    /** An HMAC secret, bound to the HS algorithms its length allows (RFC 7518 section 3.2). */
    public static VerificationKey fromSecret(String kid, byte[] secret, String declaredAlg) {
        int bits = secret.length * 8;
        String description = "HMAC secret (" + bits + " bits)";
        Set<String> algs = new java.util.HashSet<>();
        for (Map.Entry<String, Integer> entry :
                Map.of("HS256", 256, "HS384", 384, "HS512", 512).entrySet()) {
            if (bits >= entry.getValue()) {
                algs.add(entry.getKey());
            }
        }
        if (algs.isEmpty()) {
            return unusable(kid, description, "HMAC secrets must have at least 256 bits (RFC 7518 section 3.2)");
        }
        if (oneRepeatedByte(secret)) {
            // An unset buffer or a placeholder; all zeros is even the same HMAC key as the empty key.
            return unusable(
                    kid,
                    description,
                    String.format("the secret has no entropy: every byte is 0x%02x (RFC 8725 section 3.5)", secret[0]));
        }
        try {
            // MACVerifier keeps the array it is given: hand it a copy, so callers may wipe theirs.
            return bind(kid, description, algs, declaredAlg, new MACVerifier(secret.clone()));
        } catch (JOSEException e) {
            return unusable(kid, description, "cannot use secret: " + Redact.shorten(e.getMessage(), 120));
        }
    }

    private static boolean oneRepeatedByte(byte[] secret) {
        for (byte b : secret) {
            if (b != secret[0]) {
                return false;
            }
        }
        return true;
    }

    private static VerificationKey bind(
            String kid,
            String description,
            Set<String> typeAlgs,
            String declaredAlg,
            com.nimbusds.jose.JWSVerifier verifier) {
        if (declaredAlg == null) {
            return new VerificationKey(kid, description, typeAlgs, verifier, null, false);
        }
        if (!typeAlgs.contains(declaredAlg)) {
            return unusable(kid, description, "its \"alg\" " + declaredAlg + " does not fit a " + description + " key");
        }
        return new VerificationKey(
                kid, description + " (alg " + declaredAlg + ")", Set.of(declaredAlg), verifier, null, true);
    }

    static VerificationKey unusable(String kid, String description, String reason) {
        return new VerificationKey(kid, description, Set.of(), null, reason, true);
    }

    private static String label(String kid, int index) {
        return kid == null ? "#" + index : "'" + Redact.value(kid) + "'";
    }
}
