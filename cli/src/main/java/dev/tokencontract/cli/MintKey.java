package dev.tokencontract.cli;

import com.nimbusds.jose.jwk.Curve;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The one key {@code mint} signs with: an RSA or EC private key, or an HMAC secret, with the {@code kid} and
 * {@code alg} its JWK carried (if any). {@link #toString()} names the key type only, never its material.
 */
final class MintKey {
    enum Type {
        RSA,
        EC,
        HMAC
    }

    private final Type type;
    private final PrivateKey privateKey;
    private final byte[] secret;
    private final String kid;
    private final String boundAlgorithm;
    private final String source;

    private MintKey(Type type, PrivateKey privateKey, byte[] secret, String kid, String alg, String source) {
        this.type = type;
        this.privateKey = privateKey;
        this.secret = secret;
        this.kid = kid;
        this.boundAlgorithm = alg;
        this.source = Objects.requireNonNull(source);
    }

    static MintKey asymmetric(PrivateKey key, String kid, String alg, String source) throws KeyFileException {
        if (key instanceof RSAPrivateKey) {
            return new MintKey(Type.RSA, key, null, kid, alg, source);
        }
        if (key instanceof ECPrivateKey) {
            return new MintKey(Type.EC, key, null, kid, alg, source);
        }
        throw new KeyFileException("a " + key.getAlgorithm() + " key cannot sign RS*, PS*, ES* or HS*");
    }

    static MintKey hmac(byte[] secret, String kid, String alg, String source) throws KeyFileException {
        if (secret.length == 0) {
            throw new KeyFileException("the HMAC secret is empty");
        }
        return new MintKey(Type.HMAC, null, secret.clone(), kid, alg, source);
    }

    Type type() {
        return type;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] secret() {
        return secret == null ? null : secret.clone();
    }

    /** The secret's length in bytes (HMAC), or the RSA modulus / EC field size in bits. */
    int strength() {
        return switch (type) {
            case HMAC -> secret.length;
            case RSA -> ((RSAPrivateKey) privateKey).getModulus().bitLength();
            case EC ->
                ((ECPrivateKey) privateKey).getParams().getCurve().getField().getFieldSize();
        };
    }

    /** The EC curve (P-256, P-384, P-521, secp256k1), if this is an EC key on a curve JOSE names. */
    Optional<Curve> curve() {
        return type == Type.EC
                ? Optional.ofNullable(Curve.forECParameterSpec(((ECPrivateKey) privateKey).getParams()))
                : Optional.empty();
    }

    Optional<String> kid() {
        return Optional.ofNullable(kid);
    }

    /** The {@code alg} the key's JWK binds it to (RFC 7517 section 4.4), if it said. */
    Optional<String> boundAlgorithm() {
        return Optional.ofNullable(boundAlgorithm);
    }

    String source() {
        return source;
    }

    /** Overwrites the secret copy this object holds; call when done signing. */
    void destroy() {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return type + " key from " + source;
    }
}
