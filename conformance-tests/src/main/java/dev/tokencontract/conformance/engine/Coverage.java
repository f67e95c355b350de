package dev.tokencontract.conformance.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tries of one run covered: for every label, in how many tries it came up. Labels come from
 * generators ({@link Choices#label}) and from property bodies ({@link Property#label}).
 */
public record Coverage(int tries, Map<String, Integer> counts) {
    public Coverage {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** How many tries produced {@code label} (0 when never). */
    public int count(String label) {
        return counts.getOrDefault(label, 0);
    }

    /** The labels among {@code required} that no try produced. */
    public List<String> missing(List<String> required) {
        List<String> out = new ArrayList<>();
        for (String label : required) {
            if (count(label) == 0) {
                out.add(label);
            }
        }
        return out;
    }

    /** One line per label: count, percentage of tries, label. */
    public String render() {
        if (counts.isEmpty()) {
            return "  (no labels)\n";
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            double percent = tries == 0 ? 0 : 100.0 * entry.getValue() / tries;
            out.append(String.format("  %6d  %5.1f%%  %s%n", entry.getValue(), percent, entry.getKey()));
        }
        return out.toString();
    }

    static Map<String, Integer> newCounts() {
        return new LinkedHashMap<>();
    }
}
