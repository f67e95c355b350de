package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.ClaimsSchema;
import dev.tokencontract.contract.internal.ParsedContract;
import dev.tokencontract.finding.Finding;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A loaded, linted and compiled contract. Immutable and thread-safe; compile once, use from any thread.
 * Obtain one from {@link Contracts}.
 */
public final class Contract {
    private final String name;
    private final String version;
    private final String reference;
    private final ContractKind kind;
    private final String owner;
    private final String description;
    private final String id;
    private final JsonNode document;
    private final JoseRules jose;
    private final AuthorizationRules authorization;
    private final ClaimsSchema schema;

    Contract(ParsedContract parsed) {
        this.name = parsed.name();
        this.version = parsed.version();
        this.reference = name + "@" + version; // read on every validation: build it once
        this.kind = parsed.kind();
        this.owner = parsed.owner();
        this.description = parsed.description();
        this.id = parsed.id();
        this.document = parsed.document().deepCopy();
        this.jose = parsed.jose();
        this.authorization = Objects.requireNonNull(parsed.authorization());
        this.schema = Objects.requireNonNull(parsed.schema());
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** {@code name@version}, the form the CLI and lockfiles use. */
    public String reference() {
        return reference;
    }

    public ContractKind kind() {
        return kind;
    }

    public String owner() {
        return owner;
    }

    public String description() {
        return description;
    }

    /** The document's {@code $id}. */
    public String id() {
        return id;
    }

    /** A copy of the contract document. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** The {@code x-jose} rules; {@code null} for contracts that are not about tokens. */
    public JoseRules jose() {
        return jose;
    }

    public AuthorizationRules authorization() {
        return authorization;
    }

    /**
     * Checks a JSON document (a token's claims, or an IdP document) against the contract's schema and
     * returns one finding per violation, each with a JSON pointer under {@code pointerPrefix}
     * (e.g. {@code /claims}).
     */
    public List<Finding> check(JsonNode instance, String pointerPrefix) {
        return schema.check(instance, pointerPrefix);
    }

    @Override
    public String toString() {
        return reference();
    }
}
