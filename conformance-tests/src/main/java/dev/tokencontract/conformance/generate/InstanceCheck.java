package dev.tokencontract.conformance.generate;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.SchemaCheck;
import dev.tokencontract.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The judge of generated instances: what is wrong with one (an empty list means valid). */
@FunctionalInterface
public interface InstanceCheck {

    List<String> violations(JsonNode instance);

    /**
     * networknt, configured as the validator configures contract schemas (2020-12, format assertions on,
     * nothing fetched). Throws {@link IllegalArgumentException} when networknt cannot compile the schema
     * (e.g. a {@code $ref} to another document).
     */
    static InstanceCheck networknt(JsonNode schema) {
        SchemaCheck compiled;
        try {
            compiled = SchemaCheck.compile(schema);
        } catch (RuntimeException | StackOverflowError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("the validator cannot compile this schema: " + cause, e);
        }
        return instance -> describe(compiled.check(instance, ""));
    }

    /** The contract's own schema check. */
    static InstanceCheck of(Contract contract) {
        return instance -> describe(contract.check(instance, ""));
    }

    private static List<String> describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (finding.rejects()) {
                out.add((finding.pointer().isEmpty() ? "(root)" : finding.pointer()) + ": " + finding.message());
            }
        }
        return out;
    }
}
