package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Documents built to make a diff loop, recurse or blow up: each finishes with a bounded, conservative answer. */
class HostileDiffTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void betweenWhenRecursiveRefChangesThenTerminatesAndReportsOnce() {
        String node =
                "{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"next\": {\"$ref\": \"#/$defs/node\"}}}";
        List<String> summary = DiffPair.minimal()
                .both("/$defs", "{\"node\": " + node + "}")
                .both("/properties/chain", "{\"$ref\": \"#/$defs/node\"}")
                .now("/$defs/node/properties/name/maxLength", "10")
                .summary();

        assertThat(summary).containsExactly("max-length-added [C] /$defs/node/properties/name/maxLength");
    }

    @Test
    void betweenWhenMutuallyRecursiveRefsIdenticalThenNoChanges() {
        String defs = """
                {"a": {"type": "object", "properties": {"b": {"$ref": "#/$defs/b"}}},
                 "b": {"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}, "self": {"$ref": "#/$defs/b"}}}}""";

        assertThat(DiffPair.minimal()
                        .both("/$defs", defs)
                        .both("/properties/act", "{\"$ref\": \"#/$defs/a\"}")
                        .summary())
                .isEmpty();
    }

    @Test
    void betweenWhenInlineNestingBecomesRecursiveRefThenTerminates() {
        String inline =
                "{\"type\": \"object\", \"properties\": {\"act\": {\"type\": \"object\", \"properties\": {\"act\": {\"type\": \"object\"}}}}}";
        String recursive = "{\"type\": \"object\", \"properties\": {\"act\": {\"$ref\": \"#/$defs/actor\"}}}";

        List<String> summary = DiffPair.minimal()
                .old("/properties/act", inline)
                .now("/$defs", "{\"actor\": " + recursive + "}")
                .now("/properties/act", "{\"$ref\": \"#/$defs/actor\"}")
                .summary();

        assertThat(summary).isNotEmpty().allMatch(line -> line.contains("act"));
    }

    @Test
    void betweenWhenDeeplyNestedThenFinishes() {
        DiffPair pair = DiffPair.minimal().edit(doc -> nest(doc, 28, "string"), doc -> nest(doc, 28, "integer"));

        List<String> summary = pair.summary();

        assertThat(summary).hasSize(1);
        assertThat(summary.get(0)).startsWith("type-changed [CP] /properties/deep/properties/n/properties/n/");
    }

    @Test
    void betweenWhenHugeEnumLosesOneValueThenOneShortChange() {
        DiffPair pair = DiffPair.minimal().edit(doc -> hugeEnum(doc, 5_000, -1), doc -> hugeEnum(doc, 5_000, 1_234));

        List<Change> changes = pair.diff().changes();

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).kind()).isEqualTo(ChangeKind.ENUM_VALUE_REMOVED);
        assertThat(changes.get(0).explanation()).contains("\"v1234\"").hasSizeLessThan(400);
        assertThat(changes.get(0).before()).hasSizeLessThan(200);
    }

    @Test
    void betweenWhenExponentialDiamondOfRefsChangesAtTheBottomThenBoundedAndBreakingBothWays() {
        DiffPair pair = DiffPair.minimal().edit(doc -> diamond(doc, 40, "string"), doc -> diamond(doc, 40, "integer"));

        ContractDiff diff = pair.diff();

        assertThat(diff.changes()).isNotEmpty().hasSizeLessThanOrEqualTo(2_001);
        assertThat(diff.has(ChangeClass.BREAKING_FOR_CONSUMERS)).isTrue();
        assertThat(diff.has(ChangeClass.BREAKING_FOR_PRODUCERS)).isTrue();
    }

    @Test
    void betweenWhenExponentialDiamondIdenticalThenNoChanges() {
        DiffPair pair = DiffPair.minimal().edit(doc -> diamond(doc, 40, "string"), doc -> diamond(doc, 40, "string"));

        assertThat(pair.summary()).isEmpty();
    }

    @Test
    void betweenWhenBacktrackingPatternPropertyThenTheContractNeverReachesTheEngine() {
        // (x+x+)+y backtracks catastrophically; since LINT_PATTERN_BACKTRACKING the linter refuses it, so no
        // loadable contract can hand it to the engine (whose bounded matching stays as a second line).
        String hostile = "{\"(x+x+)+y\": {\"type\": \"string\"}}";

        assertThatThrownBy(() ->
                        DiffPair.minimal().both("/patternProperties", hostile).summary())
                .hasMessageContaining("fails lint")
                .hasMessageContaining("LINT_PATTERN_BACKTRACKING");
    }

    /** A chain of {@code depth} nested objects ending in a leaf of {@code leafType}. */
    private static void nest(ObjectNode doc, int depth, String leafType) {
        ObjectNode leaf = NODES.objectNode().put("type", leafType);
        ObjectNode current = leaf;
        for (int i = 0; i < depth; i++) {
            ObjectNode parent = NODES.objectNode().put("type", "object");
            parent.putObject("properties").set("n", current);
            current = parent;
        }
        ((ObjectNode) doc.get("properties")).set("deep", current);
    }

    private static void hugeEnum(ObjectNode doc, int size, int skip) {
        ArrayNode values = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            if (i != skip) {
                values.add("v" + i);
            }
        }
        ((ObjectNode) doc.get("properties")).putObject("level").set("enum", values);
    }

    /** d0 → (a, b) → d1 → (a, b) → ... : 2^levels paths through the references, one leaf schema. */
    private static void diamond(ObjectNode doc, int levels, String leafType) {
        ObjectNode defs = doc.putObject("$defs");
        for (int i = 0; i < levels; i++) {
            ObjectNode level = defs.putObject("d" + i).put("type", "object");
            ObjectNode properties = level.putObject("properties");
            properties.putObject("a").put("$ref", "#/$defs/d" + (i + 1));
            properties.putObject("b").put("$ref", "#/$defs/d" + (i + 1));
        }
        defs.putObject("d" + levels).put("type", leafType);
        ((ObjectNode) doc.get("properties")).putObject("diamond").put("$ref", "#/$defs/d0");
    }
}
