package dev.tokencontract.contract.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds regular expressions that can backtrack catastrophically in {@code java.util.regex}: a group repeated
 * without bound (or more than {@value #LARGE} times) whose body can match the same text in more than one
 * way. Two shapes are refused:
 * <ul>
 *   <li>nested repetition with nothing to tell iterations apart: {@code (a+)+}, {@code (a*)*},
 *       {@code (\d+\.?)+} — a body holding a repeated part and no mandatory character that the repeated part
 *       cannot match. {@code ( [a-z]+)*} and {@code ([a-z]+-)*} are fine: the space and the dash end each
 *       iteration unambiguously.</li>
 *   <li>alternatives that can start alike: {@code (a|aa)+}, {@code (\w|\d)*}.</li>
 *   <li>bounded nesting that still splits one text in too many ways: {@code (a{1,10}){1,10}}, {@code (a+){3}}.</li>
 *   <li>three or more unbounded repetitions in a row over shared characters: {@code [\s\S]*[\s\S]*[\s\S]*x} (n^3).</li>
 * </ul>
 * The validator itself matches with RE2/J ({@link LinearRegex}), which never backtracks; these shapes are
 * refused because a published contract is also read by backtracking engines.
 * The analysis is conservative (a character class it cannot read counts as "any character") and skips
 * patterns it cannot parse (those are {@code LINT_INVALID_SCHEMA} already).
 */
public final class PatternBacktracking {
    /** Bounded repetition above this counts as unbounded: {@code (a+){1,1000}} is as bad as {@code (a+)+}. */
    static final int LARGE = 16;
    /** Unbounded repetitions in a row, over shared characters, from which a backtracking engine's cost is n^3 or worse. */
    static final int POLYNOMIAL_DEGREE = 3;
    /** Ways to split one text among bounded nested repetitions above which a pattern is refused. */
    static final double MAX_SPLITS = 100_000;

    private static final int CHARS = 0x10000;

    private PatternBacktracking() {}

    /** Why {@code pattern} may backtrack catastrophically, or empty when it is fine (or unreadable). */
    public static Optional<String> risk(String pattern) {
        try {
            Parser parser = new Parser(pattern);
            Node root = parser.alternation();
            if (parser.at < pattern.length()) {
                return Optional.empty();
            }
            return check(root);
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours to judge: the schema compiler reports invalid patterns
        }
    }

    // ---- model: a node is a group (alternatives of sequences) or a character set, with a repetition

    private static final class Node {
        final List<List<Node>> alternatives; // null for a character atom
        final BitSet chars; // null for a group
        int min = 1;
        int max = 1; // -1: unbounded

        Node(List<List<Node>> alternatives, BitSet chars) {
            this.alternatives = alternatives;
            this.chars = chars;
        }

        boolean repeats() {
            return max < 0 || max > LARGE;
        }
    }

    private static Optional<String> check(Node node) {
        if (node.alternatives == null) {
            return Optional.empty();
        }
        if (node.repeats()) {
            for (List<Node> sequence : node.alternatives) {
                BitSet repeated = repeatedChars(sequence);
                if (!repeated.isEmpty() && !hasSeparator(sequence, repeated)) {
                    return Optional.of(
                            "a repeated group contains a repeated part with nothing that ends each repetition unambiguously");
                }
            }
            for (int i = 0; i < node.alternatives.size(); i++) {
                for (int j = i + 1; j < node.alternatives.size(); j++) {
                    if (first(node.alternatives.get(i)).intersects(first(node.alternatives.get(j)))) {
                        return Optional.of("a repeated group has alternatives that can start with the same character");
                    }
                }
            }
        } else if (node.max > 1 && boundedNestingExplodes(node)) {
            return Optional.of(
                    "a group repeated " + node.max + " times holds a part of variable length with nothing that ends "
                            + "each repetition, so the same text splits in too many ways (e.g. (a{1,10}){1,10})");
        }
        for (List<Node> sequence : node.alternatives) {
            if (overlappingChain(sequence) >= POLYNOMIAL_DEGREE) {
                return Optional.of(POLYNOMIAL_DEGREE
                        + " or more unbounded repetitions in a row can match the same characters "
                        + "(e.g. .*.*.*x), which costs n^" + POLYNOMIAL_DEGREE + " steps in a backtracking engine");
            }
            for (Node child : sequence) {
                Optional<String> risk = check(child);
                if (risk.isPresent()) {
                    return risk;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A group repeated a bounded number of times ({@code max} at most {@link #LARGE}) whose body has a part of
     * variable length and no separator: {@code (a{1,10}){1,10}} splits a run of a's in about 10^10 ways.
     * Unbounded inner parts ({@code (a+){3}}) are refused from three repetitions on (n^3), bounded ones when
     * span^max passes {@link #MAX_SPLITS}.
     */
    private static boolean boundedNestingExplodes(Node node) {
        for (List<Node> sequence : node.alternatives) {
            BitSet variable = new BitSet(CHARS);
            long span = variableSpan(sequence, variable);
            if (span > 1 && !hasSeparator(sequence, variable)) {
                boolean explodes =
                        span == Long.MAX_VALUE ? node.max >= POLYNOMIAL_DEGREE : Math.pow(span, node.max) > MAX_SPLITS;
                if (explodes) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The largest count range (max - min + 1, or MAX_VALUE when unbounded) of a variable part, at any depth; collects its characters. */
    private static long variableSpan(List<Node> sequence, BitSet chars) {
        long span = 1;
        for (Node node : sequence) {
            if (node.max < 0 || node.max > node.min) {
                chars.or(all(node));
                span = Math.max(span, node.max < 0 ? Long.MAX_VALUE : node.max - node.min + 1L);
            }
            if (node.alternatives != null) {
                for (List<Node> inner : node.alternatives) {
                    span = Math.max(span, variableSpan(inner, chars));
                }
            }
        }
        return span;
    }

    /**
     * The longest run of unbounded repetitions in a sequence that can all match one same character, where
     * nothing in between needs a character outside that shared set: {@code [\s\S]*[\s\S]*[\s\S]*x} is 3,
     * {@code [a-z]+@[a-z]+} is 1 (no '@' is a letter).
     */
    private static int overlappingChain(List<Node> sequence) {
        int longest = 0;
        int chain = 0;
        BitSet shared = null;
        for (Node node : sequence) {
            BitSet chars = all(node);
            if (node.repeats()) {
                if (shared != null && shared.intersects(chars)) {
                    shared = (BitSet) shared.clone();
                    shared.and(chars);
                    chain++;
                } else {
                    shared = chars;
                    chain = 1;
                }
                longest = Math.max(longest, chain);
            } else if (node.min >= 1 && shared != null && !shared.intersects(chars)) {
                shared = null; // a mandatory character the run cannot hold ends the run
                chain = 0;
            }
        }
        return longest;
    }

    /** Characters matched by any repeated part of the sequence, at any depth. */
    private static BitSet repeatedChars(List<Node> sequence) {
        BitSet repeated = new BitSet(CHARS);
        for (Node node : sequence) {
            if (node.repeats()) {
                repeated.or(all(node));
            } else if (node.alternatives != null) {
                for (List<Node> inner : node.alternatives) {
                    repeated.or(repeatedChars(inner));
                }
            }
        }
        return repeated;
    }

    /** A mandatory single character (at the top of the sequence) that no repeated part can match. */
    private static boolean hasSeparator(List<Node> sequence, BitSet repeated) {
        for (Node node : sequence) {
            if (node.alternatives == null && node.min >= 1 && !node.chars.intersects(repeated)) {
                return true;
            }
        }
        return false;
    }

    private static BitSet all(Node node) {
        if (node.alternatives == null) {
            return node.chars;
        }
        BitSet chars = new BitSet(CHARS);
        node.alternatives.forEach(sequence -> sequence.forEach(child -> chars.or(all(child))));
        return chars;
    }

    /** Characters the sequence can start with (conservatively: through optional parts). */
    private static BitSet first(List<Node> sequence) {
        BitSet chars = new BitSet(CHARS);
        for (Node node : sequence) {
            if (node.alternatives == null) {
                chars.or(node.chars);
            } else {
                node.alternatives.forEach(inner -> chars.or(first(inner)));
            }
            if (node.min >= 1) {
                break;
            }
        }
        return chars;
    }

    // ---- a small parser for the common subset; anything exotic reads as "any character"

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node alternation() {
            List<List<Node>> alternatives = new ArrayList<>();
            alternatives.add(sequence());
            while (at < text.length() && text.charAt(at) == '|') {
                at++;
                alternatives.add(sequence());
            }
            return new Node(alternatives, null);
        }

        private List<Node> sequence() {
            List<Node> sequence = new ArrayList<>();
            while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
                Node atom = atom();
                if (atom != null) {
                    quantifier(atom);
                    sequence.add(atom);
                }
            }
            return sequence;
        }

        private Node atom() {
            char c = text.charAt(at++);
            switch (c) {
                case '(' -> {
                    if (text.startsWith("?", at)) { // (?:...), (?=...), (?!...), (?<name>...), (?i)
                        int close = at + 1;
                        while (close < text.length()
                                && ":=!<>".indexOf(text.charAt(close)) < 0
                                && text.charAt(close) != ')') {
                            close++;
                        }
                        if (close < text.length()
                                && text.charAt(close) == '<'
                                && close + 1 < text.length()
                                && "=!".indexOf(text.charAt(close + 1)) < 0) {
                            close = text.indexOf('>', close);
                        } else if (close < text.length() && text.charAt(close) == '<') {
                            close++;
                        }
                        at = close + 1;
                        if (text.charAt(close) == ')') {
                            return null; // inline flags
                        }
                    }
                    Node group = alternation();
                    expect(')');
                    return group;
                }
                case '[' -> {
                    return new Node(null, charClass());
                }
                case '.' -> {
                    return any();
                }
                case '^', '$' -> {
                    return null;
                }
                case '\\' -> {
                    return escape();
                }
                default -> {
                    return single(c);
                }
            }
        }

        private Node escape() {
            char c = text.charAt(at++);
            return switch (c) {
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> null;
                default -> new Node(null, escapeChars(c));
            };
        }

        private BitSet escapeChars(char c) {
            BitSet set = new BitSet(CHARS);
            switch (c) {
                case 'd' -> set.set('0', '9' + 1);
                case 'D' -> {
                    set.set('0', '9' + 1);
                    set.flip(0, CHARS);
                }
                case 'w' -> {
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('0', '9' + 1);
                    set.set('_');
                }
                case 'W' -> {
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('0', '9' + 1);
                    set.set('_');
                    set.flip(0, CHARS);
                }
                case 's' -> " \t\n\u000B\f\r".chars().forEach(set::set);
                case 'S' -> {
                    " \t\n\u000B\f\r".chars().forEach(set::set);
                    set.flip(0, CHARS);
                }
                case 't' -> set.set('\t');
                case 'n' -> set.set('\n');
                case 'r' -> set.set('\r');
                case 'f' -> set.set('\f');
                case 'x' -> {
                    set.set(Integer.parseInt(text.substring(at, at + 2), 16));
                    at += 2;
                }
                case 'u' -> {
                    set.set(Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        set.set(0, CHARS); // \p{..}, back-references and the like: assume anything
                        if (c == 'p' || c == 'P') {
                            at = text.indexOf('}', at) + 1;
                        }
                    } else {
                        set.set(c); // an escaped metacharacter: \. \- \( ...
                    }
                }
            }
            return set;
        }

        private BitSet charClass() {
            boolean negated = text.charAt(at) == '^';
            if (negated) {
                at++;
            }
            BitSet set = new BitSet(CHARS);
            boolean firstChar = true;
            while (text.charAt(at) != ']' || firstChar) {
                firstChar = false;
                char c = text.charAt(at++);
                if (c == '[' || (c == '&' && text.charAt(at) == '&')) {
                    throw new IllegalArgumentException("nested or intersected class"); // rare: do not judge
                }
                int low;
                if (c == '\\') {
                    BitSet escaped = escapeChars(text.charAt(at++));
                    if (escaped.cardinality() != 1) {
                        set.or(escaped);
                        continue;
                    }
                    low = escaped.nextSetBit(0);
                } else {
                    low = c;
                }
                if (text.charAt(at) == '-' && text.charAt(at + 1) != ']') {
                    at++;
                    char h = text.charAt(at++);
                    int high = h == '\\' ? escapeChars(text.charAt(at++)).nextSetBit(0) : h;
                    set.set(low, high + 1);
                } else {
                    set.set(low);
                }
            }
            at++;
            if (negated) {
                set.flip(0, CHARS);
            }
            return set;
        }

        private void quantifier(Node node) {
            if (at >= text.length()) {
                return;
            }
            char c = text.charAt(at);
            switch (c) {
                case '*' -> {
                    node.min = 0;
                    node.max = -1;
                    at++;
                }
                case '+' -> {
                    node.max = -1;
                    at++;
                }
                case '?' -> {
                    node.min = 0;
                    at++;
                }
                case '{' -> {
                    int close = text.indexOf('}', at);
                    String[] bounds = text.substring(at + 1, close).split(",", -1);
                    node.min = Integer.parseInt(bounds[0].strip());
                    node.max = bounds.length == 1
                            ? node.min
                            : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].strip());
                    at = close + 1;
                }
                default -> {
                    return;
                }
            }
            if (at < text.length() && (text.charAt(at) == '?' || text.charAt(at) == '+')) {
                at++; // lazy or possessive: same shape for our purpose
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            at++;
        }

        private static Node any() {
            BitSet set = new BitSet(CHARS);
            set.set(0, CHARS);
            return new Node(null, set);
        }

        private static Node single(char c) {
            BitSet set = new BitSet(CHARS);
            set.set(c);
            return new Node(null, set);
        }
    }
}
