package dev.tokencontract.testing;

import dev.tokencontract.compat.ChangeClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One breaking change behind a reference in every applicator position, behind an anchor, a {@code $dynamicRef},
 * a chain of references, and under {@code unevaluated*}: the probe table of issue 11. Most probes widen
 * {@code $defs/role} from {@code ["reader"]} to {@code ["reader", "admin"]} and reach it from one position,
 * with the reference text the same in both versions. Each pair of documents lints clean; the engine, the CLI and
 * the registry must refuse every one with {@link #kind} named and a witness found.
 */
public final class CompatProbes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROLE_OLD = "{\"type\": \"string\", \"enum\": [\"reader\"]}";
    private static final String ROLE_NEW = "{\"type\": \"string\", \"enum\": [\"reader\", \"admin\"]}";
    private static final Set<ChangeClass> P = Set.of(ChangeClass.BREAKING_FOR_PRODUCERS);
    private static final Set<ChangeClass> C = Set.of(ChangeClass.BREAKING_FOR_CONSUMERS);

    private CompatProbes() {}

    /**
     * @param name      what the probe puts where
     * @param older     the old contract document (version 1.0.0)
     * @param newer     the new one (1.1.0)
     * @param kind      the wire name of the change kind that must be reported
     * @param refused   the directions that must be reported (and for which a witness exists)
     */
    public record Probe(String name, ObjectNode older, ObjectNode newer, String kind, Set<ChangeClass> refused) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        String ref = "{\"$ref\": \"#/$defs/role\"}";
        probes.add(
                role("items.$ref (roles enum widened)", "roles", "{\"type\": \"array\", \"items\": " + ref + "}", P));
        probes.add(role("prefixItems.$ref", "pair", "{\"type\": \"array\", \"prefixItems\": [" + ref + "]}", P));
        probes.add(role("contains.$ref", "tags", "{\"type\": \"array\", \"contains\": " + ref + "}", P));
        probes.add(role(
                "additionalProperties.$ref",
                "grants",
                "{\"type\": \"object\", \"additionalProperties\": " + ref + "}",
                P));
        probes.add(role(
                "patternProperties.$ref",
                "grants",
                "{\"type\": \"object\", \"patternProperties\": {\"^g_\": " + ref + "}}",
                P));
        probes.add(role("propertyNames.$ref", "grants", "{\"type\": \"object\", \"propertyNames\": " + ref + "}", P));
        probes.add(role(
                "dependentSchemas.$ref",
                "grants",
                "{\"type\": \"object\", \"dependentSchemas\": {\"a\": " + "{\"properties\": {\"r\": " + ref + "}}}}",
                P));
        probes.add(role(
                "unevaluatedProperties.$ref",
                "grants",
                "{\"type\": \"object\", \"unevaluatedProperties\": " + ref + "}",
                P));
        probes.add(
                role("unevaluatedItems.$ref", "pair", "{\"type\": \"array\", \"unevaluatedItems\": " + ref + "}", P));
        probes.add(role("allOf.$ref", "level", "{\"allOf\": [" + ref + "]}", P));
        probes.add(role("anyOf.$ref", "level", "{\"anyOf\": [" + ref + ", {\"type\": \"integer\"}]}", P));
        probes.add(role("oneOf.$ref", "level", "{\"oneOf\": [" + ref + ", {\"type\": \"integer\"}]}", P));
        probes.add(role("not.$ref", "level", "{\"type\": \"string\", \"not\": " + ref + "}", C));
        probes.add(role(
                "if.$ref", "level", "{\"type\": \"string\", \"if\": " + ref + ", \"then\": {\"maxLength\": 3}}", C));
        probes.add(role("then.$ref", "level", "{\"if\": {\"type\": \"string\"}, \"then\": " + ref + "}", P));
        probes.add(role("else.$ref", "level", "{\"if\": {\"type\": \"integer\"}, \"else\": " + ref + "}", P));
        probes.add(probe(
                "$ref to an $anchor",
                "level",
                "{\"$ref\": \"#role\"}",
                "{\"role\": " + anchored("$anchor", ROLE_OLD) + "}",
                "{\"role\": " + anchored("$anchor", ROLE_NEW) + "}",
                "enum-value-added",
                P));
        probes.add(probe(
                "$dynamicRef to a $dynamicAnchor",
                "level",
                "{\"$dynamicRef\": \"#role\"}",
                "{\"role\": " + anchored("$dynamicAnchor", ROLE_OLD) + "}",
                "{\"role\": " + anchored("$dynamicAnchor", ROLE_NEW) + "}",
                "enum-value-added",
                P));
        probes.add(probe(
                "$ref chain",
                "level",
                "{\"$ref\": \"#/$defs/a\"}",
                "{\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": " + ref + ", \"role\": " + ROLE_OLD + "}",
                "{\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": " + ref + ", \"role\": " + ROLE_NEW + "}",
                "enum-value-added",
                P));
        String branches =
                "{\"type\": \"object\", \"allOf\": [{\"properties\": {\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"string\"}}}],"
                        + " \"unevaluatedProperties\": false}";
        String fewer =
                "{\"type\": \"object\", \"allOf\": [{\"properties\": {\"a\": {\"type\": \"string\"}}}], \"unevaluatedProperties\": false}";
        probes.add(pair(
                "unevaluatedProperties: false, property dropped from an allOf branch",
                "profile",
                branches,
                fewer,
                "undecided-unevaluated",
                C));
        probes.add(pair(
                "unevaluatedItems: false, prefixItems gains a position",
                "pair",
                "{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}], \"unevaluatedItems\": false}",
                "{\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"string\"}], \"unevaluatedItems\": false}",
                "schema-opened",
                P));
        return probes;
    }

    /** The probe the issue names: {@code roles.items.$ref}, role enum widened (producer-breaking and widening). */
    public static Probe rolesItemsRef() {
        return all().get(0);
    }

    private static String anchored(String keyword, String role) {
        return "{\"" + keyword + "\": \"role\", " + role.substring(1);
    }

    private static Probe role(String name, String claim, String claimSchema, Set<ChangeClass> refused) {
        return probe(
                name,
                claim,
                claimSchema,
                "{\"role\": " + ROLE_OLD + "}",
                "{\"role\": " + ROLE_NEW + "}",
                "enum-value-added",
                refused);
    }

    private static Probe probe(
            String name,
            String claim,
            String claimSchema,
            String oldDefs,
            String newDefs,
            String kind,
            Set<ChangeClass> refused) {
        ObjectNode older = TestContracts.minimal();
        ObjectNode newer = version(TestContracts.minimal());
        ((ObjectNode) older.get("properties")).set(claim, JSON.readTree(claimSchema));
        ((ObjectNode) newer.get("properties")).set(claim, JSON.readTree(claimSchema));
        older.set("$defs", JSON.readTree(oldDefs));
        newer.set("$defs", JSON.readTree(newDefs));
        return new Probe(name, older, newer, kind, refused);
    }

    private static Probe pair(
            String name, String claim, String oldSchema, String newSchema, String kind, Set<ChangeClass> refused) {
        ObjectNode older = TestContracts.minimal();
        ObjectNode newer = version(TestContracts.minimal());
        ((ObjectNode) older.get("properties")).set(claim, JSON.readTree(oldSchema));
        ((ObjectNode) newer.get("properties")).set(claim, JSON.readTree(newSchema));
        return new Probe(name, older, newer, kind, refused);
    }

    private static ObjectNode version(ObjectNode document) {
        document.put("$id", "https://tokencontract.dev/contracts/minimal-token/1.1.0");
        ((ObjectNode) document.get("x-contract")).put("version", "1.1.0");
        return document;
    }
}
