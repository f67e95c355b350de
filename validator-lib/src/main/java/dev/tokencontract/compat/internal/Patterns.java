package dev.tokencontract.compat.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one family of regular expressions whose languages the engine compares exactly: anchored alternations
 * of literals, such as {@code ^(read|write)$} or {@code ^crm\.read$}. Inclusion of general regular
 * expressions is not decided here; callers treat any other changed pattern as both tighter and looser.
 */
final class Patterns {
    private static final String META = "\\^$.|?*+()[]{}";
    private static final int MAX_LENGTH = 4096;

    private Patterns() {}

    /**
     * True when {@code pattern} matches (finds a match in) every string: it finds one in the empty string and has no
     * assertion that looks at its surroundings (anchors, word boundaries, lookaround, flags or backreferences), so
     * its empty match fits at the start of any string. {@code [a-z]*} is one; {@code ^[a-z]*$} is not.
     */
    static boolean matchesEverything(String pattern) {
        if (pattern.length() > MAX_LENGTH
                || pattern.contains("^")
                || pattern.contains("$")
                || pattern.contains("(?")
                || pattern.matches(".*\\\\[bBAzZGk0-9].*")) {
            return false;
        }
        try {
            return java.util.regex.Pattern.compile(pattern).matcher("").find();
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /** The strings {@code pattern} matches, when it is an anchored alternation of literals. */
    static Optional<Set<String>> literals(String pattern) {
        if (pattern.length() > MAX_LENGTH
                || !pattern.startsWith("^")
                || !pattern.endsWith("$")
                || pattern.endsWith("\\$")) {
            return Optional.empty();
        }
        String body = pattern.substring(1, pattern.length() - 1);
        boolean grouped = true;
        if (body.startsWith("(?:") && body.endsWith(")")) {
            body = body.substring(3, body.length() - 1);
        } else if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        } else {
            grouped = false; // ^a|b$ means (^a)|(b$): not anchored on both ends
        }
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length() || Character.isLetterOrDigit(body.charAt(i + 1))) {
                    return Optional.empty(); // \d, \w, \x41...: a class, not a literal
                }
                word.append(body.charAt(++i));
            } else if (c == '|') {
                if (!grouped) {
                    return Optional.empty();
                }
                words.add(word.toString());
                word.setLength(0);
            } else if (META.indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        return Optional.of(words);
    }
}
