package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.engine.Outcome;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.engine.PropertyResult;
import dev.tokencontract.conformance.engine.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What cannot be generated is reported with its reason; never wrong data, never a crash. */
class SchemaFailuresTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"integer\",\"minimum\":5,\"maximum\":4}                 | bounds",
                "{\"allOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}         | no JSON type satisfies",
                "{\"enum\":[1,2],\"type\":\"string\"}                               | const/enum leave no value",
                "false                                                              | false schema",
                "{\"not\":{}}                                                       | admits everything",
                "{\"type\":\"string\",\"minLength\":3,\"maxLength\":2}               | minLength 3 > maxLength 2",
                "{\"type\":\"array\",\"items\":false,\"minItems\":1}                 | array bounds leave no length",
                "{\"type\":\"integer\",\"multipleOf\":7,\"minimum\":1,\"maximum\":6} | no multiple of 7",
                "{\"type\":\"object\",\"required\":[\"a\",\"b\"],\"maxProperties\":1} | exceed maxProperties",
                "{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"} | expands without end",
                "{\"type\":\"object\",\"required\":[\"x\"],\"properties\":{\"x\":{\"$ref\":\"#\"}}} | nested deeper"
            })
    void unsatisfiableSchemaWhenPropertyRunThenGivesUpWithTheReason(String schemaJson, String reason) {
        SchemaInstances instances = SchemaInstances.of(SchemaKeywordsTest.JSON.readTree(schemaJson));
        PropertyResult<JsonNode> result =
                Property.forAll(instances.valid()).tries(5).seed(1).run(value -> {});

        assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(result.lastRejection())
                .contains("no valid instance in 64 candidates")
                .contains(reason);
        assertThat(result.report()).contains("gave up").contains(reason);
    }

    @Test
    void backreferencePatternWhenScannedThenRefusedNamingTheBackReference() {
        // The validator matches patterns in linear time (RE2/J, issue 13), which back-references cannot be:
        // the judge refuses the schema before any instance is generated, and says why.
        assertThatThrownBy(() -> SchemaInstances.of(SchemaKeywordsTest.JSON.readTree(
                        "{\"properties\":{\"x\":{\"type\":\"string\",\"pattern\":\"^(a+)-\\\\1$\"}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("back-references");
    }

    @Test
    void remoteRefWhenScannedThenUnresolvedAndGenerationSaysSo() {
        JsonNode schema = SchemaKeywordsTest.JSON.readTree("{\"$ref\":\"https://schemas.example.test/other.json\"}");
        SchemaInstances instances = SchemaInstances.of(schema, instance -> java.util.List.of());

        assertThat(instances.issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.kind()).isEqualTo(GenerationIssue.Kind.UNRESOLVED_REFERENCE));
        assertThatThrownBy(() -> instances.example(1))
                .isInstanceOf(Rejected.class)
                .hasMessageContaining("unresolved $ref 'https://schemas.example.test/other.json'");
    }

    @Test
    void remoteRefWhenDefaultValidatorThenClearErrorNamingTheDocument() {
        JsonNode schema = SchemaKeywordsTest.JSON.readTree(
                "{\"properties\":{\"x\":{\"$ref\":\"https://schemas.example.test/other.json\"}}}");
        assertThatThrownBy(() -> SchemaInstances.of(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the validator cannot compile this schema")
                .hasMessageContaining("https://schemas.example.test/other.json");
    }

    @Test
    void remoteRefWhenDocumentsGivenThenResolvedWithoutFetching() {
        JsonNode schema =
                SchemaKeywordsTest.JSON.readTree("{\"$ref\":\"https://schemas.example.test/other.json#/$defs/small\"}");
        JsonNode other = SchemaKeywordsTest.JSON.readTree(
                "{\"$defs\":{\"small\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":3}}}");
        SchemaInstances instances = SchemaInstances.of(schema, instance -> java.util.List.of())
                .withDocuments(uri -> uri.equals("https://schemas.example.test/other.json") ? other : null);

        assertThat(instances.issues()).isEmpty();
        Property.forAll(instances.valid())
                .tries(50)
                .seed(2)
                .check(value -> assertThat(value.intValue()).isBetween(0, 3));
    }

    @Test
    void invalidPatternWhenScannedThenInvalidPatternIssue() {
        SchemaInstances instances =
                SchemaInstances.of(SchemaKeywordsTest.JSON.readTree("{\"pattern\":\"(\"}"), i -> java.util.List.of());
        assertThat(instances.issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.kind()).isEqualTo(GenerationIssue.Kind.INVALID_PATTERN));
    }

    @Test
    void notASchemaWhenGivenThenClearError() {
        assertThatThrownBy(() -> SchemaInstances.of(SchemaKeywordsTest.JSON.readTree("42")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a JSON Schema is an object or a boolean, got integer");
        assertThatThrownBy(() -> SchemaInstances.of((JsonNode) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostilyDeepSchemaWhenGivenThenClearErrorNotStackOverflow() {
        ObjectNode root = SchemaKeywordsTest.JSON.createObjectNode();
        ObjectNode current = root;
        for (int i = 0; i < 100_000; i++) {
            current = current.putObject("items");
        }
        assertThatThrownBy(() -> SchemaInstances.of(root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema nested deeper than 256 levels");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"array\",\"minItems\":2000000000,\"items\":{\"const\":1}} | minItems/minContains 2000000000 is beyond",
                "{\"type\":\"string\",\"minLength\":1e12}                               | minLength 2147483647 is beyond",
                "{\"type\":\"object\",\"minProperties\":50000}                          | minProperties 50000 is beyond",
                "{\"type\":\"array\",\"minItems\":9000,\"items\":{\"type\":\"array\",\"minItems\":9000}} | choices"
            })
    void hugeMinimumsWhenGeneratedThenRejectedQuicklyWithTheReason(String schemaJson, String reason) {
        SchemaInstances instances = SchemaInstances.of(SchemaKeywordsTest.JSON.readTree(schemaJson));
        PropertyResult<JsonNode> result = Property.forAll(
                        instances.withMaxCandidates(2).valid())
                .tries(1)
                .seed(1)
                .run(value -> {});
        assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(result.lastRejection()).contains(reason);
    }
}
