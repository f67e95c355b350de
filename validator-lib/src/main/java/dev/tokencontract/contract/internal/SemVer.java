package dev.tokencontract.contract.internal;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * The one version grammar (publish, store and read) and semantic-version precedence. The grammar is
 * Semantic Versioning 2.0.0 without build metadata, bounded: major, minor and patch and every numeric
 * pre-release identifier have at most {@value #MAX_DIGITS} digits and no leading zero, the whole version at
 * most {@value #MAX_LENGTH} characters. The contract meta-schema's {@code x-contract.version} says the
 * same (a test keeps them in step).
 */
public final class SemVer {
    public static final int MAX_LENGTH = 64;
    public static final int MAX_DIGITS = 9;
    private static final String NUMBER = "(?:0|[1-9][0-9]{0," + (MAX_DIGITS - 1) + "})";
    private static final String IDENTIFIER = "(?:" + NUMBER + "|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    /** Anchored by {@code matches()}; as text it is the meta-schema's pattern without {@code ^} and {@code $}. */
    public static final Pattern GRAMMAR = Pattern.compile(
            NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(?:-" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*)?");

    public static final Comparator<String> ORDER = SemVer::compare;

    private SemVer() {}

    public static boolean valid(String version) {
        return version != null
                && version.length() <= MAX_LENGTH
                && GRAMMAR.matcher(version).matches();
    }

    /**
     * Precedence (SemVer 2.0.0 section 11): major, minor, patch numerically; a pre-release before its release;
     * pre-release identifiers left to right, numeric ones numerically and before alphanumeric ones (which
     * compare in ASCII order), a shorter list first when all before are equal. Ties (only possible outside
     * the grammar) fall back to the text, so the order is total.
     */
    public static int compare(String a, String b) {
        long[] left = numbers(a);
        long[] right = numbers(b);
        for (int i = 0; i < 3; i++) {
            int cmp = Long.compare(left[i], right[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        String leftPre = preRelease(a);
        String rightPre = preRelease(b);
        if ((leftPre == null) != (rightPre == null)) {
            return leftPre != null ? -1 : 1;
        }
        int cmp = leftPre == null ? 0 : comparePreRelease(leftPre.split("\\.", -1), rightPre.split("\\.", -1));
        return cmp != 0 ? cmp : a.compareTo(b);
    }

    private static int comparePreRelease(String[] left, String[] right) {
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = numeric(left[i]);
            boolean rightNumeric = numeric(right[i]);
            int cmp;
            if (leftNumeric && rightNumeric) {
                cmp = Long.compare(saturated(left[i]), saturated(right[i]));
            } else if (leftNumeric != rightNumeric) {
                cmp = leftNumeric ? -1 : 1;
            } else {
                cmp = left[i].compareTo(right[i]);
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    /**
     * Major, minor and patch as the ordering reads them: a missing or non-numeric part counts as 0 and a
     * part too large for a {@code long} as {@link Long#MAX_VALUE} (never 0: an oversized version must not
     * sort as the oldest). Versions in the grammar have neither.
     */
    public static long[] numbers(String version) {
        String[] parts = core(version).split("\\.");
        return new long[] {part(parts, 0), part(parts, 1), part(parts, 2)};
    }

    /** The text after the first {@code -}, or null for a release. */
    public static String preRelease(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? null : version.substring(dash + 1);
    }

    private static String core(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    private static long part(String[] parts, int i) {
        return i < parts.length && numeric(parts[i]) ? saturated(parts[i]) : 0;
    }

    private static boolean numeric(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long saturated(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
