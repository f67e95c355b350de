package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.generate.GenerationIssue.Kind;
import dev.tokencontract.conformance.generate.regex.Regex;
import dev.tokencontract.conformance.generate.regex.RegexSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Finds, before generating anything, what in a schema the generator cannot honour by construction. */
final class SchemaIssues {
    private static final Set<String> DATA_KEYWORDS = Set.of("enum", "const", "examples", "default");

    private SchemaIssues() {}

    static List<GenerationIssue> scan(SchemaIndex index) {
        List<GenerationIssue> issues = new ArrayList<>();
        walk(index, index.root, issues);
        return List.copyOf(issues);
    }

    private static void walk(SchemaIndex index, JsonNode node, List<GenerationIssue> issues) {
        if (node.isArray()) {
            node.forEach(child -> walk(index, child, issues));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String pointer = index.pointer(node);
        for (String keyword : new String[] {"$ref", "$dynamicRef"}) {
            JsonNode ref = node.get(keyword);
            if (ref != null && ref.isString() && index.resolve(node, ref.stringValue()) == null) {
                issues.add(
                        new GenerationIssue(
                                Kind.UNRESOLVED_REFERENCE,
                                pointer + "/" + keyword,
                                "'" + ref.stringValue()
                                        + "' is not in this document (other documents come only from SchemaInstances.withDocuments)"));
            }
        }
        JsonNode pattern = node.get("pattern");
        if (pattern != null && pattern.isString()) {
            checkPattern(pattern.stringValue(), pointer + "/pattern", issues);
        }
        JsonNode patternProperties = node.get("patternProperties");
        if (patternProperties != null && patternProperties.isObject()) {
            for (Map.Entry<String, JsonNode> entry : patternProperties.properties()) {
                checkPattern(entry.getKey(), pointer + "/patternProperties", issues);
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!DATA_KEYWORDS.contains(field.getKey())) {
                walk(index, field.getValue(), issues);
            }
        }
    }

    private static void checkPattern(String pattern, String pointer, List<GenerationIssue> issues) {
        try {
            for (String construct : Regex.compile(pattern).unsupported()) {
                issues.add(new GenerationIssue(
                        Kind.UNSUPPORTED,
                        pointer,
                        "/" + pattern + "/ uses a " + construct + ", which the string generator cannot honour"));
            }
        } catch (RegexSyntaxException e) {
            issues.add(new GenerationIssue(Kind.INVALID_PATTERN, pointer, e.getMessage()));
        }
    }
}
