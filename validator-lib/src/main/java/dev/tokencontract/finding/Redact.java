package dev.tokencontract.finding;

/** Shortening and masking of values before they reach a finding, a log or a terminal. */
public final class Redact {
    private Redact() {}

    /** At most {@code max} characters, with control characters made visible; never {@code null}. */
    public static String shorten(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && value.length() > max) {
            out.setLength(max);
            out.append("… (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /** A short value fit for a finding's {@code actual}. */
    public static String value(String value) {
        return shorten(value, 120);
    }

    /** A signature shown as its first 6 characters and its length, never in full. */
    public static String signature(String base64url) {
        if (base64url == null || base64url.isEmpty()) {
            return "(none)";
        }
        String head = base64url.substring(0, Math.min(6, base64url.length()));
        return head + "… (" + base64url.length() + " chars, redacted)";
    }
}
