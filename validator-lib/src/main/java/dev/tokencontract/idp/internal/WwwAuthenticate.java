package dev.tokencontract.idp.internal;

import java.util.Locale;
import java.util.Optional;

/** Reads one auth-param of a Bearer challenge (RFC 9110 section 11.6.1, RFC 6750 section 3), quoted or not. */
public final class WwwAuthenticate {
    private static final int MAX_HEADER = 8192;

    private WwwAuthenticate() {}

    public static Optional<String> parameter(String header, String name) {
        if (header == null || header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        String lower = header.toLowerCase(Locale.ROOT);
        int schemeAt = lower.indexOf("bearer");
        int i = schemeAt < 0 ? 0 : schemeAt + "bearer".length();
        while (i < header.length()) {
            while (i < header.length()
                    && (header.charAt(i) == ',' || header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < header.length()
                    && header.charAt(i) != '='
                    && header.charAt(i) != ','
                    && header.charAt(i) != ' ') {
                i++;
            }
            String key = header.substring(nameStart, i).strip();
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            if (i >= header.length() || header.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < header.length() && header.charAt(i) == '"') {
                i++;
                while (i < header.length() && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < header.length()) {
                        i++;
                    }
                    value.append(header.charAt(i++));
                }
                i++;
            } else {
                while (i < header.length() && header.charAt(i) != ',') {
                    value.append(header.charAt(i++));
                }
            }
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(value.toString().strip());
            }
        }
        return Optional.empty();
    }
}
