package dev.tokencontract.conformance.suites;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The sizes the counterexample search builds at most, checked on a contract before generating from it: a
 * schema that demands more ({@code minProperties: 1000000}) is reported "not searched" with the keyword's
 * pointer instead of being generated and discarded thousands of times. Conservative: a large minimum
 * anywhere in the document counts, even under a keyword that might never be reached. A claim set beyond
 * these sizes could hardly be a token anyway (validator-lib refuses tokens over 32 KiB).
 */
final class SearchSizes {
    /** {@code minItems}, {@code minProperties}, {@code minContains}: elements and members built at most. */
    static final int MAX_COUNT = 1_000;
    /** {@code minLength}: characters built at most. */
    static final int MAX_LENGTH = 10_000;

    private static final Map<String, Integer> LIMITS = Map.of(
            "minItems", MAX_COUNT, "minProperties", MAX_COUNT, "minContains", MAX_COUNT, "minLength", MAX_LENGTH);
    private static final int MAX_DEPTH = 128;

    private SearchSizes() {}

    /** {@code "size: /properties/t/minItems 9000 > 1000"} for the first minimum over its limit, else empty. */
    static Optional<String> tooLarge(JsonNode document) {
        return walk(document, "", 0);
    }

    private static Optional<String> walk(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.of("size: " + pointer + " nests deeper than " + MAX_DEPTH);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                Integer limit = LIMITS.get(member.getKey());
                JsonNode value = member.getValue();
                if (limit != null && value.isNumber() && value.doubleValue() > limit) {
                    return Optional.of("size: " + at + " " + value.asString() + " > " + limit);
                }
                Optional<String> below = walk(value, at, depth + 1);
                if (below.isPresent()) {
                    return below;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> below = walk(node.get(i), pointer + "/" + i, depth + 1);
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }
}
