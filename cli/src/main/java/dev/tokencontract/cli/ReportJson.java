package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import dev.tokencontract.validator.ValidationReportJson;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of reports, for {@code tokencontract --format json} and anything else that
 * hands a report to a program; a token's report is {@link ValidationReportJson}'s, shared with the registry. Field by field in {@code docs/cli.md}; fields are only ever added.
 *
 * <p>The signature is never included, only its length and a short preview. Written JSON is ASCII: every
 * non-ASCII character is {@code \\u}-escaped, so no byte taken from a token can drive a terminal.
 * Thread-safe.
 */
public final class ReportJson {
    /** {@code token.label} when the verdict is not ACCEPTED: do not base decisions on these values. */
    public static final String UNVERIFIED = ValidationReportJson.UNVERIFIED;
    /** {@code token.label} when the verdict is ACCEPTED. */
    public static final String VERIFIED = ValidationReportJson.VERIFIED;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {}

    /** {@link ValidationReportJson#toNode(ValidationReport)}: the one shape the registry answers too. */
    public static ObjectNode toNode(ValidationReport report) {
        return ValidationReportJson.toNode(report);
    }

    /** {@link ValidationReportJson#toNode(ValidationReport, TokenValidator)}, with {@code checks}. */
    public static ObjectNode toNode(ValidationReport report, TokenValidator validator) {
        return ValidationReportJson.toNode(report, validator);
    }

    /** {@link ValidationReportJson#token(DecodedToken, boolean)}. */
    public static ObjectNode token(DecodedToken decoded, boolean verified) {
        return ValidationReportJson.token(decoded, verified);
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
        return ValidationReportJson.write(node);
    }

    private static ArrayNode findings(List<Finding> findings) {
        return ValidationReportJson.findings(findings);
    }
}
