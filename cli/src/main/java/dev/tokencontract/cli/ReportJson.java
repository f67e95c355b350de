package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.util.List;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of reports, for {@code tokencontract --format json} and anything else that
 * hands a report to a program. Field by field in {@code docs/cli.md}; fields are only ever added.
 *
 * <p>The signature is never included, only its length and a short preview. Written JSON is ASCII: every
 * non-ASCII character is {@code \\u}-escaped, so no byte taken from a token can drive a terminal.
 * Thread-safe.
 */
public final class ReportJson {
    /** {@code token.label} when the verdict is not ACCEPTED: do not base decisions on these values. */
    public static final String UNVERIFIED = "UNVERIFIED";
    /** {@code token.label} when the verdict is ACCEPTED. */
    public static final String VERIFIED = "VERIFIED";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private ReportJson() {}

    /**
     * {@code verdict, exitCode, evaluatedAt, contract, token, findings}; {@code token} is {@code null}
     * when nothing of the token was readable.
     */
    public static ObjectNode toNode(ValidationReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("verdict", report.verdict().name());
        root.put("exitCode", ExitCode.of(report.verdict()));
        root.put("evaluatedAt", report.evaluatedAt().toString());
        root.put("contract", report.contractReference());
        if (report.decoded().isPresent()) {
            root.set("token", token(report.decoded().get(), report.accepted()));
        } else {
            root.putNull("token");
        }
        root.set("findings", findings(report.findings()));
        return root;
    }

    /**
     * As {@link #toNode(ValidationReport)}, plus {@code checks}: what the validator was told to check
     * (keys, issuer, audiences, leeway), so a reader sees what was <em>not</em> checked.
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
     * {@code label, header, claims, signature: {bytes, preview}}. {@code label} is {@link #VERIFIED} only
     * when {@code verified} is true, otherwise {@link #UNVERIFIED}.
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

    /** {@code passed, exitCode, contract, findings}; {@code contract} is {@code null} when it failed. */
    public static ObjectNode toNode(LintReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("passed", report.passed());
        root.put("exitCode", report.passed() ? 0 : 1);
        root.put("contract", report.contract().map(Contract::reference).orElse(null));
        root.set("findings", findings(report.findings()));
        return root;
    }

    /** {@code code, stage, severity, pointer, expected, actual, message, hint}; absent values are {@code null}. */
    public static ObjectNode toNode(Finding finding) {
        return FindingJson.toNode(finding);
    }

    /**
     * {@code verdict, exitCode, subject, documentUrl, contracts, document, jwks, authorizationServers, findings}
     * for {@code check-idp} and {@code check-resource}; absent values are {@code null}.
     */
    public static ObjectNode toNode(IdpReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("verdict", report.verdict().name());
        root.put("exitCode", ExitCode.of(report.verdict()));
        root.put("subject", report.subject());
        root.put("documentUrl", report.documentUrl().map(Object::toString).orElse(null));
        ArrayNode contracts = root.putArray("contracts");
        report.contracts().forEach(contracts::add);
        root.set("document", report.document().orElse(NODES.nullNode()));
        root.set("jwks", report.jwks().orElse(NODES.nullNode()));
        ArrayNode servers = root.putArray("authorizationServers");
        for (IdpReport server : report.authorizationServers()) {
            ObjectNode entry = servers.addObject();
            entry.put("subject", server.subject());
            entry.put("verdict", server.verdict().name());
            entry.put("documentUrl", server.documentUrl().map(Object::toString).orElse(null));
        }
        root.set("findings", findings(report.findings()));
        return root;
    }

    /** Pretty-printed, ASCII-only JSON text, ending with a newline. */
    public static String write(JsonNode node) {
        return WRITER.writeValueAsString(node) + "\n";
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = NODES.arrayNode();
        findings.forEach(f -> array.add(toNode(f)));
        return array;
    }
}
