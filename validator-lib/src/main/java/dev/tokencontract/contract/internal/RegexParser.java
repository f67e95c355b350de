package dev.tokencontract.contract.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A small parser for the common subset of regular expressions that {@link PatternBacktracking} judges; anything
 * exotic (Unicode properties, back-references) reads as "any character", nested or intersected classes are not
 * read at all.
 */
final class RegexParser {
    private final String text;
    private int at;

    private RegexParser(String text) {
        this.text = text;
    }

    private RegexNode alternation() {
        List<List<RegexNode>> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (at < text.length() && text.charAt(at) == '|') {
            at++;
            alternatives.add(sequence());
        }
        return new RegexNode(alternatives, null);
    }

    private List<RegexNode> sequence() {
        List<RegexNode> sequence = new ArrayList<>();
        while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
            RegexNode atom = atom();
            if (atom != null) {
                quantifier(atom);
                sequence.add(atom);
            }
        }
        return sequence;
    }

    private RegexNode atom() {
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
                RegexNode group = alternation();
                expect(')');
                return group;
            }
            case '[' -> {
                return new RegexNode(null, charClass());
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

    private RegexNode escape() {
        char c = text.charAt(at++);
        return switch (c) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> null;
            default -> new RegexNode(null, escapeChars(c));
        };
    }

    private BitSet escapeChars(char c) {
        BitSet set = new BitSet(RegexNode.CHARS);
        switch (c) {
            case 'd' -> set.set('0', '9' + 1);
            case 'D' -> {
                set.set('0', '9' + 1);
                set.flip(0, RegexNode.CHARS);
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
                set.flip(0, RegexNode.CHARS);
            }
            case 's' -> " \t\n\u000B\f\r".chars().forEach(set::set);
            case 'S' -> {
                " \t\n\u000B\f\r".chars().forEach(set::set);
                set.flip(0, RegexNode.CHARS);
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
                    set.set(0, RegexNode.CHARS); // \p{..}, back-references and the like: assume anything
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
        BitSet set = new BitSet(RegexNode.CHARS);
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
            set.flip(0, RegexNode.CHARS);
        }
        return set;
    }

    private void quantifier(RegexNode node) {
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
                node.max =
                        bounds.length == 1 ? node.min : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].strip());
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

    private static RegexNode any() {
        BitSet set = new BitSet(RegexNode.CHARS);
        set.set(0, RegexNode.CHARS);
        return new RegexNode(null, set);
    }

    private static RegexNode single(char c) {
        BitSet set = new BitSet(RegexNode.CHARS);
        set.set(c);
        return new RegexNode(null, set);
    }

    /** The whole pattern as one tree, or empty when it cannot be read to its end. */
    static Optional<RegexNode> parseWhole(String pattern) {
        RegexParser parser = new RegexParser(pattern);
        RegexNode root = parser.alternation();
        return parser.at < pattern.length() ? Optional.empty() : Optional.of(root);
    }
}
