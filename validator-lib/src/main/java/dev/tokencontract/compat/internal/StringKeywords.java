package dev.tokencontract.compat.internal;

import dev.tokencontract.compat.ChangeKind;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** {@code pattern} and {@code format} (the validator asserts formats). */
final class StringKeywords {
    /** Formats whose language contains another's: narrower → wider. */
    private static final Map<String, Set<String>> WIDER = Map.of(
            "email", Set.of("idn-email"),
            "hostname", Set.of("idn-hostname"),
            "uri", Set.of("iri", "uri-reference", "iri-reference"),
            "uri-reference", Set.of("iri-reference"),
            "iri", Set.of("iri-reference"));

    private StringKeywords() {}

    static void diff(JsonNode older, JsonNode newer, Context ctx, SchemaDiff d) {
        pattern(older.get("pattern"), newer.get("pattern"), ctx, d);
        format(older.get("format"), newer.get("format"), ctx, d);
    }

    private static void pattern(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (SchemaDiff.same(before, after)) {
            return;
        }
        // a pattern that matches every string ([a-z]* unanchored) constrains nothing: as if absent
        before =
                before != null && before.isString() && Patterns.matchesEverything(before.stringValue()) ? null : before;
        after = after != null && after.isString() && Patterns.matchesEverything(after.stringValue()) ? null : after;
        if (before == null && after == null) {
            return;
        }
        String subject = d.out().subject(ctx);
        String pointer = ctx.pointer("pattern", after != null);
        if (before == null) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.PATTERN_ADDED,
                            Effect.TIGHTER,
                            pointer,
                            subject + ": must now match " + Show.json(after) + "; values that do not are rejected",
                            null,
                            Show.json(after));
            return;
        }
        if (after == null) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.PATTERN_REMOVED,
                            Effect.LOOSER,
                            pointer,
                            subject + ": no longer has to match " + Show.json(before)
                                    + "; consumers on the old contract reject values that do not",
                            Show.json(before),
                            null);
            return;
        }
        Optional<Set<String>> was = Patterns.literals(before.asString(""));
        Optional<Set<String>> now = Patterns.literals(after.asString(""));
        String change = subject + ": pattern " + Show.json(before) + " → " + Show.json(after);
        if (was.isPresent() && now.isPresent()) {
            Set<String> lost = new LinkedHashSet<>(was.get());
            lost.removeAll(now.get());
            Set<String> gained = new LinkedHashSet<>(now.get());
            gained.removeAll(was.get());
            if (lost.isEmpty() && gained.isEmpty()) {
                return; // the same literals, reordered
            }
            ChangeKind kind = lost.isEmpty()
                    ? ChangeKind.PATTERN_LOOSENED
                    : gained.isEmpty() ? ChangeKind.PATTERN_TIGHTENED : ChangeKind.PATTERN_CHANGED;
            String detail = (lost.isEmpty() ? "" : "; no longer matches " + quoted(lost))
                    + (gained.isEmpty() ? "" : "; now also matches " + quoted(gained));
            d.out()
                    .add(
                            ctx,
                            kind,
                            Effect.of(!lost.isEmpty(), !gained.isEmpty()),
                            pointer,
                            change + " (both are literal alternations, compared exactly)" + detail,
                            Show.json(before),
                            Show.json(after));
            return;
        }
        d.out()
                .add(
                        ctx,
                        ChangeKind.PATTERN_CHANGED,
                        Effect.BOTH,
                        pointer,
                        change + "; whether one regular expression includes another "
                                + "cannot be decided in general, so this is treated as both tightened and loosened",
                        Show.json(before),
                        Show.json(after));
    }

    private static String quoted(Set<String> words) {
        Set<String> shown = new LinkedHashSet<>();
        words.forEach(w -> shown.add("'" + w + "'"));
        return Show.list(shown);
    }

    private static void format(JsonNode before, JsonNode after, Context ctx, SchemaDiff d) {
        if (SchemaDiff.same(before, after)) {
            return;
        }
        String subject = d.out().subject(ctx);
        String pointer = ctx.pointer("format", after != null);
        if (before == null) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.FORMAT_ADDED,
                            Effect.TIGHTER,
                            pointer,
                            subject + ": must now be a valid " + Show.json(after),
                            null,
                            Show.json(after));
        } else if (after == null) {
            d.out()
                    .add(
                            ctx,
                            ChangeKind.FORMAT_REMOVED,
                            Effect.LOOSER,
                            pointer,
                            subject + ": no longer has to be a valid " + Show.json(before),
                            Show.json(before),
                            null);
        } else {
            String was = before.asString("");
            String now = after.asString("");
            boolean widened = WIDER.getOrDefault(was, Set.of()).contains(now);
            boolean narrowed = WIDER.getOrDefault(now, Set.of()).contains(was);
            ChangeKind kind = widened
                    ? ChangeKind.FORMAT_WIDENED
                    : narrowed ? ChangeKind.FORMAT_NARROWED : ChangeKind.FORMAT_CHANGED;
            d.out()
                    .add(
                            ctx,
                            kind,
                            widened ? Effect.LOOSER : narrowed ? Effect.TIGHTER : Effect.BOTH,
                            pointer,
                            subject + ": format " + Show.json(before) + " → " + Show.json(after)
                                    + (widened || narrowed
                                            ? ""
                                            : "; neither format contains the other, so breaking both ways"),
                            Show.json(before),
                            Show.json(after));
        }
    }
}
