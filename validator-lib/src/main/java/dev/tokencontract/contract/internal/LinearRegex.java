package dev.tokencontract.contract.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.Optional;

/**
 * Contract patterns (ECMA-262 syntax, as JSON Schema says) matched by RE2/J in time linear in the input,
 * with no recursion: no claim value can make a validator hang or overflow its stack, whatever the pattern.
 * {@code java.util.regex} backtracks, and recurses once per repetition of a group, so the bundled
 * {@code scope} pattern overflowed the stack at about 1,800 scope values.
 *
 * <p>The ECMA-262 syntax is translated where RE2 differs: {@code .} excludes every ECMA line terminator,
 * {@code \s} is ECMA's white space set, {@code \\uXXXX} and {@code \\u{...}} are code points, {@code \\cX} is a
 * control character, {@code [^]} matches anything and {@code []} nothing, {@code (?<name>} names a group, an
 * escaped letter with no meaning is the letter. What RE2 cannot run — look-ahead, look-behind,
 * back-references — is refused ({@link #unsupported}), so lint reports it before any token is judged.
 * One documented difference remains: {@code \S} inside a bracket uses RE2's ASCII white space.
 */
public final class LinearRegex implements RegularExpressionFactory {
    /** The factory the contract schema registry uses for {@code pattern}, {@code patternProperties} and {@code format: regex}. */
    public static final LinearRegex FACTORY = new LinearRegex();

    /** ECMA-262 WhiteSpace and LineTerminator code points, as the body of an RE2 character class. */
    private static final String ECMA_SPACE = "\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
            + "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

    private static final String ANY_BUT_LINE_TERMINATOR = "[^\\n\\r\\x{2028}\\x{2029}]";

    private LinearRegex() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = compile(regex);
        return input -> pattern.matcher(input).find();
    }

    /**
     * Why {@code regex} cannot be matched in linear time here, or empty when it can. Empty too for a pattern
     * that is simply not a regular expression ({@code "[unclosed"}): that is the schema's own error
     * ({@code LINT_INVALID_SCHEMA}), not a missing feature.
     */
    public static Optional<String> unsupported(String regex) {
        try {
            compile(regex);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return refusedFeature(e) || compilesInJava(regex) ? Optional.of(e.getMessage()) : Optional.empty();
        }
    }

    private static boolean refusedFeature(IllegalArgumentException e) {
        return !(e instanceof SyntaxError);
    }

    private static boolean compilesInJava(String regex) {
        try {
            java.util.regex.Pattern.compile(regex); // compiling only, never matching: no backtracking here
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** RE2 refused the translated pattern; it may be a plain syntax error or a limit of RE2 (e.g. a{1001}). */
    private static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /** Compiles an ECMA-262 pattern for RE2/J; throws {@link IllegalArgumentException} saying what is not supported. */
    static Pattern compile(String regex) {
        String translated = translate(regex);
        try {
            return Pattern.compile(translated);
        } catch (PatternSyntaxException e) {
            throw new SyntaxError("RE2 refuses it: " + e.getDescription());
        }
    }

    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escape(regex, i + 1, inClass, out);
            } else if (inClass) {
                out.append(c == '[' ? "\\[" : String.valueOf(c));
                inClass = c != ']';
                i++;
            } else if (c == '[') {
                if (regex.startsWith("[^]", i)) {
                    out.append("[\\x{0}-\\x{10FFFF}]");
                    i += 3;
                } else if (regex.startsWith("[]", i)) {
                    out.append("[^\\x{0}-\\x{10FFFF}]");
                    i += 2;
                } else {
                    out.append('[');
                    inClass = true;
                    i++;
                    if (i < regex.length() && regex.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < regex.length() && regex.charAt(i) == ']') {
                        out.append("\\]"); // not reached for [] and [^]; kept for safety
                        i++;
                    }
                }
            } else if (c == '.') {
                out.append(ANY_BUT_LINE_TERMINATOR);
                i++;
            } else if (c == '(' && regex.startsWith("(?", i)) {
                i = group(regex, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int group(String regex, int i, StringBuilder out) {
        if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i)) {
            throw new IllegalArgumentException("look-ahead ('(?=' or '(?!') cannot be matched in linear time");
        }
        if (regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
            throw new IllegalArgumentException("look-behind ('(?<=' or '(?<!') cannot be matched in linear time");
        }
        if (regex.startsWith("(?<", i)) {
            out.append("(?P<");
            return i + 3;
        }
        if (regex.startsWith("(?:", i)) {
            out.append("(?:");
            return i + 3;
        }
        throw new IllegalArgumentException(
                "'(?' is followed by something ECMA-262 does not define (inline flags are not ECMA-262)");
    }

    /** Translates the escape whose letter is at {@code at}; returns the index after it. */
    private static int escape(String regex, int at, boolean inClass, StringBuilder out) {
        if (at >= regex.length()) {
            throw new SyntaxError("the pattern ends with a lone backslash");
        }
        char e = regex.charAt(at);
        switch (e) {
            case 'u' -> {
                return unicode(regex, at + 1, out);
            }
            case 'x' -> {
                out.append("\\x{").append(hex(regex, at + 1, 2)).append('}');
                return at + 3;
            }
            case 'c' -> {
                if (at + 1 < regex.length()
                        && Character.isLetter(regex.charAt(at + 1))
                        && regex.charAt(at + 1) < 0x80) {
                    out.append("\\x{")
                            .append(Integer.toHexString(regex.charAt(at + 1) % 32))
                            .append('}');
                    return at + 2;
                }
                out.append("\\\\c"); // ECMA (Annex B): a backslash and a 'c'
                return at + 1;
            }
            case 's' -> out.append(inClass ? ECMA_SPACE : "[" + ECMA_SPACE + "]");
            case 'S' -> out.append(inClass ? "\\S" : "[^" + ECMA_SPACE + "]");
            case 'b' -> out.append(inClass ? "\\x{8}" : "\\b");
            case 'd', 'D', 'w', 'W', 'B', 't', 'n', 'r', 'f', 'v' ->
                out.append('\\').append(e);
            case 'p', 'P' -> {
                return property(regex, at, out);
            }
            case 'k' -> {
                if (at + 1 < regex.length() && regex.charAt(at + 1) == '<') {
                    throw new IllegalArgumentException(
                            "back-references ('\\k<name>') cannot be matched in linear time");
                }
                out.append('k');
            }
            case '0' -> {
                if (at + 1 < regex.length() && Character.isDigit(regex.charAt(at + 1))) {
                    throw new IllegalArgumentException("octal escapes are not supported");
                }
                out.append("\\x{0}");
            }
            default -> {
                if (e >= '1' && e <= '9') {
                    throw new IllegalArgumentException(
                            "back-references ('\\" + e + "') cannot be matched in linear time");
                }
                if (Character.isLetterOrDigit(e) || e >= 0x80) {
                    out.append(e); // ECMA identity escape: the character itself
                } else {
                    out.append('\\').append(e);
                }
            }
        }
        return at + 1;
    }

    private static int unicode(String regex, int at, StringBuilder out) {
        int code;
        int next;
        if (at < regex.length() && regex.charAt(at) == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0 || close - at > 7) {
                throw new IllegalArgumentException("unterminated \\u{...} escape");
            }
            code = Integer.parseInt(hex(regex, at + 1, close - at - 1), 16);
            next = close + 1;
        } else {
            code = Integer.parseInt(hex(regex, at, 4), 16);
            next = at + 4;
            if (Character.isHighSurrogate((char) code) && regex.startsWith("\\u", next) && next + 6 <= regex.length()) {
                int low = Integer.parseInt(hex(regex, next + 2, 4), 16);
                if (Character.isLowSurrogate((char) low)) {
                    code = Character.toCodePoint((char) code, (char) low);
                    next += 6;
                }
            }
        }
        out.append("\\x{").append(Integer.toHexString(code)).append('}');
        return next;
    }

    /** {@code \p{L}}, {@code \p{Script=Greek}}, {@code \p{gc=Lu}}: RE2 names the value only. */
    private static int property(String regex, int at, StringBuilder out) {
        char e = regex.charAt(at);
        if (at + 1 >= regex.length() || regex.charAt(at + 1) != '{') {
            out.append(e); // ECMA without the u flag: \p is the letter p
            return at + 1;
        }
        int close = regex.indexOf('}', at);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated \\" + e + "{...} escape");
        }
        String name = regex.substring(at + 2, close);
        int equals = name.indexOf('=');
        if (equals >= 0) {
            String kind = name.substring(0, equals);
            if (!kind.equals("Script")
                    && !kind.equals("sc")
                    && !kind.equals("General_Category")
                    && !kind.equals("gc")) {
                throw new IllegalArgumentException("Unicode property '" + kind + "' is not supported");
            }
            name = name.substring(equals + 1);
        }
        out.append('\\').append(e).append('{').append(name).append('}');
        return close + 1;
    }

    private static String hex(String regex, int from, int length) {
        if (length < 1 || from + length > regex.length()) {
            throw new SyntaxError("incomplete hexadecimal escape");
        }
        String digits = regex.substring(from, from + length);
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), 16) < 0) {
                throw new SyntaxError("'" + digits + "' is not hexadecimal");
            }
        }
        return digits;
    }
}
