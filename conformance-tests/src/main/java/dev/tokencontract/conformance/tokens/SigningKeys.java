package dev.tokencontract.conformance.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;

/**
 * The test keys a conformance run signs with: one RSA key for RS256, a second RSA key for PS256 (one key,
 * one algorithm: RFC 8725 section 3.1, so each published JWK names its {@code alg}), one P-256 key (ES256)
 * and one HMAC secret (HS256). Generate them per run, or load a private JWK set so a consumer under test can be
 * configured with the public half in advance. Immutable and thread-safe.
 */
public final class SigningKeys {
    /** Loading refuses bigger files: a private JWK set is a few kilobytes. */
    static final long MAX_FILE_BYTES = 256 * 1024;

    private final RSAKey rsa;
    private final RSAKey rsaPss;
    private final ECKey ec;
    private final OctetSequenceKey hmac;

    private SigningKeys(RSAKey rsa, RSAKey rsaPss, ECKey ec, OctetSequenceKey hmac) {
        this.rsa = Objects.requireNonNull(rsa, "rsa");
        this.rsaPss = Objects.requireNonNull(rsaPss, "rsaPss");
        this.ec = Objects.requireNonNull(ec, "ec");
        this.hmac = Objects.requireNonNull(hmac, "hmac");
    }

    /**
     * Fresh keys whose key ids start with {@code prefix} (e.g. {@code tc} gives {@code tc-rsa}, {@code tc-rsa-pss},
     * {@code tc-ec}, {@code tc-hmac}).
     */
    public static SigningKeys generate(String prefix) {
        try {
            return new SigningKeys(
                    new RSAKeyGenerator(2048)
                            .keyID(prefix + "-rsa")
                            .keyUse(KeyUse.SIGNATURE)
                            // one key, one algorithm (RFC 8725 section 3.1): consumers bind it to RS256
                            .algorithm(JWSAlgorithm.RS256)
                            .generate(),
                    new RSAKeyGenerator(2048)
                            .keyID(prefix + "-rsa-pss")
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.PS256)
                            .generate(),
                    new ECKeyGenerator(Curve.P_256)
                            .keyID(prefix + "-ec")
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .generate(),
                    new OctetSequenceKeyGenerator(256)
                            .keyID(prefix + "-hmac")
                            .keyUse(KeyUse.SIGNATURE)
                            .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate test keys: " + e.getMessage(), e);
        }
    }

    /** Fresh keys with the ids {@code tc-rsa}, {@code tc-rsa-pss}, {@code tc-ec}, {@code tc-hmac}. */
    public static SigningKeys generate() {
        return generate("tc");
    }

    /**
     * Keys from a private JWK set document holding one private RSA key, one private P-256 key and one
     * symmetric key, and optionally a second private RSA key whose {@code alg} is PS256 (signing PS256
     * tokens); anything else is refused with a clear message. Without that second key, PS256 tokens are
     * signed with the first RSA key, and a consumer accepts them only if its copy of that key is bound to PS256.
     */
    public static SigningKeys fromPrivateJwks(String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json == null ? "" : json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK set: " + e.getMessage());
        }
        RSAKey rsa = null;
        RSAKey rsaPss = null;
        ECKey ec = null;
        OctetSequenceKey hmac = null;
        for (JWK jwk : set.getKeys()) {
            if (jwk instanceof RSAKey key
                    && key.isPrivate()
                    && JWSAlgorithm.PS256.equals(key.getAlgorithm())
                    && rsaPss == null) {
                rsaPss = key;
            } else if (jwk instanceof RSAKey key && key.isPrivate() && rsa == null) {
                rsa = key;
            } else if (jwk instanceof ECKey key
                    && key.isPrivate()
                    && Curve.P_256.equals(key.getCurve())
                    && ec == null) {
                ec = key;
            } else if (jwk instanceof OctetSequenceKey key && hmac == null) {
                hmac = key;
            } else {
                throw new IllegalArgumentException("unexpected key " + describe(jwk)
                        + ": a signing key set holds one private RSA key, one private P-256 key and one symmetric key");
            }
        }
        if (rsa == null || ec == null || hmac == null) {
            throw new IllegalArgumentException(
                    "a signing key set needs a private RSA key, a private P-256 key and a symmetric key");
        }
        if (rsaPss == null) {
            rsaPss = rsa;
        }
        if (rsa.size() < 2048 || rsaPss.size() < 2048 || hmac.size() < 256) {
            throw new IllegalArgumentException("keys too small: RSA needs 2048 bits and the HMAC secret 256 bits");
        }
        if (rsa.getKeyID() == null || rsaPss.getKeyID() == null || ec.getKeyID() == null || hmac.getKeyID() == null) {
            throw new IllegalArgumentException("every signing key needs a kid");
        }
        return new SigningKeys(rsa, rsaPss, ec, hmac);
    }

    /** {@link #fromPrivateJwks(String)} of a file, with a size cap. */
    public static SigningKeys fromPrivateJwksFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no key file at " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("key file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return fromPrivateJwks(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key file " + file + ": " + e.getMessage());
        }
    }

    public RSAKey rsa() {
        return rsa;
    }

    /** The RSA key that signs PS256 ({@link #rsa()} itself for a loaded set without a PS256 key). */
    public RSAKey rsaPss() {
        return rsaPss;
    }

    public ECKey ec() {
        return ec;
    }

    public OctetSequenceKey hmac() {
        return hmac;
    }

    /** The public JWK set (RSA keys and EC; the HMAC secret is never published) a consumer under test trusts. */
    public String publicJwks() {
        List<JWK> keys = rsaPss == rsa
                ? List.of(rsa.toPublicJWK(), ec.toPublicJWK())
                : List.of(rsa.toPublicJWK(), rsaPss.toPublicJWK(), ec.toPublicJWK());
        return new JWKSet(keys).toString(true);
    }

    /** Every key with its private part: a secret, for files only ({@link #writePrivateJwks}). */
    public String privateJwks() {
        List<JWK> keys = rsaPss == rsa ? List.of(rsa, ec, hmac) : List.of(rsa, rsaPss, ec, hmac);
        return new JWKSet(keys).toString(false);
    }

    /** Writes the public JWK set to {@code file}. */
    public Path writePublicJwks(Path file) {
        try {
            return Files.writeString(file, publicJwks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the private JWK set, readable by the owner only where the file system allows it. */
    public Path writePrivateJwks(Path file) {
        return writeSecret(file, privateJwks());
    }

    /** Writes the HMAC secret's raw bytes for a consumer that takes {@code --secret-file}. */
    public Path writeHmacSecret(Path file) {
        try {
            Files.deleteIfExists(file);
            createOwnerOnly(file);
            return Files.write(file, hmac.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public keys as a validator key source. */
    public KeySource publicKeySource() {
        try {
            return KeySource.jwks(publicJwks());
        } catch (KeySourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The HMAC secret as a validator key source. */
    public KeySource hmacKeySource() {
        try {
            return KeySource.secret(hmac.toByteArray());
        } catch (KeySourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[" + rsa.getKeyID() + (rsaPss == rsa ? "" : ", " + rsaPss.getKeyID()) + ", " + ec.getKeyID()
                + ", " + hmac.getKeyID() + "]"; // never the key material
    }

    private static Path writeSecret(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            createOwnerOnly(file);
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static String describe(JWK jwk) {
        return "'" + (jwk.getKeyID() == null ? "(no kid)" : jwk.getKeyID()) + "' (" + jwk.getKeyType()
                + (jwk.isPrivate() ? "" : ", public only") + ")";
    }
}
