package dev.tokencontract.maven.internal;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.finding.Redact;
import java.util.ArrayList;
import java.util.List;

/**
 * One local contract judged against earlier versions (the registry's, or baseline files): every change, which
 * of them are refused, and the tokens that witness a break. Printed the way {@code tokencontract diff} prints.
 *
 * @param subject         {@code name@version} of the local contract
 * @param source          where it was judged: "the registry" or a baseline path
 * @param mode            the compatibility mode applied
 * @param acknowledged    whether authorization widening was acknowledged
 * @param checkedAgainst  the earlier versions compared with
 * @param changes         every change, refused ones marked
 * @param witnesses       counterexample claim sets, one per direction and compared version at most
 * @param notSearched     directions the counterexample search skipped, each with the version and the reason (its
 *                        time budget ran out, or the schema is too large to build instances of)
 */
public record CompatibilityVerdict(
        String subject,
        String source,
        String mode,
        boolean acknowledged,
        List<String> checkedAgainst,
        List<ChangeLine> changes,
        List<Witness> witnesses,
        List<String> notSearched) {

    public CompatibilityVerdict {
        checkedAgainst = List.copyOf(checkedAgainst);
        changes = List.copyOf(changes);
        witnesses = List.copyOf(witnesses);
        notSearched = List.copyOf(notSearched);
    }

    /**
     * One change.
     *
     * @param tags        consumer-breaking, producer-breaking, widening, cosmetic
     * @param pointer     where in the contract
     * @param explanation one line for people
     * @param before      the old value, or {@code null}
     * @param after       the new value, or {@code null}
     * @param against     the earlier version compared with
     * @param refused     whether the mode (and the widening rule) refuses it
     */
    public record ChangeLine(
            List<String> tags,
            String pointer,
            String explanation,
            String before,
            String after,
            String against,
            boolean refused) {
        private static final List<String> ORDER =
                List.of("consumer-breaking", "producer-breaking", "widening", "cosmetic");

        public ChangeLine {
            // the CLI's order, whatever order the registry listed the classes in
            tags = tags.stream()
                    .sorted(java.util.Comparator.comparingInt(
                            t -> ORDER.indexOf(t) < 0 ? ORDER.size() : ORDER.indexOf(t)))
                    .toList();
        }
    }

    /**
     * A concrete claim set one version accepts and the other rejects (or, for widening, what is newly granted).
     *
     * @param direction consumer-breaking, producer-breaking or widening
     * @param against   the earlier version
     * @param rule      what rejects it (a finding code) or what is granted
     * @param pointer   the rule's location
     * @param seed      the search's seed
     * @param claims    the claims, as JSON text
     */
    public record Witness(String direction, String against, String rule, String pointer, long seed, String claims) {}

    public List<ChangeLine> refused() {
        return changes.stream().filter(ChangeLine::refused).toList();
    }

    public boolean compatible() {
        return refused().isEmpty();
    }

    /** True when every refused change is refused only because widening was not acknowledged. */
    public boolean onlyUnacknowledgedWidening() {
        CompatibilityMode parsed = CompatibilityMode.parse(mode);
        return !acknowledged
                && !compatible()
                && parsed != null
                && refused().stream()
                        .allMatch(c -> c.tags().contains("widening")
                                && !(parsed.refused().contains(ChangeClass.BREAKING_FOR_CONSUMERS)
                                        && c.tags().contains("consumer-breaking"))
                                && !(parsed.refused().contains(ChangeClass.BREAKING_FOR_PRODUCERS)
                                        && c.tags().contains("producer-breaking")));
    }

    /** The report: header, refused then allowed changes, witnesses, and a verdict line. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Compatibility of " + Redact.shorten(subject, 200) + " with "
                + (checkedAgainst.isEmpty()
                        ? "no earlier version"
                        : "version" + (checkedAgainst.size() == 1 ? " " : "s ") + String.join(", ", checkedAgainst))
                + " of " + source + " under " + mode
                + (mode.equals("NONE")
                        ? ""
                        : acknowledged ? " (widening acknowledged)" : " (widening not acknowledged)"));
        List<ChangeLine> refused = refused();
        List<ChangeLine> allowed = changes.stream().filter(c -> !c.refused()).toList();
        section("Refused", refused, lines);
        section(refused.isEmpty() ? "Changes" : "Allowed", allowed, lines);
        for (Witness witness : witnesses) {
            String why = witness.direction().equals("widening")
                    ? Redact.shorten(witness.rule(), 160)
                    : "rejected by " + Redact.shorten(witness.rule(), 120);
            lines.add("  Counterexample (" + witness.direction() + ", against " + witness.against() + ") " + why
                    + " at " + Redact.shorten(witness.pointer(), 200) + " (seed " + witness.seed() + ")");
            lines.add("    " + Redact.shorten(witness.claims(), 2000));
        }
        for (String skipped : notSearched) {
            lines.add("  No counterexample searched for " + Redact.shorten(skipped, 300));
        }
        lines.add(verdictLine());
        return lines;
    }

    public String verdictLine() {
        int total = changes.size();
        String of = total + (total == 1 ? " change" : " changes");
        if (compatible()) {
            return "COMPATIBLE under " + mode + ": " + of + ", none refused";
        }
        String hint = onlyUnacknowledgedWidening()
                ? "; if the widening is intended, set <acknowledgeWidening>true</acknowledgeWidening>"
                        + " (or -Dtokencontract.acknowledgeWidening=true)"
                : "";
        return "INCOMPATIBLE under " + mode + ": " + refused().size() + " of " + of + " refused" + hint;
    }

    private static void section(String title, List<ChangeLine> changes, List<String> lines) {
        if (changes.isEmpty()) {
            return;
        }
        lines.add("  " + title + " (" + changes.size() + "):");
        for (ChangeLine change : changes) {
            String values = change.before() == null && change.after() == null
                    ? ""
                    : "  (" + shown(change.before()) + " → " + shown(change.after()) + ")";
            lines.add("    [" + String.join(" ", change.tags()) + "] " + Redact.shorten(change.pointer(), 200) + "  "
                    + Redact.shorten(change.explanation(), 600) + values + "  [against " + change.against() + "]");
        }
    }

    private static String shown(String value) {
        return value == null ? "(absent)" : Redact.shorten(value, 160);
    }
}
