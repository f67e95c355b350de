package dev.tokencontract.contract.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.JsonPreview;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A contract's JSON Schema, compiled once by networknt (draft 2020-12, format assertions on, no remote
 * fetching) and turned into findings per violation. Thread-safe.
 */
public final class ClaimsSchema {
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .regularExpressionFactory(LinearRegex.FACTORY)
            .build();

    /**
     * Draft 2020-12 asserting only the formats 2020-12 defines ({@link AssertedFormats}), with
     * {@code email}/{@code idn-email} checked by syntax only (see {@link MailboxFormat}) and {@code duration}
     * by RFC 3339's grammar (see {@link DurationFormat}).
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .format(MailboxFormat.email())
            .format(MailboxFormat.idnEmail())
            .format(DurationFormat.INSTANCE)
            .formats(formats -> formats.keySet().retainAll(AssertedFormats.NAMES))
            // the contract's own annotations: known here, so networknt does not log "Unknown keyword" for each
            // compile (a warning in every Maven build that uses the plugin, and in any application's log)
            .keyword(new NonValidationKeyword("x-contract"))
            .keyword(new NonValidationKeyword("x-jose"))
            .keyword(new NonValidationKeyword("x-authorization"))
            .build();

    private static final Map<String, FindingCode> CODES = Map.ofEntries(
            Map.entry("required", FindingCode.CLAIM_MISSING),
            Map.entry("dependentRequired", FindingCode.CLAIM_MISSING),
            Map.entry("type", FindingCode.CLAIM_TYPE_MISMATCH),
            Map.entry("enum", FindingCode.CLAIM_VALUE_NOT_ALLOWED),
            Map.entry("const", FindingCode.CLAIM_VALUE_NOT_ALLOWED),
            Map.entry("pattern", FindingCode.CLAIM_PATTERN_MISMATCH),
            Map.entry("format", FindingCode.CLAIM_FORMAT_MISMATCH),
            Map.entry("minimum", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("maximum", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("exclusiveMinimum", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("exclusiveMaximum", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("minLength", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("maxLength", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("minItems", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("maxItems", FindingCode.CLAIM_OUT_OF_RANGE),
            Map.entry("uniqueItems", FindingCode.CLAIM_INVALID),
            Map.entry("additionalProperties", FindingCode.CLAIM_NOT_ALLOWED),
            Map.entry("unevaluatedProperties", FindingCode.CLAIM_NOT_ALLOWED));

    private static final Pattern FORMAT_MESSAGE =
            Pattern.compile("does not match the (\\S+) pattern (.+)", Pattern.DOTALL);

    private final Schema schema;

    private ClaimsSchema(Schema schema) {
        this.schema = schema;
    }

    /** Compiles a schema document; throws on a schema networknt cannot compile. */
    public static ClaimsSchema compile(JsonNode document) {
        SchemaRegistry registry = newRegistry();
        String id =
                document.path("$id").isString() ? document.path("$id").stringValue() : "urn:tokencontract:anonymous";
        Schema schema = registry.getSchema(SchemaLocation.of(id), PointerRefs.forNetworknt(document));
        schema.initializeValidators();
        return new ClaimsSchema(schema);
    }

    /** A registry with the 2020-12 dialect that never fetches anything over the network. */
    static SchemaRegistry newRegistry() {
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.dialectRegistry(new BasicDialectRegistry(DIALECT))
                        .schemaRegistryConfig(CONFIG)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false))
                        .schemaCacheEnabled(false));
    }

    /**
     * One finding per violation. Never throws: should a schema that passed lint still fail to evaluate
     * (a reference cycle the linter missed, a networknt bug), the result is "could not check".
     */
    public List<Finding> check(JsonNode instance, String pointerPrefix) {
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (StackOverflowError e) {
            // lint refuses reference cycles; this guards a schema that still recurses without end
            return List.of(Finding.error(
                    FindingCode.CONTRACT_UNAVAILABLE,
                    pointerPrefix,
                    "a schema that can be evaluated",
                    null,
                    "The contract's schema could not be evaluated: "
                            + e.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            // networknt 3.0.9 under Jackson 3 throws on, e.g., a float beyond long range against an integer
            // minimum ("exp": 1e308). Such a document breaks the contract; say so instead of throwing.
            return List.of(
                    Finding.error(
                            FindingCode.CLAIM_INVALID,
                            pointerPrefix,
                            "a document the contract's schema can evaluate",
                            Redact.shorten(e.getClass().getSimpleName() + ": " + e.getMessage(), 160),
                            "The document could not be evaluated against the contract: it holds a value the schema engine cannot handle."));
        }
        return ClaimFindings.of(errors, pointerPrefix, ClaimsSchema::toFinding);
    }

    /** Raw networknt errors, for the linter's meta-schema checks. */
    List<Error> errors(JsonNode instance) {
        return schema.validate(instance);
    }

    private static Finding toFinding(Error error, String prefix) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        FindingCode code = CODES.getOrDefault(keyword, FindingCode.CLAIM_INVALID);
        String location = error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
        if (code == FindingCode.CLAIM_MISSING && error.getProperty() != null) {
            location = location + "/" + escape(error.getProperty());
        }
        String actual = code == FindingCode.CLAIM_MISSING ? "(absent)" : describe(error.getInstanceNode());
        String expected = code == FindingCode.CLAIM_MISSING && error.getProperty() != null
                ? "a claim named '" + Redact.value(error.getProperty()) + "' (" + keyword + ")"
                : keyword.isEmpty()
                        ? null
                        : keyword + " "
                                + Redact.value(JsonPreview.of(error.getSchemaNode(), JsonPreview.DEFAULT_CHARS));
        return Finding.error(
                code, prefix + location, expected, actual, Redact.shorten(message(keyword, error.getMessage()), 240));
    }

    /** networknt's format message ("does not match the uri pattern must be a valid RFC 3986 URI") as a sentence. */
    private static String message(String keyword, String message) {
        if (keyword.equals("format") && message != null) {
            Matcher m = FORMAT_MESSAGE.matcher(message);
            if (m.matches()) {
                return "is not a valid " + m.group(1) + " (" + m.group(2) + ")";
            }
        }
        return message;
    }

    /** Never the whole value: describing each of 10,000 items by its array would be quadratic. */
    private static String describe(JsonNode node) {
        return node == null ? null : Redact.shorten(JsonPreview.describe(node), 160);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
