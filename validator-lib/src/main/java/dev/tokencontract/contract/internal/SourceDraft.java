package dev.tokencontract.contract.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The JSON Schema drafts {@link DraftConversion} reads, and what each one's keywords are. */
public enum SourceDraft {
    DRAFT_04("draft-04"),
    DRAFT_06("draft-06"),
    DRAFT_07("draft-07"),
    DRAFT_2019_09("2019-09"),
    DRAFT_2020_12("2020-12");

    public static final String TARGET_URI = "https://json-schema.org/draft/2020-12/schema";

    private static final Set<String> DRAFT_04_KEYWORDS = Set.of(
            "id",
            "$schema",
            "$ref",
            "title",
            "description",
            "default",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "additionalItems",
            "items",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxProperties",
            "minProperties",
            "required",
            "additionalProperties",
            "definitions",
            "properties",
            "patternProperties",
            "dependencies",
            "enum",
            "type",
            "format",
            "allOf",
            "anyOf",
            "oneOf",
            "not");
    private static final Set<String> DRAFT_06_ADDED = Set.of("$id", "examples", "const", "contains", "propertyNames");
    private static final Set<String> DRAFT_07_ADDED =
            Set.of("$comment", "if", "then", "else", "readOnly", "writeOnly", "contentMediaType", "contentEncoding");
    private static final Set<String> DRAFT_2019_09_KEYWORDS = Set.of(
            "$schema",
            "$id",
            "$anchor",
            "$ref",
            "$recursiveRef",
            "$recursiveAnchor",
            "$vocabulary",
            "$comment",
            "$defs",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "items",
            "additionalItems",
            "unevaluatedItems",
            "contains",
            "properties",
            "patternProperties",
            "additionalProperties",
            "unevaluatedProperties",
            "propertyNames",
            "type",
            "const",
            "enum",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxContains",
            "minContains",
            "maxProperties",
            "minProperties",
            "required",
            "dependentRequired",
            "format",
            "contentEncoding",
            "contentMediaType",
            "contentSchema",
            "title",
            "description",
            "default",
            "deprecated",
            "readOnly",
            "writeOnly",
            "examples");
    /** 2020-12 keywords that assert, apply subschemas or identify schemas: ignored where a draft lacks them. */
    private static final Set<String> ACTIVE_IN_2020_12 = Set.of(
            "$id",
            "$ref",
            "$anchor",
            "$dynamicRef",
            "$dynamicAnchor",
            "$vocabulary",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "prefixItems",
            "items",
            "contains",
            "properties",
            "patternProperties",
            "additionalProperties",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
            "type",
            "const",
            "enum",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxContains",
            "minContains",
            "maxProperties",
            "minProperties",
            "required",
            "dependentRequired",
            "format");

    private final String label;

    SourceDraft(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The draft a {@code $schema} URI names ({@code http} or {@code https}, with or without the empty fragment). */
    public static Optional<SourceDraft> fromSchemaUri(String uri) {
        String u = uri.trim()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("#$", "");
        return switch (u) {
            case "json-schema.org/draft-04/schema" -> Optional.of(DRAFT_04);
            case "json-schema.org/draft-06/schema" -> Optional.of(DRAFT_06);
            case "json-schema.org/draft-07/schema" -> Optional.of(DRAFT_07);
            case "json-schema.org/draft/2019-09/schema" -> Optional.of(DRAFT_2019_09);
            case "json-schema.org/draft/2020-12/schema" -> Optional.of(DRAFT_2020_12);
            default -> Optional.empty();
        };
    }

    /** Whether the URI names draft-03 or earlier, which this conversion refuses. */
    public static boolean isDraft03OrOlder(String uri) {
        return uri.matches("(?i)^https?://json-schema\\.org/draft-0[0-3]/(hyper-)?schema#?$");
    }

    /** Parses a label as given on a command line: 4, 04, draft-04, 6, 7, 2019-09, 2020-12. */
    public static Optional<SourceDraft> fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT).replaceFirst("^draft-?", "");
        return switch (l) {
            case "4", "04" -> Optional.of(DRAFT_04);
            case "6", "06" -> Optional.of(DRAFT_06);
            case "7", "07" -> Optional.of(DRAFT_07);
            case "2019-09", "201909" -> Optional.of(DRAFT_2019_09);
            case "2020-12", "202012" -> Optional.of(DRAFT_2020_12);
            default -> Optional.empty();
        };
    }

    boolean refSiblingsIgnored() {
        return this == DRAFT_04 || this == DRAFT_06 || this == DRAFT_07;
    }

    String idKeyword() {
        return this == DRAFT_04 ? "id" : "$id";
    }

    /** This draft's keywords (computed once per draft; the set is shared and unmodifiable). */
    Set<String> keywords() {
        return KEYWORDS.get(this);
    }

    private static final java.util.Map<SourceDraft, Set<String>> KEYWORDS = new java.util.EnumMap<>(SourceDraft.class);

    static {
        for (SourceDraft draft : values()) {
            KEYWORDS.put(draft, Set.copyOf(draft.computeKeywords()));
        }
    }

    private Set<String> computeKeywords() {
        Set<String> keywords = new HashSet<>();
        switch (this) {
            case DRAFT_04 -> keywords.addAll(DRAFT_04_KEYWORDS);
            case DRAFT_06, DRAFT_07 -> {
                keywords.addAll(DRAFT_04_KEYWORDS);
                keywords.remove("id");
                keywords.addAll(DRAFT_06_ADDED);
                if (this == DRAFT_07) {
                    keywords.addAll(DRAFT_07_ADDED);
                }
            }
            case DRAFT_2019_09 -> keywords.addAll(DRAFT_2019_09_KEYWORDS);
            case DRAFT_2020_12 -> keywords.addAll(ACTIVE_IN_2020_12);
        }
        return keywords;
    }

    /** A keyword this draft ignores (it is not one of its keywords) that 2020-12 would apply. */
    boolean ignoredHereActiveIn202012(String keyword) {
        return ACTIVE_IN_2020_12.contains(keyword) && !keywords().contains(keyword);
    }
}
