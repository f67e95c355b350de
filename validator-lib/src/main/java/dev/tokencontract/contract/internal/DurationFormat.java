package dev.tokencontract.contract.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code duration} format exactly as RFC 3339 appendix A's grammar says, which JSON Schema 2020-12
 * adopts. networknt's own check accepts strings the grammar refuses, such as {@code P12Y62D} (days after
 * years without months) and {@code PT89H99S} (seconds after hours without minutes): each unit may only be
 * followed by the next smaller one. The grammar puts no range on the numbers ({@code PT99S} is fine).
 * Letters are matched without regard to case, as ABNF (RFC 5234 section 2.3) defines quoted strings.
 */
final class DurationFormat implements Format {
    static final DurationFormat INSTANCE = new DurationFormat();
    /** A value this long is not a duration anyone writes; bounding it keeps the check linear and cheap. */
    private static final int MAX_LENGTH = 256;

    private DurationFormat() {}

    @Override
    public String getName() {
        return "duration";
    }

    @Override
    public String getMessageKey() {
        return "format.duration";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return isDuration(value);
    }

    /**
     * <pre>
     * duration  = "P" (dur-date / dur-time / dur-week)
     * dur-date  = (dur-day / dur-month / dur-year) [dur-time]
     * dur-time  = "T" (dur-hour / dur-minute / dur-second)
     * dur-year  = 1*DIGIT "Y" [dur-month]     dur-month = 1*DIGIT "M" [dur-day]    dur-day = 1*DIGIT "D"
     * dur-hour  = 1*DIGIT "H" [dur-minute]    dur-minute = 1*DIGIT "M" [dur-second] dur-second = 1*DIGIT "S"
     * dur-week  = 1*DIGIT "W"
     * </pre>
     */
    static boolean isDuration(String value) {
        if (value == null || value.length() < 3 || value.length() > MAX_LENGTH || upper(value.charAt(0)) != 'P') {
            return false;
        }
        int t = indexOfT(value);
        String date = value.substring(1, t < 0 ? value.length() : t);
        String time = t < 0 ? null : value.substring(t + 1);
        if (time == null && date.length() > 1 && upper(date.charAt(date.length() - 1)) == 'W') {
            return digits(date, 0, date.length() - 1);
        }
        boolean dateOk = date.isEmpty() || units(date, "YMD");
        boolean timeOk = time == null || !time.isEmpty() && units(time, "HMS");
        return dateOk && timeOk && !(date.isEmpty() && time == null);
    }

    private static int indexOfT(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (upper(value.charAt(i)) == 'T') {
                return i;
            }
        }
        return -1;
    }

    /**
     * One or more {@code 1*DIGIT unit} elements whose units are consecutive in {@code order}: the first may
     * be any of them, each next one must be the unit right after the previous.
     */
    private static boolean units(String part, String order) {
        int previous = -1;
        int start = 0;
        while (start < part.length()) {
            int end = start;
            while (end < part.length() && part.charAt(end) >= '0' && part.charAt(end) <= '9') {
                end++;
            }
            if (end == start || end == part.length()) {
                return false;
            }
            int unit = order.indexOf(upper(part.charAt(end)));
            if (unit < 0 || previous >= 0 && unit != previous + 1) {
                return false;
            }
            previous = unit;
            start = end + 1;
        }
        return previous >= 0;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
}
