package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** References the engine must never pass over silently, and combinators that must stay bounded. */
class ReferenceSoundnessTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void betweenWhenSubschemaSetsItsOwnIdThenReferencesAreUndecidedBothWaysEvenUnchanged() {
        List<String> summary = DiffPair.minimal()
                .both("/$defs", "{\"role\": {\"$id\": \"https://elsewhere.example/role\", \"type\": \"string\"}}")
                .both("/properties/level", "{\"$ref\": \"#/$defs/role\"}")
                .summary();

        assertThat(summary).containsExactly("undecided-ref [CP] /properties/level/$ref");
    }

    @Test
    void betweenWhenIdenticalReferencesResolveToEqualTargetsThenNoChange() {
        assertThat(DiffPair.minimal()
                        .both("/$defs", "{\"role\": {\"$anchor\": \"role\", \"enum\": [\"reader\"]}}")
                        .both("/properties/level", "{\"$ref\": \"#role\"}")
                        .summary())
                .isEmpty();
    }

    @Test
    void betweenWhenReferenceRenamedButTargetEqualThenNoChange() {
        List<String> summary = DiffPair.minimal()
                .old("/$defs", "{\"role\": {\"enum\": [\"reader\"]}}")
                .now("/$defs", "{\"roleV2\": {\"enum\": [\"reader\"]}}")
                .old("/properties/level", "{\"items\": {\"$ref\": \"#/$defs/role\"}}")
                .now("/properties/level", "{\"items\": {\"$ref\": \"#/$defs/roleV2\"}}")
                .summary();

        assertThat(summary).isEmpty();
    }

    @Test
    void betweenWhenReferenceTextSameButTargetSwappedThenTheTargetsAreCompared() {
        List<String> summary = DiffPair.minimal()
                .old("/$defs", "{\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"integer\"}}")
                .now("/$defs", "{\"a\": {\"type\": \"integer\"}, \"b\": {\"type\": \"string\"}}")
                .both("/properties/level", "{\"not\": {\"$ref\": \"#/$defs/a\"}}")
                .summary();

        assertThat(summary).containsExactly("type-changed [CP] /$defs/a/type");
    }

    @Test
    void betweenWhenWideNestedAnyOfChangesThenBoundedAndNeverSilent() throws Exception {
        DiffPair pair = DiffPair.minimal().edit(doc -> nestedAnyOf(doc, "string"), doc -> nestedAnyOf(doc, "integer"));

        dev.tokencontract.contract.Contract older =
                dev.tokencontract.contract.Contracts.parse(pair.olderDocument().toString());
        dev.tokencontract.contract.Contract newer =
                dev.tokencontract.contract.Contracts.parse(pair.newerDocument().toString());
        ContractDiff diff = ContractDiff.between(older, newer);

        assertThat(diff.has(ChangeClass.BREAKING_FOR_CONSUMERS)).isTrue();
        assertThat(diff.has(ChangeClass.BREAKING_FOR_PRODUCERS)).isTrue();
    }

    /** {@code anyOf} of 30 branches, each an {@code anyOf} of 30 branches of 3-level nested objects ending in {@code leaf}. */
    private static void nestedAnyOf(ObjectNode doc, String leaf) {
        ArrayNode outer = NODES.arrayNode();
        for (int i = 0; i < 30; i++) {
            ArrayNode inner = NODES.arrayNode();
            for (int j = 0; j < 30; j++) {
                ObjectNode branch = NODES.objectNode().put("type", "object");
                branch.putObject("properties")
                        .putObject("k" + j)
                        .putObject("properties")
                        .putObject("x" + i)
                        .put("type", leaf);
                inner.add(branch);
            }
            outer.addObject().set("anyOf", inner);
        }
        ((ObjectNode) doc.get("properties")).putObject("wide").set("anyOf", outer);
    }
}
