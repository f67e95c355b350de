package dev.tokencontract.contract.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Numbers a double cannot hold ({@code 1e-400} reads as {@code 0.0}, {@code 1e400} as infinity): the contract
 * would silently mean something else once parsed, stored and served, so lint refuses it.
 */
final class NumberRange {
    private NumberRange() {}

    /** Adds a {@code LINT_NUMBER_RANGE} finding per such number in {@code text} (already known to parse). */
    static void check(String text, List<Finding> findings) {
        StrictJson.Parsed exact = StrictJson.parseExact(text);
        if (exact.ok()) {
            visit(exact.node(), "", findings);
        }
    }

    /** Every value, {@code const}, {@code enum} and annotations included: each is stored as parsed. */
    private static void visit(JsonNode node, String pointer, List<Finding> findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                visit(member.getValue(), pointer + "/" + SchemaWalk.escape(member.getKey()), findings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), pointer + "/" + i, findings);
            }
        } else if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            double read = value.doubleValue();
            if ((read == 0 && value.signum() != 0) || Double.isInfinite(read)) {
                findings.add(Finding.error(
                        FindingCode.LINT_NUMBER_RANGE,
                        pointer,
                        "a number a double holds",
                        Redact.shorten(value.toString(), 40),
                        "This number would be read as " + read + ", not as written."));
            }
        }
    }
}
