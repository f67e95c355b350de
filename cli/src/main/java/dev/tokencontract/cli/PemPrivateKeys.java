package dev.tokencontract.cli;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private keys from PEM text: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1
 * ({@code EC PRIVATE KEY}, with the named curve in its parameters). The JDK reads only PKCS#8, so PKCS#1 and SEC1
 * are wrapped into PKCS#8 here (RFC 5208; RFC 5915 for SEC1). Encrypted, public-only and OpenSSH files are
 * refused with a message that says how to convert them; no message ever contains key bytes.
 */
final class PemPrivateKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
    };
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private PemPrivateKeys() {}

    /** The one private key in {@code pem}; anything else in the file (EC PARAMETERS) is ignored. */
    static PrivateKey read(String pem) throws KeyFileException {
        Matcher m = BLOCK.matcher(pem);
        List<PrivateKey> keys = new ArrayList<>();
        List<String> publicOnly = new ArrayList<>();
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            switch (type) {
                case "PRIVATE KEY" -> keys.add(pkcs8(der(type, body)));
                case "RSA PRIVATE KEY" -> keys.add(pkcs8(rsaToPkcs8(der(type, body)), "RSA"));
                case "EC PRIVATE KEY" -> keys.add(pkcs8(sec1ToPkcs8(der(type, body)), "EC"));
                case "EC PARAMETERS" -> {
                    // openssl ecparam -genkey writes the curve first; the key block names it again
                }
                case "ENCRYPTED PRIVATE KEY" ->
                    throw new KeyFileException("the private key is encrypted (ENCRYPTED PRIVATE KEY); decrypt it to a "
                            + "file only you can read: openssl pkey -in KEY -out PLAIN");
                case "OPENSSH PRIVATE KEY" ->
                    throw new KeyFileException("an OpenSSH private key; convert a copy to PKCS#8 with "
                            + "ssh-keygen -p -m PKCS8 -f COPY");
                case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE" -> publicOnly.add(type);
                default ->
                    throw new KeyFileException(
                            "a PEM block of type '" + Terminal.safe(type, 40) + "' is not a private key");
            }
        }
        if (keys.isEmpty()) {
            if (!publicOnly.isEmpty()) {
                throw new KeyFileException(
                        "the file holds only a public key (" + publicOnly.get(0) + "); signing needs the private key");
            }
            throw new KeyFileException("no PEM private key in the file (expected -----BEGIN PRIVATE KEY-----)");
        }
        if (keys.size() > 1) {
            throw new KeyFileException("the file holds " + keys.size() + " private keys; give a file with one");
        }
        return keys.get(0);
    }

    private static byte[] der(String type, String body) throws KeyFileException {
        if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
            throw new KeyFileException("the private key is encrypted (" + type + " with Proc-Type ENCRYPTED); "
                    + "decrypt it to a file only you can read: openssl pkey -in KEY -out PLAIN");
        }
        if (body.contains(":")) {
            throw new KeyFileException("the " + type + " block carries headers this tool does not read");
        }
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("the " + type + " block is not valid base64");
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws KeyFileException {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return pkcs8(der, algorithm);
            } catch (KeyFileException e) {
                // try the next algorithm
            }
        }
        throw new KeyFileException("the PRIVATE KEY is neither an RSA nor an EC key this tool can sign with "
                + "(RS*, PS*, ES*); Ed25519 and other types are not supported");
    }

    private static PrivateKey pkcs8(byte[] der, String algorithm) throws KeyFileException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException("the " + algorithm + " private key cannot be read (damaged or not "
                    + (algorithm.equals("RSA") ? "PKCS#1/PKCS#8" : "SEC1/PKCS#8") + ")");
        }
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
    private static byte[] rsaToPkcs8(byte[] pkcs1) {
        return sequence(VERSION_0, RSA_ALGORITHM, tlv(0x04, pkcs1));
    }

    /** PKCS#8 around a SEC1 ECPrivateKey, with the curve OID taken from the SEC1 parameters ([0]). */
    private static byte[] sec1ToPkcs8(byte[] sec1) throws KeyFileException {
        byte[] curve = Der.curveOid(sec1);
        return sequence(VERSION_0, sequence(EC_PUBLIC_KEY_OID, curve), tlv(0x04, sec1));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Just enough DER reading to find the curve of a SEC1 key, with every length checked against the input. */
    static final class Der {
        private Der() {}

        /** The full OID element (tag, length, value) in the {@code [0]} parameters of a SEC1 ECPrivateKey. */
        static byte[] curveOid(byte[] sec1) throws KeyFileException {
            int[] outer = element(sec1, 0, 0x30);
            int position = outer[0];
            int end = outer[1];
            while (position < end) {
                int tag = sec1[position] & 0xff;
                int[] inner = element(sec1, position, tag);
                if (inner[1] > end) {
                    break;
                }
                if (tag == 0xa0) {
                    int[] oid = element(sec1, inner[0], 0x06);
                    byte[] out = new byte[oid[1] - inner[0]];
                    System.arraycopy(sec1, inner[0], out, 0, out.length);
                    return out;
                }
                position = inner[1];
            }
            throw new KeyFileException("the EC PRIVATE KEY does not name its curve; write it with "
                    + "openssl pkey -in KEY -out PKCS8 (PKCS#8 names the curve)");
        }

        /** {start of content, end of element} of the element at {@code at}, which must have {@code tag}. */
        private static int[] element(byte[] der, int at, int tag) throws KeyFileException {
            if (at + 2 > der.length || (der[at] & 0xff) != tag) {
                throw damaged();
            }
            int first = der[at + 1] & 0xff;
            int start = at + 2;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 3 || start + count > der.length) {
                    throw damaged();
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[start + i] & 0xff);
                }
                start += count;
            }
            if (start + length > der.length) {
                throw damaged();
            }
            return new int[] {start, (int) (start + length)};
        }

        private static KeyFileException damaged() {
            return new KeyFileException("the EC PRIVATE KEY is damaged (its DER structure does not parse)");
        }
    }
}
