package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.ClaimsSchema;
import dev.tokencontract.finding.Finding;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A bare JSON Schema (draft 2020-12) compiled exactly as a contract's claims schema is (format assertions
 * on, nothing fetched over the network), for tools that judge documents against a schema that is not
 * wrapped in a contract, such as the conformance kit's generators. A {@link Contract} checks its own
 * schema with {@link Contract#check}. Immutable and thread-safe.
 */
public final class SchemaCheck {
    private final ClaimsSchema schema;

    private SchemaCheck(ClaimsSchema schema) {
        this.schema = schema;
    }

    /**
     * Compiles a schema document.
     *
     * @throws RuntimeException (or {@link StackOverflowError}) when the schema cannot be compiled, e.g. a
     *                          {@code $ref} to another document
     */
    public static SchemaCheck compile(JsonNode schema) {
        return new SchemaCheck(ClaimsSchema.compile(Objects.requireNonNull(schema, "schema")));
    }

    /** One finding per violation, pointers prefixed with {@code pointerPrefix}; never throws. */
    public List<Finding> check(JsonNode instance, String pointerPrefix) {
        return schema.check(instance, pointerPrefix);
    }
}
