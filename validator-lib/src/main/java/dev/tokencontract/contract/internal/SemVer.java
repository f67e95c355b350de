package dev.tokencontract.contract.internal;

import java.util.Comparator;

/** Semantic-version ordering (major.minor.patch, a pre-release sorts before its release). */
public final class SemVer {
    public static final Comparator<String> ORDER = SemVer::compare;

    private SemVer() {}

    public static int compare(String a, String b) {
        long[] left = numbers(a);
        long[] right = numbers(b);
        for (int i = 0; i < 3; i++) {
            int cmp = Long.compare(left[i], right[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        boolean leftPre = a.contains("-");
        boolean rightPre = b.contains("-");
        if (leftPre != rightPre) {
            return leftPre ? -1 : 1;
        }
        return a.compareTo(b);
    }

    /** Major, minor and patch as the ordering reads them (a missing or non-numeric part counts as 0). */
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
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
