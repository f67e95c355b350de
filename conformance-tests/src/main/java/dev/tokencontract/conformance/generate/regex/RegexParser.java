package dev.tokencontract.conformance.generate.regex;

import dev.tokencontract.conformance.generate.regex.RegexNode.Alternation;
import dev.tokencontract.conformance.generate.regex.RegexNode.Chars;
import dev.tokencontract.conformance.generate.regex.RegexNode.EndAnchor;
import dev.tokencontract.conformance.generate.regex.RegexNode.Repeat;
import dev.tokencontract.conformance.generate.regex.RegexNode.Sequence;
import dev.tokencontract.conformance.generate.regex.RegexNode.StartAnchor;
import dev.tokencontract.conformance.generate.regex.RegexNode.Unsupported;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses ECMA-262 pattern syntax as JSON Schema uses it (no flags): alternation, groups (capturing,
 * {@code (?:)}, named), quantifiers (greedy or lazy, including {@code {n,m}}), classes with ranges and
 * negation, {@code .}, escapes ({@code \d \w \s \D \W \S \t \n \r \f \v \0 \cX \xHH \\uHHHH \\u{...}
 * \p{...}}), anchors. Backreferences, lookaround and word boundaries parse to {@link Unsupported}.
 */
final class RegexParser {
    private static final int UNBOUNDED = -1;
    /** Deeper group nesting is refused (a hostile pattern must not overflow the stack). */
    static final int MAX_GROUP_DEPTH = 256;

    private final String pattern;
    private final int[] cps;
    private int pos;
    private int groupDepth;

    private RegexParser(String pattern) {
        this.pattern = pattern;
        this.cps = pattern.codePoints().toArray();
    }

    static RegexNode parse(String pattern) {
        RegexParser parser = new RegexParser(pattern);
        RegexNode node = parser.alternation();
        if (parser.pos < parser.cps.length) {
            throw parser.error("unbalanced ')'");
        }
        return node;
    }

    private RegexNode alternation() {
        List<RegexNode> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek() == '|') {
            pos++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
    }

    private RegexNode sequence() {
        List<RegexNode> items = new ArrayList<>();
        while (pos < cps.length && peek() != '|' && peek() != ')') {
            RegexNode atom = atom();
            items.add(quantified(atom));
        }
        return new Sequence(items);
    }

    private RegexNode quantified(RegexNode atom) {
        int min;
        int max;
        int c = peek();
        if (c == '*') {
            min = 0;
            max = UNBOUNDED;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = UNBOUNDED;
            pos++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '{' && braceQuantifierAhead()) {
            pos++;
            min = number();
            max = min;
            if (peek() == ',') {
                pos++;
                max = peek() == '}' ? UNBOUNDED : number();
            }
            pos++; // '}'
            if (max != UNBOUNDED && max < min) {
                throw error("numbers out of order in {} quantifier");
            }
        } else {
            return atom;
        }
        if (peek() == '?') {
            pos++; // lazy: same language
        }
        if (atom instanceof StartAnchor || atom instanceof EndAnchor) {
            throw error("nothing to repeat");
        }
        return new Repeat(atom, min, max);
    }

    private boolean braceQuantifierAhead() {
        int i = pos + 1;
        int digits = 0;
        while (i < cps.length && Character.isDigit(cps[i])) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i < cps.length && cps[i] == ',') {
            i++;
            while (i < cps.length && Character.isDigit(cps[i])) {
                i++;
            }
        }
        return i < cps.length && cps[i] == '}';
    }

    private int number() {
        long value = 0;
        int start = pos;
        while (pos < cps.length && Character.isDigit(cps[pos])) {
            value = Math.min(value * 10 + (cps[pos] - '0'), Integer.MAX_VALUE);
            pos++;
        }
        if (pos == start) {
            throw error("expected a number");
        }
        return (int) value;
    }

    private RegexNode atom() {
        int c = cps[pos++];
        switch (c) {
            case '^':
                return new StartAnchor();
            case '$':
                return new EndAnchor();
            case '.':
                return new Chars(CharSet.LINE_TERMINATORS.complement());
            case '(':
                return group();
            case '[':
                return new Chars(new ClassParser(this).parse());
            case '\\':
                return escapeAtom();
            case '*':
            case '+':
            case '?':
                throw error("nothing to repeat");
            default:
                return new Chars(CharSet.single(c));
        }
    }

    private RegexNode group() {
        if (++groupDepth > MAX_GROUP_DEPTH) {
            throw error("groups nested deeper than " + MAX_GROUP_DEPTH);
        }
        String kind = "";
        if (peek() == '?') {
            pos++;
            int next = cps.length > pos ? cps[pos++] : -1;
            if (next == ':') {
                kind = "";
            } else if (next == '=' || next == '!') {
                kind = next == '=' ? "lookahead (?=...)" : "negative lookahead (?!...)";
            } else if (next == '<' && (peek() == '=' || peek() == '!')) {
                kind = cps[pos++] == '=' ? "lookbehind (?<=...)" : "negative lookbehind (?<!...)";
            } else if (next == '<') {
                while (pos < cps.length && cps[pos] != '>') {
                    pos++;
                }
                if (pos >= cps.length) {
                    throw error("unterminated group name");
                }
                pos++;
            } else {
                throw error("invalid group");
            }
        }
        RegexNode inner = alternation();
        if (peek() != ')') {
            throw error("missing ')'");
        }
        pos++;
        groupDepth--;
        return kind.isEmpty() ? inner : new Unsupported(kind);
    }

    private RegexNode escapeAtom() {
        if (pos >= cps.length) {
            throw error("\\ at end of pattern");
        }
        int c = cps[pos];
        if (c == 'b' || c == 'B') {
            pos++;
            return new Unsupported("word boundary \\" + (char) c);
        }
        if (c >= '1' && c <= '9') {
            pos++;
            while (pos < cps.length && Character.isDigit(cps[pos])) {
                pos++;
            }
            return new Unsupported("backreference");
        }
        if (c == 'k' && pos + 1 < cps.length && cps[pos + 1] == '<') {
            while (pos < cps.length && cps[pos] != '>') {
                pos++;
            }
            pos++;
            return new Unsupported("named backreference \\k<...>");
        }
        return new Chars(escape(false));
    }

    /** After a backslash: the set the escape stands for. Shared with classes ({@code inClass} makes \b a backspace). */
    CharSet escape(boolean inClass) {
        int c = cps[pos++];
        switch (c) {
            case 'd':
                return CharSet.DIGITS;
            case 'D':
                return CharSet.DIGITS.complement();
            case 'w':
                return CharSet.WORD;
            case 'W':
                return CharSet.WORD.complement();
            case 's':
                return CharSet.SPACE;
            case 'S':
                return CharSet.SPACE.complement();
            case 't':
                return CharSet.single('\t');
            case 'n':
                return CharSet.single('\n');
            case 'r':
                return CharSet.single('\r');
            case 'f':
                return CharSet.single('\f');
            case 'v':
                return CharSet.single(0x0B);
            case '0':
                return CharSet.single(0);
            case 'b':
                if (inClass) {
                    return CharSet.single(8);
                }
                break;
            case 'c':
                if (pos < cps.length && Character.isLetter(cps[pos])) {
                    return CharSet.single(cps[pos++] % 32);
                }
                return CharSet.single('\\').union(CharSet.single('c'));
            case 'x':
                return CharSet.single(hex(2));
            case 'u':
                if (peek() == '{') {
                    pos++;
                    int start = pos;
                    while (pos < cps.length && cps[pos] != '}') {
                        pos++;
                    }
                    int value = Integer.parseInt(new String(cps, start, pos - start), 16);
                    pos++;
                    return CharSet.single(value);
                }
                int unit = hex(4);
                if (Character.isHighSurrogate((char) unit)
                        && pos + 5 < cps.length
                        && cps[pos] == '\\'
                        && cps[pos + 1] == 'u') {
                    int save = pos;
                    pos += 2;
                    int low = hex(4);
                    if (Character.isLowSurrogate((char) low)) {
                        return CharSet.single(Character.toCodePoint((char) unit, (char) low));
                    }
                    pos = save;
                }
                return CharSet.single(unit);
            case 'p':
            case 'P':
                return UnicodeProperties.set(this, c == 'P');
            default:
                break;
        }
        return CharSet.single(c);
    }

    String propertyName() {
        if (peek() != '{') {
            throw error("expected '{' after \\p");
        }
        int start = ++pos;
        while (pos < cps.length && cps[pos] != '}') {
            pos++;
        }
        if (pos >= cps.length) {
            throw error("unterminated \\p{...}");
        }
        return new String(cps, start, pos++ - start);
    }

    private int hex(int digits) {
        if (pos + digits > cps.length) {
            throw error("truncated hex escape");
        }
        try {
            int value = Integer.parseInt(new String(cps, pos, digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("bad hex escape");
        }
    }

    int peek() {
        return pos < cps.length ? cps[pos] : -1;
    }

    int next() {
        if (pos >= cps.length) {
            throw error("unterminated character class");
        }
        return cps[pos++];
    }

    RegexSyntaxException error(String problem) {
        return new RegexSyntaxException(pattern, pos, problem);
    }
}
