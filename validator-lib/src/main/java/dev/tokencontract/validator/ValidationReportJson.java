package dev.tokencontract.validator;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.finding.Verdict;
import java.util.List;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON shape of a token's {@link ValidationReport}: {@code tokencontract explain --format json} prints it
 * and the registry's {@code POST /ui/api/explain} answers it, so a program reads both the same way. Field by
 * field in {@code docs/cli.md}; fields are only ever added.
 *
 * <p>The signature is never included, only its length and a short preview. {@link #write} gives ASCII text:
 * every non-ASCII character is {@code \\u}-escaped, so no byte taken from a token can drive a terminal.
 * Thread-safe.
 */
public final class ValidationReportJson {
    /** {@code token.label} when the verdict is not ACCEPTED: do not base decisions on these values. */
    public static final String UNVERIFIED = "UNVERIFIED";
    /** {@code token.label} when the verdict is ACCEPTED. */
    public static final String VERIFIED = "VERIFIED";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ValidationReportJson() {}

    /** The CLI's exit code for a verdict, also carried as {@code exitCode}: accepted 0, rejected 1, unchecked 3. */
    public static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case ACCEPTED -> 0;
            case REJECTED -> 1;
            case UNCHECKED -> 3;
        };
    }

    /**
     * {@code verdict, exitCode, evaluatedAt, contract, token, findings}; {@code token} is {@code null} when nothing
     * of the token was readable.
     */
    public static ObjectNode toNode(ValidationReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("verdict", report.verdict().name());
        root.put("exitCode", exitCode(report.verdict()));
        root.put("evaluatedAt", report.evaluatedAt().toString());
        root.put("contract", report.contractReference());
        if (report.decoded().isPresent()) {
            root.set("token", token(report.decoded().get(), report.accepted()));
        } else {
            root.putNull("token");
        }
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(FindingJson.toNode(f)));
        return root;
    }

    /**
     * As {@link #toNode(ValidationReport)}, plus {@code checks}: what the validator was told to check (keys,
     * issuer, audiences, leeway), so a reader sees what was <em>not</em> checked.
     */
    public static ObjectNode toNode(ValidationReport report, TokenValidator validator) {
        ObjectNode root = toNode(report);
        ObjectNode checks = NODES.objectNode();
        checks.put("keys", validator.keyDescription());
        checks.put("issuer", validator.expectedIssuer().orElse(null));
        ArrayNode audiences = checks.putArray("audiences");
        validator.expectedAudiences().stream().sorted().forEach(audiences::add);
        checks.put("leewaySeconds", validator.leeway().getSeconds());
        root.set("checks", checks);
        return root;
    }

    /**
     * {@code label, header, claims, signature: {bytes, preview}}. {@code label} is {@link #VERIFIED} only when
     * {@code verified} is true, otherwise {@link #UNVERIFIED}.
     */
    public static ObjectNode token(DecodedToken decoded, boolean verified) {
        ObjectNode token = NODES.objectNode();
        token.put("label", verified ? VERIFIED : UNVERIFIED);
        token.set("header", decoded.header().orElse(NODES.nullNode()));
        token.set("claims", decoded.claims().orElse(NODES.nullNode()));
        ObjectNode signature = token.putObject("signature");
        signature.put("bytes", decoded.signatureBytes());
        signature.put("preview", decoded.signaturePreview());
        return token;
    }

    /** {@code findings} as a JSON array of {@link FindingJson} objects. */
    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = NODES.arrayNode();
        findings.forEach(f -> array.add(FindingJson.toNode(f)));
        return array;
    }

    /** Pretty-printed, ASCII-only JSON text, ending with a newline. */
    public static String write(JsonNode node) {
        return WRITER.writeValueAsString(node) + "\n";
    }
}
