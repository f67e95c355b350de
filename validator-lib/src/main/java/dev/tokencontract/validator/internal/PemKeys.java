package dev.tokencontract.validator.internal;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one PEM public key (SPKI) or certificate into a {@link VerificationKey}. */
public final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private PemKeys() {}

    /** The key, bound to {@code alg} when it is not {@code null}, else to the algorithms its type admits. */
    public static VerificationKey parse(String pem, String alg) {
        Matcher matcher = BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException(
                    "no PEM block found (expected -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----)");
        }
        String type = matcher.group(1);
        if (type.contains("PRIVATE")) {
            throw new IllegalArgumentException("this is a private key; give the validator the public key only");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not base64");
        }
        PublicKey key = switch (type) {
            case "PUBLIC KEY" -> spki(der);
            case "CERTIFICATE" -> certificate(der);
            default ->
                throw new IllegalArgumentException(
                        "unsupported PEM block '" + type + "' (use PUBLIC KEY or CERTIFICATE)");
        };
        VerificationKey verificationKey = JwkKeys.fromPublicKey(null, key, alg);
        if (!verificationKey.usable()) {
            throw new IllegalArgumentException(verificationKey.unusable());
        }
        return verificationKey;
    }

    private static PublicKey spki(byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("the PUBLIC KEY is neither an RSA nor an EC key");
    }

    private static PublicKey certificate(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate: " + e.getMessage());
        }
    }
}
