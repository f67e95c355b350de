package dev.tokencontract.compat;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What kind of change a {@link Change} is. Each kind has a stable kebab-case {@link #wireName()}
 * ({@code enum-value-added}), which is what JSON output, text output and {@code docs/compatibility.md}
 * show; {@link #toString()} returns it too. Kinds are only ever added.
 */
public enum ChangeKind {
    // Document header
    CONTRACT_KIND_CHANGED("contract-kind-changed"),
    OWNER_CHANGED("owner-changed"),
    CONTRACT_DESCRIPTION_CHANGED("contract-description-changed"),
    ID_CHANGED("id-changed"),
    SCHEMA_DIALECT_CHANGED("schema-dialect-changed"),
    // x-jose
    ALG_ADDED("alg-added"),
    ALG_REMOVED("alg-removed"),
    JOSE_ADDED("jose-added"),
    JOSE_REMOVED("jose-removed"),
    KID_REQUIRED_ADDED("kid-required-added"),
    KID_REQUIRED_REMOVED("kid-required-removed"),
    MAX_LIFETIME_ADDED("max-lifetime-added"),
    MAX_LIFETIME_LOWERED("max-lifetime-lowered"),
    MAX_LIFETIME_RAISED("max-lifetime-raised"),
    MAX_LIFETIME_REMOVED("max-lifetime-removed"),
    TYP_ADDED("typ-added"),
    TYP_CHECK_ADDED("typ-check-added"),
    TYP_CHECK_REMOVED("typ-check-removed"),
    TYP_REMOVED("typ-removed"),
    // x-authorization
    OPERATION_ADDED("operation-added"),
    OPERATION_DESCRIPTION_CHANGED("operation-description-changed"),
    OPERATION_REMOVED("operation-removed"),
    OPERATION_ROLE_ADDED("operation-role-added"),
    OPERATION_ROLE_REMOVED("operation-role-removed"),
    OPERATION_SCOPE_ADDED("operation-scope-added"),
    OPERATION_SCOPE_REMOVED("operation-scope-removed"),
    ROLES_CLAIM_CHANGED("roles-claim-changed"),
    SCOPE_CLAIM_CHANGED("scope-claim-changed"),
    // Claims schema
    ADDITIONAL_PROPERTIES_CLOSED("additional-properties-closed"),
    ADDITIONAL_PROPERTIES_OPENED("additional-properties-opened"),
    ANNOTATION_CHANGED("annotation-changed"),
    ANY_OF_ADDED("any-of-added"),
    ANY_OF_BRANCH_ADDED("any-of-branch-added"),
    ANY_OF_BRANCH_REMOVED("any-of-branch-removed"),
    ANY_OF_REMOVED("any-of-removed"),
    COMMENT_CHANGED("comment-changed"),
    CONDITIONAL_CHANGED("conditional-changed"),
    CONST_ADDED("const-added"),
    CONST_CHANGED("const-changed"),
    CONST_REMOVED("const-removed"),
    CONTAINS_ADDED("contains-added"),
    CONTAINS_REMOVED("contains-removed"),
    DEFAULT_CHANGED("default-changed"),
    DEPENDENT_REQUIRED_ADDED("dependent-required-added"),
    DEPENDENT_REQUIRED_REMOVED("dependent-required-removed"),
    DESCRIPTION_CHANGED("description-changed"),
    DIFF_TOO_LARGE("diff-too-large"),
    ENUM_ADDED("enum-added"),
    ENUM_REMOVED("enum-removed"),
    ENUM_VALUE_ADDED("enum-value-added"),
    ENUM_VALUE_REMOVED("enum-value-removed"),
    EXAMPLES_CHANGED("examples-changed"),
    FORMAT_ADDED("format-added"),
    FORMAT_CHANGED("format-changed"),
    FORMAT_NARROWED("format-narrowed"),
    FORMAT_REMOVED("format-removed"),
    FORMAT_WIDENED("format-widened"),
    MAX_CONTAINS_ADDED("max-contains-added"),
    MAX_CONTAINS_LOWERED("max-contains-lowered"),
    MAX_CONTAINS_RAISED("max-contains-raised"),
    MAX_CONTAINS_REMOVED("max-contains-removed"),
    MAX_ITEMS_ADDED("max-items-added"),
    MAX_ITEMS_LOWERED("max-items-lowered"),
    MAX_ITEMS_RAISED("max-items-raised"),
    MAX_ITEMS_REMOVED("max-items-removed"),
    MAX_LENGTH_ADDED("max-length-added"),
    MAX_LENGTH_LOWERED("max-length-lowered"),
    MAX_LENGTH_RAISED("max-length-raised"),
    MAX_LENGTH_REMOVED("max-length-removed"),
    MAX_PROPERTIES_ADDED("max-properties-added"),
    MAX_PROPERTIES_LOWERED("max-properties-lowered"),
    MAX_PROPERTIES_RAISED("max-properties-raised"),
    MAX_PROPERTIES_REMOVED("max-properties-removed"),
    MAXIMUM_ADDED("maximum-added"),
    MAXIMUM_LOWERED("maximum-lowered"),
    MAXIMUM_RAISED("maximum-raised"),
    MAXIMUM_REMOVED("maximum-removed"),
    MIN_CONTAINS_LOWERED("min-contains-lowered"),
    MIN_CONTAINS_RAISED("min-contains-raised"),
    MIN_ITEMS_LOWERED("min-items-lowered"),
    MIN_ITEMS_RAISED("min-items-raised"),
    MIN_LENGTH_LOWERED("min-length-lowered"),
    MIN_LENGTH_RAISED("min-length-raised"),
    MIN_PROPERTIES_LOWERED("min-properties-lowered"),
    MIN_PROPERTIES_RAISED("min-properties-raised"),
    MINIMUM_ADDED("minimum-added"),
    MINIMUM_LOWERED("minimum-lowered"),
    MINIMUM_RAISED("minimum-raised"),
    MINIMUM_REMOVED("minimum-removed"),
    MULTIPLE_OF_ADDED("multiple-of-added"),
    MULTIPLE_OF_CHANGED("multiple-of-changed"),
    MULTIPLE_OF_REMOVED("multiple-of-removed"),
    NOT_ADDED("not-added"),
    NOT_REMOVED("not-removed"),
    ONE_OF_ADDED("one-of-added"),
    ONE_OF_BRANCH_ADDED("one-of-branch-added"),
    ONE_OF_BRANCH_REMOVED("one-of-branch-removed"),
    ONE_OF_REMOVED("one-of-removed"),
    PATTERN_ADDED("pattern-added"),
    PATTERN_CHANGED("pattern-changed"),
    PATTERN_LOOSENED("pattern-loosened"),
    PATTERN_PROPERTY_ADDED("pattern-property-added"),
    PATTERN_PROPERTY_REMOVED("pattern-property-removed"),
    PATTERN_REMOVED("pattern-removed"),
    PATTERN_TIGHTENED("pattern-tightened"),
    PROPERTY_ADDED("property-added"),
    PROPERTY_REMOVED("property-removed"),
    REF_CHANGED("ref-changed"),
    REQUIRED_ADDED("required-added"),
    REQUIRED_REMOVED("required-removed"),
    SCHEMA_CHANGED("schema-changed"),
    SCHEMA_CLOSED("schema-closed"),
    SCHEMA_OPENED("schema-opened"),
    TITLE_CHANGED("title-changed"),
    TYPE_CHANGED("type-changed"),
    TYPE_NARROWED("type-narrowed"),
    TYPE_WIDENED("type-widened"),
    UNEVALUATED_PROPERTIES_CLOSED("unevaluated-properties-closed"),
    UNEVALUATED_PROPERTIES_OPENED("unevaluated-properties-opened"),
    UNIQUE_ITEMS_ADDED("unique-items-added"),
    UNIQUE_ITEMS_REMOVED("unique-items-removed"),
    UNKNOWN_KEYWORD_CHANGED("unknown-keyword-changed"),
    // What the engine cannot decide: reported breaking both ways, with the reason in the explanation
    UNDECIDED_REF("undecided-ref"),
    UNDECIDED_DYNAMIC_REF("undecided-dynamic-ref"),
    UNDECIDED_UNEVALUATED("undecided-unevaluated"),
    // Arrays: unevaluatedItems
    UNEVALUATED_ITEMS_CLOSED("unevaluated-items-closed"),
    UNEVALUATED_ITEMS_OPENED("unevaluated-items-opened"),
    // Found only by the counterexample search: a concrete token where the structural engine saw no break
    WITNESS_FOUND("witness-found");

    private static final Map<String, ChangeKind> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ChangeKind::wireName, Function.identity()));

    private final String wireName;

    ChangeKind(String wireName) {
        this.wireName = wireName;
    }

    /** The stable kebab-case name: {@code required-added}. */
    public String wireName() {
        return wireName;
    }

    /**
     * True for what the engine could not decide ({@code undecided-...}, {@code diff-too-large}): such a change
     * is reported breaking both ways, never as "no change".
     */
    public boolean undecided() {
        return wireName.startsWith("undecided-") || this == DIFF_TOO_LARGE;
    }

    /** The kind with this wire name, if there is one. */
    public static Optional<ChangeKind> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    /** The wire name, so that {@code "kind " + change.kind()} reads as the docs do. */
    @Override
    public String toString() {
        return wireName;
    }
}
