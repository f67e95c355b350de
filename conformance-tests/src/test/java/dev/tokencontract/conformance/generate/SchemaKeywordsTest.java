package dev.tokencontract.conformance.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per keyword: candidates built by construction alone (before the validator's filter) are valid, and the
 * filtered generator covers every branch. networknt (format assertions on) is the judge.
 */
class SchemaKeywordsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"integer\",\"minimum\":-5,\"exclusiveMaximum\":17,\"multipleOf\":3}",
                "{\"type\":\"number\",\"exclusiveMinimum\":0.5,\"maximum\":0.75}",
                "{\"type\":\"number\",\"multipleOf\":0.01,\"minimum\":1.005}",
                "{\"type\":\"integer\",\"minimum\":9007199254740993,\"maximum\":9007199254740999}",
                "{\"type\":\"string\",\"minLength\":3,\"maxLength\":5}",
                "{\"type\":\"string\",\"pattern\":\"^[a-f0-9]{8}$\",\"maxLength\":8}",
                "{\"type\":\"string\",\"pattern\":\"ab+c\",\"minLength\":10}",
                "{\"enum\":[1,\"a\",null,{\"x\":[1]}]}",
                "{\"const\":{\"a\":1}}",
                "{\"type\":[\"string\",\"null\"],\"enum\":[\"x\",1,null]}",
                "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"integer\"},{\"type\":\"string\"}],\"items\":false,\"minItems\":1}",
                "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true,\"minItems\":3,\"maxItems\":5}",
                "{\"type\":\"array\",\"contains\":{\"const\":7},\"minContains\":2,\"maxContains\":3,\"items\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":9}}",
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}},\"required\":[\"a\"],\"additionalProperties\":false}",
                "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"boolean\"}},\"additionalProperties\":false,\"minProperties\":1}",
                "{\"type\":\"object\",\"propertyNames\":{\"pattern\":\"^[a-z]{2,4}$\"},\"minProperties\":2,\"maxProperties\":3}",
                "{\"type\":\"object\",\"required\":[\"card\"],\"properties\":{\"card\":{\"type\":\"string\"}},\"dependentRequired\":{\"card\":[\"billing\"]},"
                        + "\"dependentSchemas\":{\"card\":{\"properties\":{\"billing\":{\"type\":\"string\",\"minLength\":2}}}}}",
                "{\"allOf\":[{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"]},{\"properties\":{\"a\":{\"minimum\":10}}}]}",
                "{\"anyOf\":[{\"type\":\"string\",\"maxLength\":2},{\"type\":\"integer\",\"minimum\":100}]}",
                "{\"$defs\":{\"pos\":{\"type\":\"integer\",\"minimum\":1}},\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/pos\"}}",
                "{\"$defs\":{\"node\":{\"$anchor\":\"node\",\"type\":\"object\",\"properties\":{\"child\":{\"$ref\":\"#node\"}}}},\"$ref\":\"#node\"}",
                "{\"type\":\"object\",\"unevaluatedProperties\":false,\"properties\":{\"a\":{\"type\":\"integer\"}},\"allOf\":[{\"properties\":{\"b\":{\"type\":\"string\"}}}]}",
                "{\"type\":\"string\",\"format\":\"date-time\"}",
                "{\"type\":\"string\",\"format\":\"date\"}",
                "{\"type\":\"string\",\"format\":\"time\"}",
                "{\"type\":\"string\",\"format\":\"duration\"}",
                "{\"type\":\"string\",\"format\":\"uri\"}",
                "{\"type\":\"string\",\"format\":\"uri-reference\"}",
                "{\"type\":\"string\",\"format\":\"iri\"}",
                "{\"type\":\"string\",\"format\":\"email\"}",
                "{\"type\":\"string\",\"format\":\"uuid\"}",
                "{\"type\":\"string\",\"format\":\"hostname\"}",
                "{\"type\":\"string\",\"format\":\"ipv4\"}",
                "{\"type\":\"string\",\"format\":\"ipv6\"}",
                "{\"type\":\"string\",\"format\":\"json-pointer\"}",
                "{\"type\":\"string\",\"format\":\"uri-template\"}",
                "{\"type\":\"string\",\"format\":\"regex\"}",
                "{\"type\":\"string\",\"format\":\"relative-json-pointer\"}"
            })
    void supportedKeywordWhenCandidatesBuiltThenEveryOneValidWithoutTheFilter(String schemaJson) {
        JsonNode schema = JSON.readTree(schemaJson);
        SchemaInstances instances = SchemaInstances.of(schema);
        InstanceCheck judge = InstanceCheck.networknt(schema);

        assertThat(instances.issues()).isEmpty();
        Property.forAll(instances.candidates())
                .tries(300)
                .seed(schemaJson.hashCode())
                .check(candidate -> assertThat(judge.violations(candidate))
                        .as("%s", candidate)
                        .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"object\",\"properties\":{\"kind\":{\"enum\":[\"user\",\"bot\"]}},\"required\":[\"kind\"],"
                        + "\"if\":{\"properties\":{\"kind\":{\"const\":\"user\"}}},\"then\":{\"required\":[\"name\"]},\"else\":{\"required\":[\"id\"]}}"
                        + "|then@#|else@#|enum=\"user\"@#/properties/kind|enum=\"bot\"@#/properties/kind",
                "{\"oneOf\":[{\"type\":\"integer\",\"multipleOf\":2},{\"type\":\"integer\",\"multipleOf\":3}]}|oneOf[0]@#|oneOf[1]@#",
                "{\"type\":\"integer\",\"not\":{\"multipleOf\":2}}|",
                "{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]},\"minItems\":1}|anyOf[0]@#/items|anyOf[1]@#/items",
                "{\"type\":\"object\",\"properties\":{\"roles\":{\"type\":\"array\",\"items\":{\"enum\":[\"admin\",\"hr\",\"viewer\"]}}},\"required\":[\"roles\"]}"
                        + "|enum=\"admin\"@#/properties/roles/items|enum=\"hr\"@#/properties/roles/items|enum=\"viewer\"@#/properties/roles/items"
            })
    void branchingSchemaWhenGeneratedThenValidAndEveryBranchCovered(String schemaAndLabels) {
        String[] parts = schemaAndLabels.split("\\|");
        JsonNode schema = JSON.readTree(parts[0]);
        SchemaInstances instances = SchemaInstances.of(schema);
        InstanceCheck judge = InstanceCheck.networknt(schema);
        String[] labels = java.util.Arrays.copyOfRange(parts, 1, parts.length);

        Property.forAll(instances.valid())
                .tries(300)
                .seed(parts[0].hashCode())
                .requireCoverage(labels)
                .check(instance -> assertThat(judge.violations(instance)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void instanceWhenSeedGivenThenSameInstance(long seed) {
        SchemaInstances instances = SchemaInstances.of(
                JSON.readTree(
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"format\":\"email\"}}}}"));
        assertThat(instances.example(seed)).isEqualTo(instances.example(seed));
        assertThat(Choices.random(seed).draw(instances.valid())).isEqualTo(instances.example(seed));
    }
}
