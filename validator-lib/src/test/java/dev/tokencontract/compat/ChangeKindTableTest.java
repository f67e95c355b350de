package dev.tokencontract.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per change kind and class: two versions of a small contract that differ in one thing, and every
 * change the engine must report for it ({@code kind [classes] pointer}; C consumers, P producers, W
 * authorization widening, X cosmetic). Exact lists: an extra change is as much a failure as a missing one.
 */
class ChangeKindTableTest {
    private static final String TENANT = "/properties/tenant";

    private static Arguments row(String name, UnaryOperator<DiffPair> edit, String... expected) {
        return Arguments.of(name, edit, List.of(expected));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // type
                row(
                        "type narrowed",
                        p -> p.both(TENANT, "{\"type\": [\"string\", \"null\"]}")
                                .now(TENANT + "/type", "\"string\""),
                        "type-narrowed [C] /properties/tenant/type"),
                row(
                        "type widened",
                        p -> p.both(TENANT, "{\"type\": \"integer\"}").now(TENANT + "/type", "\"number\""),
                        "type-widened [P] /properties/tenant/type"),
                row(
                        "type changed",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/type", "\"integer\""),
                        "type-changed [CP] /properties/tenant/type"),
                // keywords of a type only one version allows say nothing the type change does not
                row(
                        "roles string to array reports only the type",
                        p -> p.both("/properties/roles", "{\"type\": \"string\"}")
                                .now(
                                        "/properties/roles",
                                        "{\"type\": \"array\", \"items\": {\"type\": \"string\", \"minLength\": 1}, "
                                                + "\"maxItems\": 8, \"uniqueItems\": true}"),
                        "type-changed [CPW] /properties/roles/type"),
                row(
                        "roles array to string reports only the type",
                        p -> p.both(
                                        "/properties/roles",
                                        "{\"type\": \"array\", "
                                                + "\"items\": {\"type\": \"string\"}, \"maxItems\": 8, \"uniqueItems\": true}")
                                .now("/properties/roles", "{\"type\": \"string\"}"),
                        "type-changed [CPW] /properties/roles/type"),
                row(
                        "string to integer drops string keywords",
                        p -> p.both(TENANT, "{\"type\": \"string\", \"maxLength\": 8, \"pattern\": \"^a\"}")
                                .now(TENANT, "{\"type\": \"integer\", \"maximum\": 5}"),
                        "type-changed [CP] /properties/tenant/type"),
                row(
                        "type narrowed to string: array bound dropped with arrays",
                        p -> p.both(TENANT, "{\"type\": [\"string\", \"array\"], " + "\"maxItems\": 3}")
                                .now(TENANT, "{\"type\": \"string\"}"),
                        "type-narrowed [C] /properties/tenant/type"),
                row(
                        "type narrowed keeps the shared type's keywords",
                        p -> p.both(TENANT, "{\"type\": [\"string\", \"array\"]}")
                                .now(TENANT, "{\"type\": \"string\", \"maxLength\": 4}"),
                        "type-narrowed [C] /properties/tenant/type",
                        "max-length-added [C] /properties/tenant/maxLength"),
                row(
                        "type spelled differently",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/type", "[\"string\"]")),
                row(
                        "scope type widened widens authorization",
                        p -> p.now("/properties/scope/type", "[\"string\", \"array\"]"),
                        "type-widened [PW] /properties/scope/type"),
                // required
                row("claim made required", p -> p.now("/required/3", "\"scope\""), "required-added [C] /required"),
                row(
                        "claim no longer required",
                        p -> p.old("/required/3", "\"scope\""),
                        "required-removed [P] /required"),
                row(
                        "dependentRequired added",
                        p -> p.now("/dependentRequired", "{\"scope\": [\"roles\"]}"),
                        "dependent-required-added [C] /dependentRequired/scope"),
                // properties and content models
                row(
                        "property added to open model",
                        p -> p.now(TENANT, "{\"type\": \"string\"}"),
                        "property-added [C] /properties/tenant"),
                row(
                        "property added to open model unconstrained",
                        p -> p.now(TENANT, "{\"description\": \"any\"}"),
                        "property-added [X] /properties/tenant"),
                row(
                        "property added to closed model",
                        p -> p.both("/additionalProperties", "false").now(TENANT, "{\"type\": \"string\"}"),
                        "property-added [P] /properties/tenant"),
                row(
                        "optional property removed from closed model",
                        p -> p.both("/additionalProperties", "false").old(TENANT, "{\"type\": \"string\"}"),
                        "property-removed [C] /properties/tenant"),
                row(
                        "constrained property removed from open model",
                        p -> p.old(TENANT, "{\"type\": \"string\"}"),
                        "property-removed [P] /properties/tenant"),
                row(
                        "property moved to patternProperties with same schema",
                        p -> p.both("/additionalProperties", "false")
                                .old(TENANT, "{\"type\": \"string\"}")
                                .now("/patternProperties", "{\"^ten\": {\"type\": \"string\"}}"),
                        "property-removed [X] /properties/tenant",
                        "pattern-property-added [P] /patternProperties/^ten"),
                row(
                        "additionalProperties closed",
                        p -> p.now("/additionalProperties", "false"),
                        "additional-properties-closed [C] /additionalProperties"),
                row(
                        "additionalProperties opened",
                        p -> p.old("/additionalProperties", "false"),
                        "additional-properties-opened [P] /additionalProperties"),
                row(
                        "additionalProperties schema changed",
                        p -> p.both("/additionalProperties", "{\"type\": \"string\"}")
                                .now("/additionalProperties/type", "\"integer\""),
                        "type-changed [CP] /additionalProperties/type"),
                row(
                        "unevaluatedProperties closed",
                        p -> p.now("/unevaluatedProperties", "false"),
                        "unevaluated-properties-closed [C] /unevaluatedProperties"),
                row(
                        "patternProperties entry tightened",
                        p -> p.both("/patternProperties", "{\"^x_\": {\"type\": \"string\"}}")
                                .now("/patternProperties/^x_/maxLength", "8"),
                        "max-length-added [C] /patternProperties/^x_/maxLength"),
                row(
                        "patternProperties added to open model",
                        p -> p.now("/patternProperties", "{\"^x_\": {\"type\": \"string\"}}"),
                        "pattern-property-added [C] /patternProperties/^x_"),
                row(
                        "propertyNames added",
                        p -> p.now("/propertyNames", "{\"maxLength\": 40}"),
                        "max-length-added [C] /propertyNames/maxLength"),
                // enum and const
                row(
                        "roles enum gains a value",
                        p -> p.both("/properties/roles/items/enum", "[\"reader\"]")
                                .now("/properties/roles/items/enum", "[\"reader\", \"admin\"]"),
                        "enum-value-added [PW] /properties/roles/items/enum"),
                row(
                        "roles enum loses a value",
                        p -> p.both("/properties/roles/items/enum", "[\"reader\", \"admin\"]")
                                .now("/properties/roles/items/enum", "[\"reader\"]"),
                        "enum-value-removed [C] /properties/roles/items/enum"),
                row(
                        "enum value added to ordinary claim",
                        p -> p.both(TENANT, "{\"enum\": [\"a\"]}").now(TENANT + "/enum", "[\"a\", \"b\"]"),
                        "enum-value-added [P] /properties/tenant/enum"),
                row(
                        "enum reordered",
                        p -> p.both(TENANT, "{\"enum\": [\"a\", \"b\"]}").now(TENANT + "/enum", "[\"b\", \"a\"]")),
                row(
                        "enum numbers 1 and 1.0 are equal",
                        p -> p.both(TENANT, "{\"enum\": [1]}").now(TENANT + "/enum", "[1.0]")),
                row(
                        "enum added",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/enum", "[\"a\"]"),
                        "enum-added [C] /properties/tenant/enum"),
                row(
                        "enum removed",
                        p -> p.both(TENANT, "{\"enum\": [\"a\"]}").nowWithout(TENANT + "/enum"),
                        "enum-removed [P] /properties/tenant/enum"),
                row(
                        "const changed",
                        p -> p.both(TENANT, "{\"const\": \"a\"}").now(TENANT + "/const", "\"b\""),
                        "const-changed [CP] /properties/tenant/const"),
                row(
                        "const added",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/const", "\"a\""),
                        "const-added [C] /properties/tenant/const"),
                // pattern
                row(
                        "pattern added",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/pattern", "\"^[a-z]+$\""),
                        "pattern-added [C] /properties/tenant/pattern"),
                row(
                        "scope pattern removed widens authorization",
                        p -> p.old("/properties/scope/pattern", "\"^(data\\\\.read)$\""),
                        "pattern-removed [PW] /properties/scope/pattern"),
                row(
                        "scope pattern loosened (literal alternation)",
                        p -> p.both("/properties/scope/pattern", "\"^(data\\\\.read)$\"")
                                .now("/properties/scope/pattern", "\"^(data\\\\.read|data\\\\.write)$\""),
                        "pattern-loosened [PW] /properties/scope/pattern"),
                row(
                        "pattern tightened (literal alternation)",
                        p -> p.both(TENANT, "{\"pattern\": \"^(?:a|b)$\"}").now(TENANT + "/pattern", "\"^(?:a)$\""),
                        "pattern-tightened [C] /properties/tenant/pattern"),
                row(
                        "general pattern changed is both ways",
                        p -> p.both(TENANT, "{\"pattern\": \"^[a-z]+$\"}").now(TENANT + "/pattern", "\"^[a-z0-9]+$\""),
                        "pattern-changed [CP] /properties/tenant/pattern"),
                row(
                        "unanchored alternation is not a literal set",
                        p -> p.both(TENANT, "{\"pattern\": \"^a|b$\"}").now(TENANT + "/pattern", "\"^a|b|c$\""),
                        "pattern-changed [CP] /properties/tenant/pattern"),
                // format
                row(
                        "format added",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/format", "\"uri\""),
                        "format-added [C] /properties/tenant/format"),
                row(
                        "format removed",
                        p -> p.both(TENANT, "{\"format\": \"uri\"}").nowWithout(TENANT + "/format"),
                        "format-removed [P] /properties/tenant/format"),
                row(
                        "format widened",
                        p -> p.both(TENANT, "{\"format\": \"email\"}").now(TENANT + "/format", "\"idn-email\""),
                        "format-widened [P] /properties/tenant/format"),
                row(
                        "format changed",
                        p -> p.both(TENANT, "{\"format\": \"email\"}").now(TENANT + "/format", "\"uuid\""),
                        "format-changed [CP] /properties/tenant/format"),
                // numeric bounds
                row(
                        "minimum raised",
                        p -> p.both("/properties/exp/minimum", "0").now("/properties/exp/minimum", "10"),
                        "minimum-raised [C] /properties/exp/minimum"),
                row(
                        "minimum lowered",
                        p -> p.both("/properties/exp/minimum", "10").now("/properties/exp/minimum", "0"),
                        "minimum-lowered [P] /properties/exp/minimum"),
                row(
                        "minimum made exclusive",
                        p -> p.old("/properties/exp/minimum", "10").now("/properties/exp/exclusiveMinimum", "10"),
                        "minimum-raised [C] /properties/exp/exclusiveMinimum"),
                row(
                        "minimum added",
                        p -> p.now("/properties/exp/minimum", "0"),
                        "minimum-added [C] /properties/exp/minimum"),
                row(
                        "maximum removed",
                        p -> p.old("/properties/exp/maximum", "99"),
                        "maximum-removed [P] /properties/exp/maximum"),
                row(
                        "maximum lowered",
                        p -> p.both("/properties/exp/maximum", "99").now("/properties/exp/maximum", "50"),
                        "maximum-lowered [C] /properties/exp/maximum"),
                row(
                        "maximum raised",
                        p -> p.both("/properties/exp/exclusiveMaximum", "50")
                                .now("/properties/exp/exclusiveMaximum", "99"),
                        "maximum-raised [P] /properties/exp/exclusiveMaximum"),
                row(
                        "multipleOf made stricter",
                        p -> p.both("/properties/exp/multipleOf", "5").now("/properties/exp/multipleOf", "10"),
                        "multiple-of-changed [C] /properties/exp/multipleOf"),
                row(
                        "multipleOf unrelated",
                        p -> p.both("/properties/exp/multipleOf", "3").now("/properties/exp/multipleOf", "5"),
                        "multiple-of-changed [CP] /properties/exp/multipleOf"),
                row(
                        "multipleOf removed",
                        p -> p.old("/properties/exp/multipleOf", "3"),
                        "multiple-of-removed [P] /properties/exp/multipleOf"),
                // length bounds
                row(
                        "minLength raised",
                        p -> p.now("/properties/iss/minLength", "1"),
                        "min-length-raised [C] /properties/iss/minLength"),
                row(
                        "maxLength added",
                        p -> p.now("/properties/iss/maxLength", "100"),
                        "max-length-added [C] /properties/iss/maxLength"),
                row(
                        "maxLength raised",
                        p -> p.both("/properties/iss/maxLength", "10").now("/properties/iss/maxLength", "20"),
                        "max-length-raised [P] /properties/iss/maxLength"),
                row(
                        "roles maxItems raised widens",
                        p -> p.both("/properties/roles/maxItems", "5").now("/properties/roles/maxItems", "50"),
                        "max-items-raised [PW] /properties/roles/maxItems"),
                row(
                        "minItems raised",
                        p -> p.now("/properties/roles/minItems", "1"),
                        "min-items-raised [C] /properties/roles/minItems"),
                row(
                        "maxProperties lowered",
                        p -> p.both("/maxProperties", "50").now("/maxProperties", "20"),
                        "max-properties-lowered [C] /maxProperties"),
                row(
                        "uniqueItems added",
                        p -> p.now("/properties/roles/uniqueItems", "true"),
                        "unique-items-added [C] /properties/roles/uniqueItems"),
                row(
                        "uniqueItems removed",
                        p -> p.old("/properties/roles/uniqueItems", "true"),
                        "unique-items-removed [PW] /properties/roles/uniqueItems"),
                // arrays
                row(
                        "roles items widened",
                        p -> p.now("/properties/roles/items/type", "[\"string\", \"integer\"]"),
                        "type-widened [PW] /properties/roles/items/type"),
                row(
                        "prefixItems added",
                        p -> p.now("/properties/roles/prefixItems", "[{\"const\": \"reader\"}]"),
                        "const-added [C] /properties/roles/prefixItems/0/const"),
                row(
                        "contains added",
                        p -> p.both(TENANT, "{\"type\": \"array\"}").now(TENANT + "/contains", "{\"const\": \"x\"}"),
                        "contains-added [C] /properties/tenant/contains"),
                row(
                        "contains tightened",
                        p -> p.both(TENANT, "{\"contains\": {\"type\": \"string\"}}")
                                .now(TENANT + "/contains/minLength", "2"),
                        "min-length-raised [C] /properties/tenant/contains/minLength"),
                // combinators
                row(
                        "allOf entry added",
                        p -> p.now("/allOf", "[{\"required\": [\"scope\"]}]"),
                        "required-added [C] /allOf/0/required"),
                row(
                        "anyOf branch added",
                        p -> p.both(TENANT, "{\"anyOf\": [{\"type\": \"string\"}]}")
                                .now(TENANT + "/anyOf/1", "{\"type\": \"integer\"}"),
                        "any-of-branch-added [P] /properties/tenant/anyOf/1"),
                row(
                        "anyOf branch removed",
                        p -> p.both(TENANT, "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}")
                                .nowWithout(TENANT + "/anyOf/1"),
                        "any-of-branch-removed [C] /properties/tenant/anyOf/1"),
                row(
                        "anyOf branch tightened",
                        p -> p.both(TENANT, "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}")
                                .now(TENANT + "/anyOf/0/maxLength", "3"),
                        "max-length-added [C] /properties/tenant/anyOf/0/maxLength"),
                row(
                        "oneOf branch loosened is both ways",
                        p -> p.both(
                                        TENANT,
                                        "{\"oneOf\": [{\"type\": \"string\", \"maxLength\": 3}, {\"type\": \"integer\"}]}")
                                .nowWithout(TENANT + "/oneOf/0/maxLength"),
                        "max-length-removed [CP] /properties/tenant/oneOf/0/maxLength"),
                row(
                        "oneOf added",
                        p -> p.now(TENANT, "{\"oneOf\": [{\"type\": \"string\"}]}"),
                        "property-added [C] /properties/tenant"),
                row(
                        "not: excluded values widened tightens",
                        p -> p.both(TENANT, "{\"not\": {\"enum\": [\"x\"]}}")
                                .now(TENANT + "/not/enum", "[\"x\", \"y\"]"),
                        "enum-value-added [C] /properties/tenant/not/enum"),
                row(
                        "not added",
                        p -> p.both(TENANT, "{\"type\": \"string\"}").now(TENANT + "/not", "{\"const\": \"root\"}"),
                        "not-added [C] /properties/tenant/not"),
                // issue 11: only 'if' moves values between branches; then/else keep their direction
                row(
                        "then tightened is consumer-breaking only",
                        p -> p.both(TENANT, "{\"if\": {\"type\": \"string\"}, \"then\": {\"minLength\": 2}}")
                                .now(TENANT + "/then/minLength", "3"),
                        "min-length-raised [C] /properties/tenant/then/minLength"),
                row(
                        "if changed is both ways",
                        p -> p.both(TENANT, "{\"if\": {\"type\": \"string\"}, \"then\": {\"minLength\": 2}}")
                                .now(TENANT + "/if/maxLength", "9"),
                        "max-length-added [CP] /properties/tenant/if/maxLength"),
                row(
                        "else added",
                        p -> p.both(TENANT, "{\"if\": {\"type\": \"string\"}, \"then\": {\"minLength\": 2}}")
                                .now(TENANT + "/else", "{\"type\": \"integer\"}"),
                        "conditional-changed [C] /properties/tenant/else"),
                row(
                        "if added",
                        p -> p.both(TENANT, "{\"then\": {\"minLength\": 2}}")
                                .now(TENANT + "/if", "{\"type\": \"string\"}"),
                        "conditional-changed [CP] /properties/tenant/if"),
                // issue 11: branches matched by content and containment, not position
                row(
                        "anyOf reordered is no change",
                        p -> p.both(TENANT, "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}")
                                .now(TENANT + "/anyOf", "[{\"type\": \"integer\"}, {\"type\": \"string\"}]")),
                row(
                        "oneOf reordered is no change",
                        p -> p.both(TENANT, "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}")
                                .now(TENANT + "/oneOf", "[{\"type\": \"integer\"}, {\"type\": \"string\"}]")),
                row(
                        "allOf reordered is no change",
                        p -> p.both(TENANT, "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 5}]}")
                                .now(TENANT + "/allOf", "[{\"maxLength\": 5}, {\"type\": \"string\"}]")),
                row(
                        "type becomes anyOf containing it",
                        p -> p.both(TENANT, "{\"type\": \"string\"}")
                                .now(TENANT, "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}"),
                        "type-widened [P] /properties/tenant/type",
                        "any-of-added [X] /properties/tenant/anyOf"),
                row(
                        "allOf becomes anyOf of the same branches",
                        p -> p.both(
                                        TENANT,
                                        "{\"type\": \"number\", \"allOf\": [{\"maximum\": 100}, "
                                                + "{\"multipleOf\": 6}]}")
                                .now(
                                        TENANT,
                                        "{\"type\": \"number\", \"anyOf\": [{\"maximum\": 100}, {\"multipleOf\": 6}]}"),
                        "maximum-removed [P] /properties/tenant/allOf/0/maximum",
                        "multiple-of-removed [P] /properties/tenant/allOf/1/multipleOf",
                        "any-of-added [X] /properties/tenant/anyOf"),
                row(
                        "anyOf branch loosened inside a kept branch",
                        p -> p.both(
                                        TENANT,
                                        "{\"anyOf\": [{\"type\": \"string\", \"maxLength\": 3}, "
                                                + "{\"type\": \"integer\"}]}")
                                .nowWithout(TENANT + "/anyOf/0/maxLength"),
                        "max-length-removed [P] /properties/tenant/anyOf/0/maxLength"),
                // $ref
                row(
                        "change behind a $ref reported where it is",
                        p -> p.both("/$defs", "{\"t\": {\"type\": \"string\", \"maxLength\": 10}}")
                                .both(TENANT, "{\"$ref\": \"#/$defs/t\"}")
                                .now("/$defs/t/maxLength", "5"),
                        "max-length-lowered [C] /$defs/t/maxLength"),
                row(
                        "inline schema moved behind a $ref is no change",
                        p -> p.both("/$defs", "{\"t\": {\"type\": \"string\"}}")
                                .old(TENANT, "{\"type\": \"string\"}")
                                .now(TENANT, "{\"$ref\": \"#/$defs/t\"}")),
                row(
                        "$ref retargeted",
                        p -> p.both("/$defs", "{\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"integer\"}}")
                                .both(TENANT, "{\"$ref\": \"#/$defs/a\"}")
                                .now(TENANT + "/$ref", "\"#/$defs/b\""),
                        "type-changed [CP] /$defs/b/type"),
                row(
                        "unused $defs change is not observable",
                        p -> p.both("/$defs", "{\"unused\": {\"type\": \"string\"}}")
                                .now("/$defs/unused/type", "\"integer\"")),
                // unknown keywords and annotations
                row(
                        "unknown keyword changed is both ways",
                        p -> p.both(TENANT, "{\"type\": \"string\", \"fancy\": 1}")
                                .now(TENANT + "/fancy", "2"),
                        "unknown-keyword-changed [CP] /properties/tenant/fancy"),
                row("title changed", p -> p.now("/title", "\"Tokens\""), "title-changed [X] /title"),
                row(
                        "claim description changed",
                        p -> p.now("/properties/iss/description", "\"who issued it\""),
                        "description-changed [X] /properties/iss/description"),
                row(
                        "examples changed",
                        p -> p.now("/properties/iss/examples", "[\"https://idp.example\"]"),
                        "examples-changed [X] /properties/iss/examples"),
                row("comment changed", p -> p.now("/$comment", "\"hi\""), "comment-changed [X] /$comment"),
                row(
                        "x- annotation inside the schema",
                        p -> p.now("/properties/iss/x-note", "\"n\""),
                        "annotation-changed [X] /properties/iss/x-note"),
                row(
                        "owner changed",
                        p -> p.now("/x-contract/owner", "\"identity-team\""),
                        "owner-changed [X] /x-contract/owner"),
                row(
                        "$id moved beyond its version",
                        p -> p.now("/$id", "\"https://contracts.example/minimal-token/1.1.0\""),
                        "id-changed [X] /$id"),
                row(
                        "contract description changed",
                        p -> p.now("/x-contract/description", "\"v2\""),
                        "contract-description-changed [X] /x-contract/description"),
                // x-jose
                row(
                        "alg added widens",
                        p -> p.now("/x-jose/alg", "[\"RS256\", \"PS256\"]"),
                        "alg-added [PW] /x-jose/alg"),
                row(
                        "alg removed",
                        p -> p.both("/x-jose/alg", "[\"RS256\", \"PS256\"]").now("/x-jose/alg", "[\"PS256\"]"),
                        "alg-removed [C] /x-jose/alg"),
                row(
                        "typ changed",
                        p -> p.now("/x-jose/typ", "[\"application/at+jwt\"]"),
                        "typ-removed [C] /x-jose/typ",
                        "typ-added [PW] /x-jose/typ"),
                row("typ case change is none", p -> p.now("/x-jose/typ", "[\"AT+JWT\"]")),
                row("typ check removed widens", p -> p.nowWithout("/x-jose/typ"), "typ-check-removed [PW] /x-jose/typ"),
                row(
                        "kidRequired turned on",
                        p -> p.now("/x-jose/kidRequired", "true"),
                        "kid-required-added [C] /x-jose/kidRequired"),
                row(
                        "kidRequired turned off",
                        p -> p.old("/x-jose/kidRequired", "true"),
                        "kid-required-removed [P] /x-jose/kidRequired"),
                row(
                        "maxLifetime lowered",
                        p -> p.both("/x-jose/maxLifetimeSeconds", "3600").now("/x-jose/maxLifetimeSeconds", "600"),
                        "max-lifetime-lowered [C] /x-jose/maxLifetimeSeconds"),
                row(
                        "maxLifetime raised",
                        p -> p.both("/x-jose/maxLifetimeSeconds", "600").now("/x-jose/maxLifetimeSeconds", "3600"),
                        "max-lifetime-raised [P] /x-jose/maxLifetimeSeconds"),
                row(
                        "maxLifetime added",
                        p -> p.now("/x-jose/maxLifetimeSeconds", "600"),
                        "max-lifetime-added [C] /x-jose/maxLifetimeSeconds"),
                // x-authorization
                row(
                        "operation added widens",
                        p -> p.now("/x-authorization/operations/write", "{\"scopes\": [\"data.write\"]}"),
                        "operation-added [W] /x-authorization/operations/write"),
                row(
                        "operation removed",
                        p -> p.nowWithout("/x-authorization/operations/admin"),
                        "operation-removed [C] /x-authorization/operations/admin"),
                row(
                        "operation scope requirement dropped widens",
                        p -> p.both("/x-authorization/operations/read/scopes", "[\"data.read\", \"data.list\"]")
                                .now("/x-authorization/operations/read/scopes", "[\"data.read\"]"),
                        "operation-scope-removed [W] /x-authorization/operations/read/scopes"),
                row(
                        "operation scope requirement added",
                        p -> p.now("/x-authorization/operations/read/scopes", "[\"data.read\", \"data.list\"]"),
                        "operation-scope-added [C] /x-authorization/operations/read/scopes"),
                row(
                        "operation role requirement swapped for a scope",
                        p -> p.now("/x-authorization/operations/admin", "{\"scopes\": [\"admin\"]}"),
                        "operation-scope-added [C] /x-authorization/operations/admin/scopes",
                        "operation-role-removed [W] /x-authorization/operations/admin/roles"),
                row(
                        "operation description",
                        p -> p.now("/x-authorization/operations/read/description", "\"Read data.\""),
                        "operation-description-changed [X] /x-authorization/operations/read/description"),
                row(
                        "roles claim moved",
                        p -> p.both("/properties/groups", "{\"type\": \"array\"}")
                                .now("/x-authorization/rolesClaim", "\"groups\""),
                        "roles-claim-changed [CPW] /x-authorization/rolesClaim"),
                row(
                        "a claim named by rolesClaim opened up widens",
                        p -> p.both("/x-authorization/rolesClaim", "\"groups\"")
                                .both("/properties/groups", "{\"type\": \"array\", \"items\": {\"enum\": [\"a\"]}}")
                                .nowWithout("/properties/groups/items/enum"),
                        "enum-removed [PW] /properties/groups/items/enum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void diffWhenOneThingChangesThenExactlyTheseChanges(
            String name, UnaryOperator<DiffPair> edit, List<String> expected) {
        List<String> actual = edit.apply(DiffPair.minimal()).summary();

        assertThat(actual).as(name).containsExactlyElementsOf(expected);
    }
}
