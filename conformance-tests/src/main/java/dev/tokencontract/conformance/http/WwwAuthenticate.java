package dev.tokencontract.conformance.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict parser of {@code WWW-Authenticate} field values (RFC 9110 section 11.6.1 and 5.6): a list of
 * challenges, each {@code auth-scheme [ 1*SP ( token68 / #auth-param ) ]}. It accepts exactly the grammar
 * (plus empty list elements, which RFC 9110 section 5.6.1 tells recipients to ignore) and explains the
 * first place it fails. Never throws for any input.
 */
public final class WwwAuthenticate {
    /** Longer field values are refused: a challenge is a few hundred characters. */
    public static final int MAX_CHARS = 8 * 1024;

    /** The parsed challenges, or where and why parsing failed. */
    public record Parsed(List<Challenge> challenges, Optional<String> error) {
        public Parsed {
            challenges = List.copyOf(challenges);
        }

        public boolean ok() {
            return error.isEmpty();
        }

        /** The first challenge of {@code scheme} (ignoring case). */
        public Optional<Challenge> first(String scheme) {
            return challenges.stream().filter(c -> c.is(scheme)).findFirst();
        }

        static Parsed failed(String error) {
            return new Parsed(List.of(), Optional.of(error));
        }
    }

    private final String text;
    private int pos;

    private WwwAuthenticate(String text) {
        this.text = text;
    }

    /** Parses one field value; several header lines may be joined with {@code ", "} first. */
    public static Parsed parse(String value) {
        if (value == null || value.isBlank()) {
            return Parsed.failed("the header is empty");
        }
        if (value.length() > MAX_CHARS) {
            return Parsed.failed("the header is longer than " + MAX_CHARS + " characters");
        }
        try {
            return new Parsed(new WwwAuthenticate(value).challenges(), Optional.empty());
        } catch (Malformed e) {
            return Parsed.failed(e.getMessage());
        }
    }

    /** Parses several header lines as one list, as RFC 9110 section 5.3 allows. */
    public static Parsed parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return Parsed.failed("no WWW-Authenticate header");
        }
        return parse(String.join(", ", lines));
    }

    private List<Challenge> challenges() throws Malformed {
        List<Challenge> result = new ArrayList<>();
        skipListSeparators();
        while (pos < text.length()) {
            result.add(challenge());
            skipOws();
            if (pos < text.length()) {
                expect(',', "',' between challenges");
            }
            skipListSeparators();
        }
        if (result.isEmpty()) {
            throw new Malformed("no challenge in the header");
        }
        return result;
    }

    private Challenge challenge() throws Malformed {
        String scheme = token("an auth-scheme");
        List<Challenge.Param> params = new ArrayList<>();
        if (pos >= text.length() || text.charAt(pos) == ',' || isOws(text.charAt(pos)) && onlyOwsThenCommaOrEnd()) {
            return new Challenge(scheme, null, params);
        }
        if (text.charAt(pos) != ' ') {
            throw fail("a space after the scheme '" + scheme + "'");
        }
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= text.length() || text.charAt(pos) == ',') {
            return new Challenge(scheme, null, params);
        }
        String token68 = tryToken68();
        if (token68 != null) {
            return new Challenge(scheme, token68, params);
        }
        params.add(param());
        while (true) {
            int mark = pos;
            skipOws();
            if (pos >= text.length() || text.charAt(pos) != ',') {
                pos = mark;
                return new Challenge(scheme, null, params);
            }
            pos++;
            skipListSeparators();
            if (pos >= text.length()) {
                return new Challenge(scheme, null, params);
            }
            if (!nextIsParam()) { // the next list element is a new challenge
                pos = mark;
                return new Challenge(scheme, null, params);
            }
            params.add(param());
        }
    }

    private Challenge.Param param() throws Malformed {
        String name = token("an auth-param name");
        skipOws();
        expect('=', "'=' after the auth-param name '" + name + "'");
        skipOws();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return new Challenge.Param(name, quotedString(), true);
        }
        return new Challenge.Param(name, token("a token or quoted-string value for '" + name + "'"), false);
    }

    /** token68 when the rest of this list element is exactly one (possibly '='-padded), else null. */
    private String tryToken68() {
        int start = pos;
        int i = pos;
        while (i < text.length() && isToken68Char(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        int end = i;
        while (i < text.length() && isOws(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) != ',') {
            return null;
        }
        String candidate = text.substring(start, end);
        int eq = candidate.indexOf('=');
        if (eq > 0 && eq < candidate.length() && candidate.substring(eq).chars().anyMatch(c -> c != '=')) {
            return null;
        }
        pos = end;
        return candidate;
    }

    private boolean nextIsParam() {
        int i = pos;
        while (i < text.length() && isTchar(text.charAt(i))) {
            i++;
        }
        if (i == pos) {
            return false;
        }
        while (i < text.length() && isOws(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '=';
    }

    private String quotedString() throws Malformed {
        int open = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= text.length() || !isQuotedPairChar(text.charAt(pos + 1))) {
                    throw fail("a valid escape after '\\'");
                }
                value.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (!isQdtext(c)) {
                throw fail("a printable character inside the quoted string (control characters are not allowed)");
            }
            value.append(c);
            pos++;
        }
        pos = open;
        throw fail("a closing '\"' for the quoted string");
    }

    private String token(String what) throws Malformed {
        int start = pos;
        while (pos < text.length() && isTchar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw fail(what);
        }
        return text.substring(start, pos);
    }

    private void expect(char c, String what) throws Malformed {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw fail(what);
        }
        pos++;
    }

    private void skipOws() {
        while (pos < text.length() && isOws(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipListSeparators() {
        skipOws();
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            skipOws();
        }
    }

    private boolean onlyOwsThenCommaOrEnd() {
        int i = pos;
        while (i < text.length() && isOws(text.charAt(i))) {
            i++;
        }
        return i >= text.length() || text.charAt(i) == ',';
    }

    private Malformed fail(String expected) {
        String found = pos >= text.length() ? "the end" : "'" + printable(text.charAt(pos)) + "'";
        return new Malformed("expected " + expected + " at character " + (pos + 1) + ", found " + found);
    }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    static boolean isTchar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static boolean isToken68Char(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isQdtext(char c) {
        return c == '\t'
                || c == ' '
                || c == 0x21
                || c >= 0x23 && c <= 0x5b
                || c >= 0x5d && c <= 0x7e
                || c >= 0x80 && c <= 0xff;
    }

    private static boolean isQuotedPairChar(char c) {
        return c == '\t' || c == ' ' || c >= 0x21 && c <= 0x7e || c >= 0x80 && c <= 0xff;
    }

    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
