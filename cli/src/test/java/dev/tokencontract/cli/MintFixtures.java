package dev.tokencontract.cli;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Real keys for the mint tests, generated once per JVM, written in the formats people have: PKCS#8, PKCS#1 and
 * SEC1 PEM, private and public JWK sets.
 */
final class MintFixtures {
    static final RSAKey RSA = generateRsa("rsa-1", 2048);
    static final ECKey EC = generateEc("ec-1", Curve.P_256);

    private MintFixtures() {}

    static RSAKey generateRsa(String kid, int bits) {
        try {
            return new RSAKeyGenerator(bits, true)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey generateEc(String kid, Curve curve) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static byte[] pkcs8(JWK key) {
        try {
            KeyPair pair = key instanceof RSAKey rsa ? rsa.toKeyPair() : ((ECKey) key).toKeyPair();
            return pair.getPrivate().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] publicDer(JWK key) {
        try {
            KeyPair pair = key instanceof RSAKey rsa ? rsa.toKeyPair() : ((ECKey) key).toKeyPair();
            return pair.getPublic().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#1: the OCTET STRING inside the JDK's PKCS#8 encoding of an RSA key (its last element). */
    static byte[] pkcs1(RSAKey key) {
        byte[] der = pkcs8(key);
        // 30 82 LL LL | 02 01 00 | 30 0d <rsaEncryption, NULL> | 04 82 LL LL <pkcs1>
        int octet = 4 + 3 + 15;
        int length = ((der[octet + 2] & 0xff) << 8) | (der[octet + 3] & 0xff);
        return Arrays.copyOfRange(der, octet + 4, octet + 4 + length);
    }

    /** SEC1 ECPrivateKey (RFC 5915) for a P-256 key, with the named curve in [0]. */
    static byte[] sec1(ECKey key) {
        byte[] d = key.getD().decode();
        byte[] version = {0x02, 0x01, 0x01};
        byte[] secret = PemPrivateKeys.tlv(0x04, d);
        byte[] curve = PemPrivateKeys.tlv(
                0xa0, new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07});
        byte[] content = new byte[version.length + secret.length + curve.length];
        System.arraycopy(version, 0, content, 0, version.length);
        System.arraycopy(secret, 0, content, version.length, secret.length);
        System.arraycopy(curve, 0, content, version.length + secret.length, curve.length);
        return PemPrivateKeys.tlv(0x30, content);
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String privateJwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toString(false);
    }

    static String publicJwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    static RSAKey withAlg(RSAKey key, JWSAlgorithm alg) {
        return new RSAKey.Builder(key).algorithm(alg).build();
    }
}
