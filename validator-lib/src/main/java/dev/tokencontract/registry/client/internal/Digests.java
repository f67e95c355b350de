package dev.tokencontract.registry.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SHA-256 digests in the registry's ETag form, {@code "sha-256:<64 lower-case hex>"}. */
public final class Digests {
    public static final String PREFIX = "sha-256:";
    private static final Pattern ETAG = Pattern.compile("\"sha-256:([0-9a-f]{64})\"");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Digests() {}

    /** {@code sha-256:<hex>} of the bytes. */
    public static String of(byte[] bytes) {
        try {
            return PREFIX
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The digest an ETag header names ({@code sha-256:<hex>}), or {@code null} when it is not of that form. */
    public static String fromEtag(String etag) {
        if (etag == null) {
            return null;
        }
        Matcher matcher = ETAG.matcher(etag.strip());
        return matcher.matches() ? PREFIX + matcher.group(1) : null;
    }

    /** The ETag header value for a digest. */
    public static String toEtag(String digest) {
        return "\"" + digest + "\"";
    }

    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** Compares two digests in constant time. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(
                        a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
