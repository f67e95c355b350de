package dev.tokencontract.conformance.generate;

import dev.tokencontract.contract.SchemaImport;
import dev.tokencontract.contract.SchemaImportException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The generator builds from 2020-12 keywords. A schema whose {@code $schema} names draft-04, -06, -07 or 2019-09
 * is first converted with the validator's {@link SchemaImport}, which keeps every instance's verdict, so
 * instances of the converted schema are instances of the original. A schema without {@code $schema} is read as
 * 2020-12, as before.
 */
final class OlderDrafts {
    private OlderDrafts() {}

    static JsonNode as202012(JsonNode schema) {
        JsonNode stated = schema.isObject() ? schema.get("$schema") : null;
        if (stated == null
                || !stated.isString()
                || stated.stringValue().equals("https://json-schema.org/draft/2020-12/schema")) {
            return schema;
        }
        try {
            return SchemaImport.convert(schema, Optional.empty()).schema();
        } catch (SchemaImportException e) {
            throw new IllegalArgumentException(
                    "cannot generate from this schema: " + e.getMessage() + " " + e.problems(), e);
        }
    }
}
