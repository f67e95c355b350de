package dev.tokencontract.contract.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Walks every subschema of a contract for the structural lint rules. */
final class SchemaWalk {
    private SchemaWalk() {}

    /** Every {@code $ref}, {@code $dynamicRef} that is not a local fragment is a finding. */
    static void remoteReferences(JsonNode document, List<Finding> findings) {
        walk(document, "", (node, pointer) -> {
            for (String keyword : List.of("$ref", "$dynamicRef")) {
                JsonNode ref = node.get(keyword);
                if (ref != null && ref.isString() && !ref.stringValue().startsWith("#")) {
                    findings.add(Finding.error(
                            FindingCode.LINT_REMOTE_REF,
                            pointer + "/" + keyword,
                            "a local reference starting with '#'",
                            Redact.value(ref.stringValue()),
                            "Remote reference " + Redact.value(ref.stringValue()) + " is not allowed."));
                }
            }
        });
    }

    /** Every {@code pattern} and {@code patternProperties} key that could backtrack catastrophically. */
    static void backtrackingPatterns(JsonNode document, List<Finding> findings) {
        walk(document, "", (node, pointer) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isString()) {
                backtracking(pattern.stringValue(), pointer + "/pattern", findings);
            }
            JsonNode patternProperties = node.get("patternProperties");
            if (patternProperties != null && patternProperties.isObject()) {
                for (String key : patternProperties.propertyNames()) {
                    backtracking(key, pointer + "/patternProperties/" + escape(key), findings);
                }
            }
        });
    }

    private static void backtracking(String pattern, String pointer, List<Finding> findings) {
        Optional<String> unsupported = LinearRegex.unsupported(pattern);
        if (unsupported.isPresent()) {
            findings.add(Finding.error(
                    FindingCode.LINT_PATTERN_UNSUPPORTED,
                    pointer,
                    "a pattern RE2 can match in linear time",
                    Redact.value(pattern),
                    "The pattern cannot be matched in linear time: " + Redact.shorten(unsupported.get(), 160) + "."));
            return;
        }
        PatternBacktracking.risk(pattern)
                .ifPresent(why -> findings.add(Finding.error(
                        FindingCode.LINT_PATTERN_BACKTRACKING,
                        pointer,
                        "a pattern that matches in linear time",
                        Redact.value(pattern),
                        "The pattern can backtrack catastrophically: " + why + ".")));
    }

    /**
     * A pattern RE2 cannot run is also "not a regex" to the meta-schema's {@code format: regex} check, which
     * uses the same engine: keep the finding that says why ({@code LINT_PATTERN_UNSUPPORTED}) only.
     */
    static void dropInvalidSchemaWhereUnsupported(List<Finding> findings) {
        Set<String> unsupported = new HashSet<>();
        findings.stream()
                .filter(f -> f.code() == FindingCode.LINT_PATTERN_UNSUPPORTED)
                .forEach(f -> unsupported.add(f.pointer()));
        findings.removeIf(f -> f.code() == FindingCode.LINT_INVALID_SCHEMA && unsupported.contains(f.pointer()));
    }

    /**
     * In every subschema, each name in {@code required} should be declared under {@code properties}. JSON
     * Schema allows an undeclared required name (it only says the member must be present), so this is an
     * error only where the contract kind demands it ({@code jwt-access-token}: every claim a consumer relies
     * on has a described shape) and a warning elsewhere.
     */
    static void requiredButUndeclared(JsonNode document, String start, Severity severity, List<Finding> findings) {
        walk(document, start, (node, pointer) -> {
            JsonNode required = node.get("required");
            if (required == null || !required.isArray() || node.has("patternProperties")) {
                return;
            }
            JsonNode properties = node.path("properties");
            Set<String> declared = new HashSet<>(properties.isObject() ? properties.propertyNames() : Set.of());
            if (!properties.isObject() && !node.has("type")) {
                return; // a bare {"required": [...]} inside anyOf/oneOf refers to the parent's properties
            }
            for (int i = 0; i < required.size(); i++) {
                String name = required.get(i).asString("");
                if (!declared.contains(name)) {
                    findings.add(new Finding(
                            FindingCode.LINT_REQUIRED_UNDECLARED,
                            severity,
                            pointer + "/required/" + i,
                            "a property named '" + Redact.value(name) + "'",
                            "(undeclared)",
                            "'" + Redact.value(name) + "' is required but not declared under properties.",
                            FindingCode.LINT_REQUIRED_UNDECLARED.hint()));
                }
            }
        });
    }

    interface Visitor {
        void visit(JsonNode node, String pointer);
    }

    static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, pointer);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!entry.getKey().startsWith("x-")
                        && !entry.getKey().equals("const")
                        && !entry.getKey().equals("enum")
                        && !entry.getKey().equals("examples")
                        && !entry.getKey().equals("default")) {
                    walk(entry.getValue(), pointer + "/" + escape(entry.getKey()), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
