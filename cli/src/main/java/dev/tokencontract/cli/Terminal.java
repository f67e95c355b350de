package dev.tokencontract.cli;

/**
 * Text for a terminal: untrusted text made inert, and optional ANSI colour. Every value that came from a
 * token, a contract or the command line passes through {@link #safe} before it is printed, so a claim
 * cannot move the cursor, recolour the screen, reverse text direction or hide characters.
 */
final class Terminal {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Terminal(boolean colour) {
        this.colour = colour;
    }

    /**
     * At most {@code max} characters; control characters (C0, DEL, C1), line and paragraph separators and
     * invisible format characters (bidi overrides, zero-width) shown as {@code \\uXXXX}.
     */
    static String safe(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        int i = 0;
        while (i < text.length() && out.length() < max) {
            int c = text.codePointAt(i);
            if (inert(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
            i += Character.charCount(c);
        }
        if (i < text.length()) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    private static boolean inert(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    String red(String text) {
        return paint("31", text);
    }

    String green(String text) {
        return paint("32", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String cyan(String text) {
        return paint("36", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
