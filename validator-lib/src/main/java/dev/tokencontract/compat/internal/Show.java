package dev.tokencontract.compat.internal;

import dev.tokencontract.finding.Redact;
import java.util.Collection;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/** Values shortened for one-line explanations and the before/after columns. */
final class Show {
    static final int MAX = 120;
    private static final int MAX_LISTED = 8;

    private Show() {}

    /** Compact JSON, shortened; {@code null} for an absent value. */
    static String json(JsonNode node) {
        return node == null || node.isMissingNode() ? null : Redact.shorten(node.toString(), MAX);
    }

    static String text(String value) {
        return Redact.shorten(value, MAX);
    }

    /** {@code "a", "b" (+3 more)}: values already rendered as JSON. */
    static String list(Collection<String> values) {
        StringBuilder out = new StringBuilder();
        Iterator<String> it = values.iterator();
        int shown = 0;
        while (it.hasNext() && shown < MAX_LISTED) {
            out.append(shown == 0 ? "" : ", ").append(Redact.shorten(it.next(), 60));
            shown++;
        }
        if (values.size() > shown) {
            out.append(" (+").append(values.size() - shown).append(" more)");
        }
        return out.toString();
    }

    static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
