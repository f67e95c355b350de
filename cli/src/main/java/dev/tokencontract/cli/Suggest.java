package dev.tokencontract.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the closest candidate to a mistyped word (a command, an option, a contract name), when it
 * is close enough to be a typo: an edit distance (insert, delete, substitute, swap two neighbours) of at most
 * a third of the word's length (at least 1, at most 3), or the word as a prefix of exactly one candidate.
 */
final class Suggest {
    /** Words longer than this are not compared (the distance is quadratic; no name is this long). */
    static final int MAX_LENGTH = 128;

    private Suggest() {}

    static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed == null || typed.isEmpty() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String word = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, Math.max(1, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String prefixed = null;
        int prefixMatches = 0;
        for (String candidate : candidates) {
            if (candidate == null || candidate.length() > MAX_LENGTH || candidate.equals(typed)) {
                continue;
            }
            String other = candidate.toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && other.startsWith(word)) {
                prefixed = candidate;
                prefixMatches++;
            }
            int distance = distance(word, other);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= allowed) {
            return Optional.of(best);
        }
        return prefixMatches == 1 ? Optional.of(prefixed) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or nothing. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(c -> "; did you mean '" + Terminal.safe(c, 130) + "'?")
                .orElse("");
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
