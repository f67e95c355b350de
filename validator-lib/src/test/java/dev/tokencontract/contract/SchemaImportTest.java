package dev.tokencontract.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.testing.TestContracts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One case per conversion rule: the 2020-12 form, the change line, and the instances that prove it means the same. */
class SchemaImportTest {
    private static final String D7 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\", ";
    private static final String D4 = "\"$schema\": \"http://json-schema.org/draft-04/schema#\", ";
    private static final String D2019 = "\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", ";

    private static SchemaImport.Result convert(String json) throws SchemaImportException {
        return SchemaImport.convert(json, Optional.empty());
    }

    private static JsonNode object(String json) {
        return TestContracts.object(json);
    }

    /** The converted schema as a contract, so the judge is the validator's own engine. */
    private static Contract contractOf(SchemaImport.Result result) throws Exception {
        SchemaImport.Header header =
                new SchemaImport.Header("imported", "1.0.0", ContractKind.IDP_METADATA, "tests", List.of());
        return Contracts.parse(SchemaImport.asContract(result, header).toString());
    }

    private static boolean accepts(Contract contract, String instance) {
        return contract.check(object(instance), "").stream().noneMatch(Finding::rejects);
    }

    @Test
    void convertWhenTupleItemsAndAdditionalItemsThenPrefixItemsAndItems() throws Exception {
        SchemaImport.Result result = convert(
                "{" + D7 + "\"type\": \"object\", \"properties\": {\"p\": {\"type\": \"array\","
                        + " \"items\": [{\"type\": \"integer\"}, {\"type\": \"string\"}], \"additionalItems\": false}}}");

        assertThat(result.schema().at("/properties/p").toString())
                .isEqualTo(
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"integer\"},{\"type\":\"string\"}],\"items\":false}");
        assertThat(result.changes())
                .extracting(SchemaImport.Change::pointer)
                .containsExactly("/$schema", "/properties/p/items", "/properties/p/additionalItems");
        Contract contract = contractOf(result);
        assertThat(accepts(contract, "{\"p\": [1, \"a\"]}")).isTrue();
        assertThat(accepts(contract, "{\"p\": [1, \"a\", 3]}")).isFalse();
        assertThat(accepts(contract, "{\"p\": [\"a\"]}")).isFalse();
    }

    @Test
    void convertWhenAdditionalItemsWithoutTupleThenRemovedBecauseItHadNoEffect() throws Exception {
        SchemaImport.Result result =
                convert("{" + D7 + "\"items\": {\"type\": \"integer\"}, \"additionalItems\": false}");

        assertThat(result.schema().toString())
                .doesNotContain("additionalItems")
                .contains("\"items\":{\"type\":\"integer\"}");
        assertThat(result.changes())
                .extracting(SchemaImport.Change::pointer, SchemaImport.Change::description)
                .contains(tuple("/additionalItems", "removed: additionalItems has no effect without tuple items"));
    }

    @Test
    void convertWhenDependenciesThenSplitIntoDependentRequiredAndDependentSchemas() throws Exception {
        SchemaImport.Result result =
                convert("{" + D7 + "\"dependencies\": {\"card\": [\"billing\"], \"vip\": {\"required\": [\"tier\"]}}}");

        assertThat(result.schema().get("dependentRequired").toString()).isEqualTo("{\"card\":[\"billing\"]}");
        assertThat(result.schema().get("dependentSchemas").toString()).isEqualTo("{\"vip\":{\"required\":[\"tier\"]}}");
        Contract contract = contractOf(result);
        assertThat(accepts(contract, "{\"card\": 1, \"billing\": 2, \"vip\": 1, \"tier\": 3}"))
                .isTrue();
        assertThat(accepts(contract, "{\"card\": 1}")).isFalse();
        assertThat(accepts(contract, "{\"vip\": 1}")).isFalse();
    }

    @Test
    void convertWhenDefinitionsThenDefsAndEveryRefRewrittenIncludingEscapedAndNumericNames() throws Exception {
        SchemaImport.Result result = convert(
                "{" + D7 + "\"definitions\": {\"a/b\": {\"type\": \"integer\"}, \"012\": {\"type\": \"string\"},"
                        + " \"tilde~\": {\"$ref\": \"#/definitions/012\"}},"
                        + " \"properties\": {\"x\": {\"$ref\": \"#/definitions/a~1b\"}, \"y\": {\"$ref\": \"#/definitions/tilde~0\"}}}");

        assertThat(result.schema().at("/properties/x/$ref").stringValue()).isEqualTo("#/$defs/a~1b");
        assertThat(result.schema().at("/properties/y/$ref").stringValue()).isEqualTo("#/$defs/tilde~0");
        assertThat(result.schema().at("/$defs/tilde~0/$ref").stringValue()).isEqualTo("#/$defs/012");
        Contract contract = contractOf(result);
        assertThat(accepts(contract, "{\"x\": 1, \"y\": \"s\"}")).isTrue();
        assertThat(accepts(contract, "{\"x\": \"s\"}")).isFalse();
        assertThat(accepts(contract, "{\"y\": 1}")).isFalse();
    }

    @Test
    void convertWhenIdIsAPlainNameFragmentThenAnchor() throws Exception {
        SchemaImport.Result d7 =
                convert("{" + D7 + "\"definitions\": {\"a\": {\"$id\": \"#addr\", \"type\": \"string\"}},"
                        + " \"properties\": {\"x\": {\"$ref\": \"#addr\"}}}");
        SchemaImport.Result d4 =
                convert("{" + D4 + "\"definitions\": {\"a\": {\"id\": \"#addr\", \"type\": \"string\"}},"
                        + " \"properties\": {\"x\": {\"$ref\": \"#addr\"}}}");

        for (SchemaImport.Result result : List.of(d7, d4)) {
            assertThat(result.schema().at("/$defs/a").toString())
                    .isEqualTo("{\"$anchor\":\"addr\",\"type\":\"string\"}");
            assertThat(result.schema().at("/properties/x/$ref").stringValue()).isEqualTo("#addr");
            assertThat(accepts(contractOf(result), "{\"x\": 5}")).isFalse();
        }
        assertThat(d4.changes())
                .extracting(SchemaImport.Change::description)
                .contains("id \"#addr\" -> $anchor \"addr\"");
    }

    @Test
    void convertWhenDraft04BooleanExclusiveBoundsThenNumeric() throws Exception {
        SchemaImport.Result result =
                convert("{" + D4 + "\"properties\": {\"n\": {\"minimum\": 0, \"exclusiveMinimum\": true,"
                        + " \"maximum\": 10, \"exclusiveMaximum\": false}}}");

        assertThat(result.schema().at("/properties/n").toString()).isEqualTo("{\"exclusiveMinimum\":0,\"maximum\":10}");
        Contract contract = contractOf(result);
        assertThat(accepts(contract, "{\"n\": 0}")).isFalse();
        assertThat(accepts(contract, "{\"n\": 10}")).isTrue();
    }

    @Test
    void convertWhenDraft07RefHasSiblingsThenSiblingsRemovedBecauseTheDraftIgnoredThem() throws Exception {
        SchemaImport.Result result = convert(
                "{" + D7 + "\"definitions\": {\"s\": {\"type\": \"string\"}},"
                        + " \"properties\": {\"x\": {\"$ref\": \"#/definitions/s\", \"maxLength\": 2, \"description\": \"kept\"}}}");

        assertThat(result.schema().at("/properties/x").toString())
                .isEqualTo("{\"$ref\":\"#/$defs/s\",\"description\":\"kept\"}");
        assertThat(result.changes()).extracting(SchemaImport.Change::pointer).contains("/properties/x/maxLength");
        assertThat(accepts(contractOf(result), "{\"x\": \"longer than two\"}")).isTrue();
    }

    @Test
    void convertWhenKeywordTheOldDraftDidNotHaveThenRemoved() throws Exception {
        SchemaImport.Result result =
                convert("{" + D4 + "\"properties\": {\"x\": {\"const\": 1, \"prefixItems\": [false]}}}");

        assertThat(result.schema().at("/properties/x").toString()).isEqualTo("{}");
        assertThat(accepts(contractOf(result), "{\"x\": 2}")).isTrue();
    }

    @Test
    void convertWhenRecursiveRefWithRecursiveAnchorThenDynamicRefAndDynamicAnchor() throws Exception {
        SchemaImport.Result result = convert("{" + D2019 + "\"$recursiveAnchor\": true, \"type\": \"object\","
                + " \"additionalProperties\": {\"$recursiveRef\": \"#\"}}");
        SchemaImport.Result plain =
                convert("{" + D2019 + "\"type\": \"object\", \"additionalProperties\": {\"$recursiveRef\": \"#\"}}");

        assertThat(result.schema().get("$dynamicAnchor").stringValue()).isEqualTo("recursive");
        assertThat(result.schema().at("/additionalProperties/$dynamicRef").stringValue())
                .isEqualTo("#recursive");
        assertThat(plain.schema().at("/additionalProperties/$ref").stringValue())
                .isEqualTo("#");
        assertThat(accepts(contractOf(result), "{\"a\": {\"b\": {}}}")).isTrue();
        assertThat(accepts(contractOf(result), "{\"a\": {\"b\": 1}}")).isFalse();
    }

    @Test
    void convertWhenRemoteRefThenRefusedWithEveryPlace() {
        assertThatThrownBy(() -> convert(
                        "{" + D7 + "\"properties\": {\"a\": {\"$ref\": \"https://schemas.example.test/a.json\"},"
                                + " \"b\": {\"$ref\": \"other.json#/definitions/x\"}}}"))
                .isInstanceOfSatisfying(
                        SchemaImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(SchemaImport.Change::pointer)
                                .containsExactly("/properties/a/$ref", "/properties/b/$ref"));
    }

    @Test
    void convertWhenDraft03OrUnknownOrMissingSchemaThenRefusedWithTheReason() {
        assertThatThrownBy(
                        () -> convert("{\"$schema\": \"http://json-schema.org/draft-03/schema#\", \"type\": \"any\"}"))
                .isInstanceOf(SchemaImportException.class)
                .hasMessageContaining("draft-03");
        assertThatThrownBy(() -> convert("{\"$schema\": \"https://example.test/my-meta\"}"))
                .isInstanceOf(SchemaImportException.class)
                .hasMessageContaining("unknown $schema");
        assertThatThrownBy(() -> convert("{\"type\": \"string\"}"))
                .isInstanceOf(SchemaImportException.class)
                .hasMessageContaining("no $schema");
    }

    @Test
    void convertWhenRefPointsIntoARemovedPlaceThenRefused() {
        assertThatThrownBy(() -> convert("{" + D7 + "\"items\": {}, \"additionalItems\": {\"type\": \"string\"},"
                        + " \"properties\": {\"x\": {\"$ref\": \"#/additionalItems\"}}}"))
                .isInstanceOfSatisfying(
                        SchemaImportException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p ->
                                        assertThat(p.description()).contains("has no effect without tuple items")));
    }

    @Test
    void convertWhenHostileInputThenRefusedWithoutThrowingAnythingElse() {
        String deep = "{\"not\":".repeat(10_000) + "{}" + "}".repeat(10_000);
        assertThatThrownBy(() -> SchemaImport.convert(deep, Optional.of(SchemaImport.Draft.DRAFT_07)))
                .isInstanceOf(SchemaImportException.class)
                .hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> SchemaImport.convert("{\"a\":1,\"a\":2}", Optional.of(SchemaImport.Draft.DRAFT_07)))
                .isInstanceOf(SchemaImportException.class);
        assertThatThrownBy(() -> SchemaImport.convert("[1]", Optional.of(SchemaImport.Draft.DRAFT_07)))
                .isInstanceOf(SchemaImportException.class);
    }

    @Test
    void asContractWhenTokenKindThenLintsWithAlgorithmsAndTheConventionalId() throws Exception {
        SchemaImport.Result result =
                convert("{" + D7 + "\"type\": \"object\", \"required\": [\"iss\", \"aud\", \"exp\"],"
                        + " \"properties\": {\"iss\": {\"type\": \"string\"}, \"aud\": {\"type\": [\"string\", \"array\"], \"items\": {\"type\": \"string\"}},"
                        + " \"exp\": {\"type\": \"integer\"}}}");
        SchemaImport.Header header =
                new SchemaImport.Header("acme-token", "1.0.0", ContractKind.JWT_ACCESS_TOKEN, "acme", List.of("RS256"));

        LintReport report =
                Contracts.lint(SchemaImport.asContract(result, header).toString());

        assertThat(report.findings()).isEmpty();
        assertThat(report.contract())
                .hasValueSatisfying(c -> assertThat(c.reference()).isEqualTo("acme-token@1.0.0"));
        assertThatThrownBy(() -> new SchemaImport.Header("a", "1.0.0", ContractKind.JWT_ACCESS_TOKEN, "o", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("algorithms");
    }

    @Test
    void convertWhen2019_09UsesContainsWithUnevaluatedItemsThenRefusedBecauseTheMeaningsDiffer() {
        String schema = "{" + D2019 + "\"contains\": {\"type\": \"string\"}, \"unevaluatedItems\": false}";
        // 2019-09 section 9.3.1.3: unevaluatedItems sees only items/additionalItems/unevaluatedItems, so ["a"] fails;
        // 2020-12 section 11.2 adds contains, so ["a"] passes (its suite's "unevaluatedItems depends on adjacent
        // contains"; networknt 3.0.9 applies the 2020-12 rule to 2019-09 as well, so it cannot serve as the witness)
        assertThatThrownBy(() -> convert(schema))
                .isInstanceOfSatisfying(
                        SchemaImportException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.description()).contains("contains and unevaluatedItems")));
    }

    @Test
    void convertWhenBooleanExclusiveBoundUnderALaterDraftThenRefusedAsMixedSyntax() {
        assertThatThrownBy(() -> convert("{" + D7 + "\"minimum\": 1, \"exclusiveMinimum\": true}"))
                .isInstanceOfSatisfying(
                        SchemaImportException.class,
                        e -> assertThat(e.problems())
                                .extracting(SchemaImport.Change::pointer)
                                .containsExactly("/exclusiveMinimum"));
    }
}
