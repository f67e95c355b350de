package dev.tokencontract.registry.internal.ui;

import java.util.Locale;

/** Just enough of RFC 9110 {@code Accept} to tell a browser from an API client. */
final class AcceptHeader {
    private AcceptHeader() {}

    /** True when {@code text/html} gets a strictly higher quality than {@code application/json}. */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.length() > 4096) {
            return false;
        }
        return quality(accept, "text", "html") > quality(accept, "application", "json");
    }

    /** The quality the most specific matching range gives {@code type/subtype}; 0 when none matches. */
    private static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String media = parts[0].strip().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String t = media.substring(0, slash);
            String s = media.substring(slash + 1);
            int specificity;
            if (t.equals(type) && s.equals(subtype)) {
                specificity = 2;
            } else if (t.equals(type) && s.equals("*")) {
                specificity = 1;
            } else if (t.equals("*") && s.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                best = q(parts);
            }
        }
        return best;
    }

    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
