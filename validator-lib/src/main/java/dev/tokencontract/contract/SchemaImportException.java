package dev.tokencontract.contract;

import java.util.List;

/**
 * A schema that {@link SchemaImport} refuses: unreadable, of a draft it does not read, or with constructs that
 * have no faithful 2020-12 form. {@link #problems()} lists every one with its JSON pointer in the original.
 */
public final class SchemaImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<SchemaImport.Change> problems;

    public SchemaImportException(String message, List<SchemaImport.Change> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each refused place: its pointer in the original document and why. */
    public List<SchemaImport.Change> problems() {
        return problems;
    }
}
