package dev.tokencontract.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where the token comes from: the one positional argument, or stdin when there is none or it is
 * {@code -} (so the token stays out of shell history and process lists). Pasted decoration is removed: {@code Authorization:}, {@code Bearer }, surrounding
 * quotes and all whitespace.
 */
final class TokenInput {
    /** Stdin is read up to this many bytes; more is not a token (the validator's own limit is 32 KiB). */
    static final int MAX_STDIN_BYTES = 1024 * 1024;

    private TokenInput() {}

    /** The cleaned token; a {@link UsageException} when there is none or stdin is oversized. */
    static String read(List<String> positional, Io io) throws UsageException {
        if (positional.size() > 1) {
            throw new UsageException("expected at most one TOKEN argument, got " + positional.size()
                    + " (a token has no spaces; quote it or pipe it on stdin)");
        }
        boolean fromStdin = positional.isEmpty() || positional.get(0).equals("-");
        String raw = fromStdin ? readStdin(io) : positional.get(0);
        String token = clean(raw);
        if (token.isEmpty()) {
            throw new UsageException("no token given: pass it as the argument or on stdin");
        }
        return token;
    }

    static String clean(String raw) {
        String text = raw.strip();
        text = dropPrefix(text, "authorization:");
        text = dropPrefix(text, "bearer");
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Drops a case-insensitive word followed by whitespace or nothing (a colon-ended prefix by anything). */
    private static String dropPrefix(String text, String prefix) {
        if (!text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return text;
        }
        String rest = text.substring(prefix.length());
        boolean separated = prefix.endsWith(":") || rest.isEmpty() || Character.isWhitespace(rest.charAt(0));
        return separated ? rest.strip() : text;
    }

    private static String readStdin(Io io) throws UsageException {
        if (io.terminal()) {
            io.err().println("Reading the token from stdin: paste it, then press Enter and Ctrl-D.");
        }
        byte[] bytes;
        try {
            bytes = io.in().readNBytes(MAX_STDIN_BYTES + 1);
        } catch (IOException e) {
            throw new InputUnreadableException("cannot read the token from stdin: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > MAX_STDIN_BYTES) {
            throw new UsageException(
                    "stdin holds more than " + MAX_STDIN_BYTES + " bytes (1 MiB); that is not a token");
        }
        // Malformed UTF-8 becomes U+FFFD, which the shape check then reports as not base64url.
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
