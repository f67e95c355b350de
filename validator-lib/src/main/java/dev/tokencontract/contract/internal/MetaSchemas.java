package dev.tokencontract.contract.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The two meta-schemas a contract must satisfy, compiled once. */
final class MetaSchemas {
    static final String CONTRACT_META_RESOURCE = "tokencontract/meta/contract.schema.json";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final Schema CONTRACT_META = compileContractMeta();
    private static final Schema JSON_SCHEMA_META = compileJsonSchemaMeta();

    private MetaSchemas() {}

    static List<Finding> checkContract(JsonNode document) {
        return check(CONTRACT_META, document, FindingCode.LINT_META_SCHEMA);
    }

    static List<Finding> checkJsonSchema(JsonNode document) {
        return check(JSON_SCHEMA_META, document, FindingCode.LINT_INVALID_SCHEMA);
    }

    private static List<Finding> check(Schema meta, JsonNode document, FindingCode code) {
        try {
            return toFindings(meta.validate(document), code);
        } catch (RuntimeException e) {
            // networknt 3.0.9 under Jackson 3 throws on, e.g., 1e308 where an integer minimum applies
            return List.of(
                    Finding.error(
                            code,
                            "",
                            "a document the meta-schema can evaluate",
                            Redact.shorten(e.getClass().getSimpleName() + ": " + e.getMessage(), 160),
                            "The contract holds a value the schema engine cannot evaluate (e.g. a number beyond 64-bit range)."));
        }
    }

    private static List<Finding> toFindings(List<Error> errors, FindingCode code) {
        List<Finding> findings = new ArrayList<>();
        for (Error error : errors) {
            String pointer = error.getInstanceLocation() == null
                    ? ""
                    : error.getInstanceLocation().toString();
            String expected = error.getKeyword() + " " + Redact.value(String.valueOf(error.getSchemaNode()));
            String actual = null;
            if (error.getProperty() != null && "required".equals(error.getKeyword())) {
                pointer = pointer + "/" + error.getProperty();
                expected = "a member named '" + Redact.value(error.getProperty()) + "'";
                actual = "(absent)";
            }
            findings.add(Finding.error(code, pointer, expected, actual, Redact.shorten(error.getMessage(), 240)));
        }
        return findings;
    }

    private static Schema compileContractMeta() {
        try (InputStream in = MetaSchemas.class.getClassLoader().getResourceAsStream(CONTRACT_META_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "contract-schemas is not on the classpath: " + CONTRACT_META_RESOURCE + " missing");
            }
            JsonNode node = StrictJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Schema schema = ClaimsSchema.newRegistry()
                    .getSchema(SchemaLocation.of(node.path("$id").stringValue()), node);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema compileJsonSchemaMeta() {
        SchemaRegistry registry = ClaimsSchema.newRegistry();
        Schema schema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));
        schema.initializeValidators();
        return schema;
    }
}
