package dev.tokencontract.registry.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The methods each registered route template answers, for the {@code Allow} header of a 405 (RFC 9110
 * section 15.5.6). A template segment {@code {name}} matches any one non-empty path segment.
 */
final class AllowedMethods {
    private record Entry(String method, String[] segments) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(String method, String template) {
        entries.add(new Entry(method, segments(template)));
    }

    /** The methods routes on {@code path} answer, sorted and comma-separated; empty when no route matches. */
    String on(String path) {
        String[] actual = segments(path);
        Set<String> methods = new TreeSet<>();
        for (Entry entry : entries) {
            if (matches(entry.segments(), actual)) {
                methods.add(entry.method());
            }
        }
        return String.join(", ", methods);
    }

    private static boolean matches(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
            if (parameter ? actual[i].isEmpty() : !template[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
