package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.contract.ContractFormats;
import java.util.List;
import java.util.Set;

/** Strings in the formats of JSON Schema 2020-12 (RFC 3339 dates and times, RFC 3986 URIs, addresses...). */
final class Formats {
    /** The formats contracts assert, read from the validator so the generator cannot know a different list. */
    private static final Set<String> KNOWN = ContractFormats.asserted();

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final List<String> TLDS = List.of("test", "example", "com", "org", "dev");
    private static final List<String> REGEXES = List.of("^[a-z]+$", "a|b", "\\d{2,3}", "^(ab)*c?$", "[^\\s]+", ".*");
    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Formats() {}

    static boolean known(String format) {
        return KNOWN.contains(format);
    }

    static String generate(String format, Choices in) {
        switch (format) {
            case "date-time":
                return date(in) + "T" + time(in);
            case "date":
                return date(in);
            case "time":
                return time(in);
            case "duration":
                return duration(in);
            case "email":
            case "idn-email":
                return word(in, ALNUM, 1, 10) + (in.bool(0.2) ? "." + word(in, ALNUM, 1, 6) : "") + "@" + hostname(in);
            case "hostname":
            case "idn-hostname":
                return hostname(in);
            case "ipv4":
                return in.chooseInt(255) + "." + in.chooseInt(255) + "." + in.chooseInt(255) + "." + in.chooseInt(255);
            case "ipv6":
                return ipv6(in);
            case "uri":
            case "iri":
                return uri(in);
            case "uri-reference":
            case "iri-reference":
                return in.bool() ? uri(in) : path(in) + (in.bool(0.3) ? "#" + word(in, ALNUM, 0, 6) : "");
            case "uri-template":
                return "https://" + hostname(in) + "/" + word(in, LOWER, 1, 6) + "/{" + word(in, LOWER, 1, 6) + "}";
            case "uuid":
                return uuid(in);
            case "json-pointer":
                return jsonPointer(in);
            case "relative-json-pointer":
                return in.chooseInt(9) + (in.bool() ? "#" : jsonPointer(in));
            case "regex":
                return REGEXES.get(in.chooseInt(REGEXES.size() - 1));
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }

    private static String date(Choices in) {
        int year = 1970 + in.chooseInt(130);
        int month = 1 + in.chooseInt(11);
        int days = DAYS[month - 1] + (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 1 : 0);
        int day = 1 + in.chooseInt(days - 1);
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    private static String time(Choices in) {
        String base = String.format("%02d:%02d:%02d", in.chooseInt(23), in.chooseInt(59), in.chooseInt(59));
        if (in.bool(0.3)) {
            base += "." + String.format("%03d", in.chooseInt(999));
        }
        if (!in.bool(0.4)) {
            return base + "Z";
        }
        return base + (in.bool() ? "+" : "-") + String.format("%02d:%02d", in.chooseInt(23), in.chooseInt(59));
    }

    /**
     * RFC 3339 appendix A: weeks alone, or a run of consecutive date units (Y, M, D) and/or a run of
     * consecutive time units (H, M, S) after "T"; a unit is never skipped ({@code P1Y2D} is not a duration).
     * Every value is checked with the validator's own {@link ContractFormats#isDuration}, so the generator
     * and the judge cannot drift apart.
     */
    private static String duration(Choices in) {
        StringBuilder out = new StringBuilder("P");
        if (in.bool(0.2)) {
            out.append(1 + in.chooseInt(52)).append('W');
        } else {
            boolean date = in.bool(0.7);
            boolean time = !date || in.bool(0.4);
            if (date) {
                units(in, "YMD", out);
            }
            if (time) {
                units(in, "HMS", out.append('T'));
            }
        }
        String duration = out.toString();
        if (!ContractFormats.isDuration(duration)) {
            throw new IllegalStateException("generated '" + duration + "', which is not an RFC 3339 duration");
        }
        return duration;
    }

    /** A run of consecutive units from {@code order}, each with a number (0 to 99). */
    private static void units(Choices in, String order, StringBuilder out) {
        int first = in.chooseInt(order.length() - 1);
        int last = first + in.chooseInt(order.length() - 1 - first);
        for (int unit = first; unit <= last; unit++) {
            out.append(in.chooseInt(99)).append(order.charAt(unit));
        }
    }

    static String hostname(Choices in) {
        int labels = 1 + in.chooseInt(2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels; i++) {
            out.append(word(in, LOWER, 1, 1)).append(word(in, ALNUM, 0, 8));
            if (in.bool(0.1)) {
                out.append('-').append(word(in, ALNUM, 1, 4));
            }
            out.append('.');
        }
        return out.append(TLDS.get(in.chooseInt(TLDS.size() - 1))).toString();
    }

    private static String ipv6(Choices in) {
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = Integer.toHexString(in.chooseInt(0xFFFF));
        }
        int style = in.chooseInt(2);
        if (style == 0) {
            return String.join(":", groups);
        }
        if (style == 1) {
            int keep = in.chooseInt(6);
            return String.join(":", List.of(groups).subList(0, keep)) + "::" + groups[7];
        }
        return "::ffff:" + in.chooseInt(255) + "." + in.chooseInt(255) + "." + in.chooseInt(255) + "."
                + in.chooseInt(255);
    }

    private static String uri(Choices in) {
        int style = in.chooseInt(3);
        if (style == 0) {
            return "urn:" + word(in, LOWER, 1, 6) + ":" + word(in, ALNUM, 1, 10);
        }
        if (style == 1) {
            return "mailto:" + word(in, ALNUM, 1, 8) + "@" + hostname(in);
        }
        String out = (in.bool() ? "https" : "http") + "://" + hostname(in)
                + (in.bool(0.2) ? ":" + (1 + in.chooseInt(65534)) : "") + path(in);
        if (in.bool(0.3)) {
            out += "?" + word(in, LOWER, 1, 5) + "=" + word(in, ALNUM, 0, 5);
        }
        if (in.bool(0.2)) {
            out += "#" + word(in, ALNUM, 0, 6);
        }
        return out;
    }

    private static String path(Choices in) {
        StringBuilder out = new StringBuilder();
        int segments = in.chooseInt(3);
        for (int i = 0; i < segments; i++) {
            out.append('/').append(word(in, ALNUM, 1, 8));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static String uuid(Choices in) {
        StringBuilder out = new StringBuilder(36);
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out.append('-');
            }
            out.append(HEX.charAt(in.chooseInt(15)));
        }
        return out.toString();
    }

    private static String jsonPointer(Choices in) {
        StringBuilder out = new StringBuilder();
        int tokens = in.chooseInt(3);
        for (int i = 0; i < tokens; i++) {
            out.append('/').append(word(in, ALNUM, 0, 6));
            if (in.bool(0.1)) {
                out.append(in.bool() ? "~0" : "~1");
            }
        }
        return out.toString();
    }

    static String word(Choices in, String alphabet, int min, int max) {
        int length = min + in.chooseInt(max - min);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(in.chooseInt(alphabet.length() - 1)));
        }
        return out.toString();
    }
}
