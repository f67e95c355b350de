package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.contract.Contract;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Valid instances of a JSON Schema (draft 2020-12; draft-04, -06, -07 and 2019-09 schemas are converted first). Candidates are built by construction from the
 * schema's keywords, then each one is judged by an {@link InstanceCheck} (networknt by default) and only
 * valid ones come out: {@link #valid()} never yields an instance the validator rejects. What the
 * generator cannot honour is listed by {@link #issues()}; when no valid candidate turns up, the draw is
 * rejected with the reason, so a property over an unsatisfiable schema ends as
 * {@link dev.tokencontract.conformance.engine.Outcome#GAVE_UP}, never with wrong data. Thread-safe.
 */
public final class SchemaInstances {
    /** Candidates tried per valid instance before the draw is rejected. */
    public static final int DEFAULT_MAX_CANDIDATES = 64;

    private final Context context;
    private final InstanceCheck check;
    private final List<GenerationIssue> issues;
    private final int maxCandidates;
    private final Function<String, JsonNode> documents;

    private SchemaInstances(
            JsonNode schema, InstanceCheck check, int maxCandidates, Function<String, JsonNode> documents) {
        SchemaShape.require(schema);
        this.context = new Context(OlderDrafts.as202012(schema), documents);
        this.check = check;
        this.issues = SchemaIssues.scan(context.index);
        this.maxCandidates = maxCandidates;
        this.documents = documents;
    }

    /**
     * Instances of {@code schema}, judged by networknt configured as for contracts (format assertions on). A
     * draft-04/06/07/2019-09 schema (by its {@code $schema}) is read through {@link dev.tokencontract.contract.SchemaImport}.
     */
    public static SchemaInstances of(JsonNode schema) {
        SchemaShape.require(schema);
        JsonNode current = OlderDrafts.as202012(schema);
        return new SchemaInstances(current, InstanceCheck.networknt(current), DEFAULT_MAX_CANDIDATES, null);
    }

    /** Instances of {@code schema}, judged by {@code check}. */
    public static SchemaInstances of(JsonNode schema, InstanceCheck check) {
        return new SchemaInstances(
                Objects.requireNonNull(schema, "schema"),
                Objects.requireNonNull(check, "check"),
                DEFAULT_MAX_CANDIDATES,
                null);
    }

    /** Claim sets (or documents) that satisfy {@code contract}'s schema, judged by the contract itself. */
    public static SchemaInstances of(Contract contract) {
        return new SchemaInstances(contract.document(), InstanceCheck.of(contract), DEFAULT_MAX_CANDIDATES, null);
    }

    /** A copy that tries up to {@code count} candidates per instance. */
    public SchemaInstances withMaxCandidates(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, got " + count);
        }
        return new SchemaInstances(context.index.root, check, count, documents);
    }

    /**
     * A copy whose {@code $ref}s to other documents resolve through {@code documents} (absolute URI without
     * fragment to schema, or null when unknown). Called once per referenced document, at construction.
     * The generator never fetches anything itself; the check must resolve the same documents.
     */
    public SchemaInstances withDocuments(Function<String, JsonNode> documents) {
        return new SchemaInstances(
                context.index.root, check, maxCandidates, Objects.requireNonNull(documents, "documents"));
    }

    /** What the generator cannot honour by construction (empty when the schema is fully supported). */
    public List<GenerationIssue> issues() {
        return issues;
    }

    /** Valid instances only; a draw that finds none in {@code maxCandidates} candidates is rejected with the reason. */
    public Gen<JsonNode> valid() {
        Gen<JsonNode> candidates = candidates();
        return in -> {
            String lastProblem = "none";
            for (int attempt = 0; attempt < maxCandidates; attempt++) {
                JsonNode candidate;
                try {
                    candidate = in.draw(candidates);
                } catch (Rejected e) {
                    lastProblem = e.getMessage();
                    continue;
                }
                List<String> violations = check.violations(candidate);
                if (violations.isEmpty()) {
                    return candidate;
                }
                lastProblem = "a candidate broke the schema: " + violations.get(0);
            }
            throw new Rejected("no valid instance in " + maxCandidates + " candidates"
                    + (issues.isEmpty() ? "" : " " + issues) + "; last problem: " + lastProblem);
        };
    }

    /** Candidates built from the keywords, not yet judged (for measuring the construction itself). */
    public Gen<JsonNode> candidates() {
        return context::generateRoot;
    }

    /** One valid instance from a seed, or a {@link Rejected} naming why none was found. */
    public JsonNode example(long seed) {
        return Choices.random(seed).draw(valid());
    }
}
