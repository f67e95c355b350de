package dev.tokencontract.validator.internal;

import java.util.Comparator;

/** Semantic-version ordering (major.minor.patch, a pre-release sorts before its release). */
public final class SemVer {
    public static final Comparator<String> ORDER = SemVer::compare;

    private SemVer() {}

    public static int compare(String a, String b) {
        String[] left = core(a).split("\\.");
        String[] right = core(b).split("\\.");
        for (int i = 0; i < 3; i++) {
            int cmp = Long.compare(part(left, i), part(right, i));
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
