package dev.tokencontract.registry.store.internal;

/**
 * Text on its way into the database. Both databases must store exactly what they are given, so text
 * neither can hold the same way is refused up front: NUL (PostgreSQL text cannot hold it) and unpaired
 * surrogates (the PostgreSQL driver would silently turn them into '?').
 */
public final class StoreText {
    /** Longest contract name the store accepts (characters); longer is an IllegalArgumentException. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Longest version text the store accepts (characters). */
    public static final int MAX_VERSION_LENGTH = 128;
    /** Longest contract document the store accepts (characters of canonical JSON). */
    public static final int MAX_CONTENT_LENGTH = 1_000_000;
    /** Longest digest, publisher or audit field (characters); audit fields longer than this are cut. */
    public static final int MAX_FIELD_LENGTH = 4096;

    private static final String REPLACEMENT = "\uFFFD";
    private static final String CUT = "...[cut]";

    private StoreText() {}

    /** A required field: IllegalArgumentException when null, empty, too long or not storable. */
    static String require(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " is " + value.length() + " characters; the store keeps at most " + maxLength);
        }
        int bad = firstUnstorable(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(field + " holds a NUL or an unpaired surrogate at index " + bad);
        }
        return value;
    }

    /** An audit field: never refused (the audit must record hostile attempts too), but made storable and cut. */
    static String forAudit(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), MAX_FIELD_LENGTH));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                clean.append(c).append(value.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                clean.append(REPLACEMENT);
            } else {
                clean.append(c);
            }
        }
        if (clean.length() <= MAX_FIELD_LENGTH) {
            return clean.toString();
        }
        int end = MAX_FIELD_LENGTH - CUT.length();
        if (Character.isLowSurrogate(clean.charAt(end))) {
            end--;
        }
        return clean.substring(0, end) + CUT;
    }

    private static int firstUnstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
