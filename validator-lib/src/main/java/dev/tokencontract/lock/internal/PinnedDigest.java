package dev.tokencontract.lock.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** Pinned digests: {@code sha-256:<64 lower-case hex>}, compared in constant time. */
public final class PinnedDigest {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private PinnedDigest() {}

    /** Compares two digests in constant time; false when either is missing. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }
}
