package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Annotations (cosmetic), {@code x-} extensions (cosmetic: no validator reads them inside a schema) and
 * keywords the engine does not know (assumed breaking both ways: some validator may assert them).
 */
final class Annotations {
    private static final Map<String, String> KINDS = Map.of(
            "title", "title-changed",
            "description", "description-changed",
            "examples", "examples-changed",
            "$comment", "comment-changed",
            "default", "default-changed");

    private Annotations() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d, boolean root) {
        Set<String> names = new LinkedHashSet<>(newer.propertyNames());
        names.addAll(older.propertyNames());
        for (String name : names) {
            if (Keywords.ASSERTIONS.contains(name)
                    || Keywords.DEFINITIONS.contains(name)
                    || Keywords.IDENTIFIERS.contains(name)
                    || (root && Keywords.ROOT_OWNED.contains(name))) {
                continue;
            }
            JsonNode before = older.get(name);
            JsonNode after = newer.get(name);
            if (SchemaDiff.same(before, after)) {
                continue;
            }
            String pointer = ctx.pointer(name, after != null);
            if (Keywords.ANNOTATIONS.contains(name) || name.startsWith("x-")) {
                String kind = KINDS.getOrDefault(name, "annotation-changed");
                d.out()
                        .add(
                                ctx,
                                kind,
                                Effect.COSMETIC,
                                pointer,
                                d.out().subject(ctx) + ": " + Show.text(name) + " " + verb(before, after)
                                        + " (an annotation: no token is accepted or rejected because of it)",
                                Show.json(before),
                                Show.json(after));
            } else {
                d.out()
                        .add(
                                ctx,
                                ChangeKind.UNKNOWN_KEYWORD_CHANGED,
                                Effect.BOTH,
                                pointer,
                                d.out().subject(ctx) + ": keyword '" + Show.text(name) + "' " + verb(before, after)
                                        + "; the engine does not know it, so it is assumed breaking both ways",
                                Show.json(before),
                                Show.json(after));
            }
        }
    }

    static String verb(JsonNode before, JsonNode after) {
        if (before == null) {
            return "added";
        }
        return after == null ? "removed" : "changed";
    }
}
