package dev.tokencontract.testing;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.validator.ValidationReport;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The size of a report's findings as a program receives them: the public finding JSON, indented and ASCII
 * only (every non-ASCII character as a six-character escape), as the CLI and the registry write it.
 */
public final class ReportSize {
    /** Issue 13: every report stays at or below 64 KiB, whatever the input. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ReportSize() {}

    public static int bytes(ValidationReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("verdict", report.verdict().name());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.add(FindingJson.toNode(finding));
        }
        return WRITER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8).length;
    }
}
