package dev.tokencontract.registry.store.internal;

/** JDBC URLs as they may appear in messages: without query parameters (they may carry a password). */
final class Redacted {
    private Redacted() {}

    static String url(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(none)";
        }
        int cut = indexOfAny(jdbcUrl, '?', ';');
        String shown = cut < 0 ? jdbcUrl : jdbcUrl.substring(0, cut) + "?...";
        // user:password@host forms are not used by these drivers, but never echo one.
        int at = shown.indexOf('@');
        return at < 0 ? shown : "jdbc:...@" + shown.substring(at + 1);
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
