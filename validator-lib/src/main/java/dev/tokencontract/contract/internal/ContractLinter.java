package dev.tokencontract.contract.internal;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.contract.JoseRules;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.json.JsonTypes;
import dev.tokencontract.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lints a contract document: the contract meta-schema, the JSON Schema 2020-12 meta-schema, and the
 * semantic rules a schema cannot express (see {@code docs/contract-format.md}). Returns every finding
 * and, when nothing is an error, the parsed contract.
 */
public final class ContractLinter {
    /** Contracts are small; this bounds memory and compile time for hostile documents. */
    public static final int MAX_BYTES = 256 * 1024;

    private ContractLinter() {}

    /** The linter's outcome: every finding, and the parsed contract when no finding is an error. */
    public record Outcome(List<Finding> findings, ParsedContract contract) {}

    public static Outcome lint(String text) {
        return lint(text, true);
    }

    /**
     * Lints a bundled contract without the two meta-schema passes. Bundled contracts are linted in full by
     * the build ({@code ContractLintTest}); skipping the meta-schemas here saves compiling the JSON Schema
     * 2020-12 meta-schema on every CLI start. Every semantic rule still runs.
     */
    public static Outcome lintBundled(String text) {
        return lint(text, false);
    }

    private static Outcome lint(String text, boolean metaSchemas) {
        List<Finding> findings = new ArrayList<>();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            findings.add(Finding.error(
                    FindingCode.LINT_TOO_LARGE,
                    "",
                    "at most " + MAX_BYTES + " bytes",
                    text.length() + " characters",
                    "The contract document is too large."));
            return new Outcome(findings, null);
        }
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok()) {
            FindingCode code = parsed.problem() == StrictJson.Problem.LIMIT_EXCEEDED
                    ? FindingCode.LINT_TOO_LARGE
                    : FindingCode.LINT_NOT_JSON;
            findings.add(Finding.error(
                    code,
                    "",
                    "one JSON object",
                    parsed.detail(),
                    "The contract is not readable JSON: " + parsed.detail()));
            return new Outcome(findings, null);
        }
        JsonNode document = parsed.node();
        if (!document.isObject()) {
            findings.add(Finding.error(
                    FindingCode.LINT_NOT_JSON,
                    "",
                    "a JSON object",
                    JsonTypes.name(document),
                    "A contract is a JSON object."));
            return new Outcome(findings, null);
        }
        if (metaSchemas) {
            findings.addAll(MetaSchemas.checkContract(document));
            findings.addAll(MetaSchemas.checkJsonSchema(document));
        }
        NumberRange.check(text, findings);
        SchemaWalk.remoteReferences(document, findings);
        SchemaWalk.backtrackingPatterns(document, findings);
        SchemaWalk.dropInvalidSchemaWhereUnsupported(findings);
        LocalRefs.check(document, findings);
        ContractKind kind = ContractKind.fromId(
                        document.path("x-contract").path("kind").asString(""))
                .orElse(null);
        SchemaWalk.requiredButUndeclared(
                document, "", kind == ContractKind.JWT_ACCESS_TOKEN ? Severity.ERROR : Severity.WARNING, findings);
        JoseRules jose = null;
        AuthorizationRules authorization = AuthorizationRules.NONE;
        if (kind == ContractKind.JWT_ACCESS_TOKEN) {
            TokenContractRules.requiredClaims(document, findings);
            jose = TokenContractRules.jose(document, findings);
            authorization = TokenContractRules.authorization(document, findings);
        } else if (kind != null) {
            MetadataContractRules.noTokenAnnotations(document, kind, findings);
        }
        MetadataContractRules.recommendedDeclared(document, findings);
        checkId(document, findings);
        if (!compilable(findings)) {
            return new Outcome(findings, null);
        }
        ClaimsSchema schema;
        try {
            schema = ClaimsSchema.compile(document);
            if (kind == ContractKind.JWT_ACCESS_TOKEN) {
                TokenContractRules.audienceShape(schema, findings);
            }
        } catch (RuntimeException | StackOverflowError e) {
            String detail =
                    e instanceof StackOverflowError ? "it recurses without end" : String.valueOf(e.getMessage());
            findings.add(Finding.error(
                    FindingCode.LINT_INVALID_SCHEMA,
                    "",
                    "a schema that compiles",
                    null,
                    "The schema does not compile: " + Redact.shorten(detail, 200)));
            return new Outcome(findings, null);
        }
        if (hasErrors(findings)) {
            return new Outcome(findings, null);
        }
        JsonNode header = document.path("x-contract");
        ParsedContract contract = new ParsedContract(
                header.path("name").stringValue(),
                header.path("version").stringValue(),
                kind,
                header.path("owner").stringValue(),
                header.path("description").asString(""),
                document.path("$id").stringValue(),
                document,
                jose,
                authorization,
                schema);
        return new Outcome(findings, contract);
    }

    /**
     * Whether the schema may still be compiled to find more problems (the aud shape) in the same pass:
     * not when it is an invalid schema or reaches outside the document.
     */
    private static boolean compilable(List<Finding> findings) {
        return findings.stream()
                .noneMatch(f -> f.severity() == Severity.ERROR
                        && (f.code() == FindingCode.LINT_INVALID_SCHEMA
                                || f.code() == FindingCode.LINT_REMOTE_REF
                                || f.code() == FindingCode.LINT_TOO_LARGE
                                || f.code() == FindingCode.LINT_PATTERN_UNSUPPORTED));
    }

    private static void checkId(JsonNode document, List<Finding> findings) {
        String id = document.path("$id").asString("");
        String name = document.path("x-contract").path("name").asString("");
        String version = document.path("x-contract").path("version").asString("");
        if (!id.isEmpty() && !name.isEmpty() && !id.endsWith("/" + name + "/" + version)) {
            findings.add(Finding.warning(
                    FindingCode.LINT_ID_MISMATCH,
                    "/$id",
                    "…/" + name + "/" + version,
                    Redact.value(id),
                    "$id does not name this contract's name and version."));
        }
    }

    static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
