package dev.tokencontract.finding;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of one {@link Finding}, shared by every program-facing output (the CLI's
 * {@code --format json}, the registry's problem+json bodies) so a finding reads the same everywhere.
 * Fields are only ever added. Thread-safe.
 */
public final class FindingJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FindingJson() {}

    /** {@code code, stage, severity, pointer, expected, actual, message, hint}; absent values are {@code null}. */
    public static ObjectNode toNode(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("code", finding.code().name());
        node.put("stage", finding.stage().name());
        node.put("severity", finding.severity().name());
        node.put("pointer", finding.pointer());
        node.put("expected", finding.expected());
        node.put("actual", finding.actual());
        node.put("message", finding.message());
        node.put("hint", finding.hint());
        return node;
    }
}
