package dev.tokencontract.testing;

import java.util.List;
import java.util.Random;

/**
 * Seeded random regular expressions built from the pieces that make engines backtrack, recurse or refuse:
 * nested and overlapping repetition, alternatives that start alike, look-around, back-references, huge counts,
 * ECMA-only syntax. For fuzzing lint and publish (issue 13).
 */
public final class HostilePatterns {
    private static final List<String> ATOMS = List.of(
            "a",
            "aa",
            "\\d",
            "[a-z]",
            ".",
            "[\\s\\S]",
            "\\w",
            "[^]",
            "x",
            " ",
            "\\u00e9",
            "(?=a)",
            "(?!b)",
            "(?<=a)",
            "\\1",
            "\\k<n>",
            "(?<n>a)",
            "[",
            "\\",
            "(?i)",
            "\\p{L}",
            "\\cJ",
            "\\x41");
    private static final List<String> QUANTIFIERS =
            List.of("", "", "*", "+", "?", "{1,10}", "{2}", "{0,1000}", "{2,}", "*?", "{1001}");

    private HostilePatterns() {}

    public static String next(Random random) {
        StringBuilder pattern = new StringBuilder(random.nextBoolean() ? "^" : "");
        append(pattern, random, 0);
        if (random.nextBoolean()) {
            pattern.append('$');
        }
        return pattern.toString();
    }

    private static void append(StringBuilder pattern, Random random, int depth) {
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            if (depth < 3 && random.nextInt(3) == 0) {
                pattern.append('(');
                append(pattern, random, depth + 1);
                if (random.nextInt(3) == 0) {
                    pattern.append('|');
                    append(pattern, random, depth + 1);
                }
                pattern.append(')');
            } else {
                pattern.append(ATOMS.get(random.nextInt(ATOMS.size())));
            }
            pattern.append(QUANTIFIERS.get(random.nextInt(QUANTIFIERS.size())));
        }
    }
}
