package dev.tokencontract.cli;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.compat.Counterexample;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The text report of {@code tokencontract diff}: refused changes first, one line per change. */
final class DiffText {
    private DiffText() {}

    static void print(
            CheckedDiff checked, CompatibilityMode mode, boolean acknowledged, PrintStream out, Terminal term) {
        ContractDiff diff = checked.diff();
        List<Counterexample> counterexamples = checked.witnesses();
        List<Change> refused = diff.refusedBy(mode, acknowledged);
        out.println(term.bold("Diff " + Terminal.safe(diff.from(), 200) + " → " + Terminal.safe(diff.to(), 200))
                + " under " + mode
                + (mode == CompatibilityMode.NONE
                        ? ""
                        : acknowledged ? " (widening acknowledged)" : " (widening not acknowledged)"));
        if (diff.changes().isEmpty()) {
            out.println();
            out.println("No changes.");
        }
        List<Change> allowed = DiffJson.refusedFirst(diff, refused)
                .subList(refused.size(), diff.changes().size());
        section("Refused", refused, checked, out, term);
        section(refused.isEmpty() ? "Changes" : "Allowed", allowed, checked, out, term);
        for (Counterexample counterexample : counterexamples) {
            out.println();
            // A breaking counterexample names the rule the other side rejects it by; a widening one says
            // what the new version grants that the old did not, so it reads as a statement, not "rejected by".
            String why = counterexample.direction() == ChangeClass.AUTHORIZATION_WIDENING
                    ? Terminal.safe(counterexample.rule(), 120)
                    : "rejected by " + Terminal.safe(counterexample.rule(), 120);
            out.println(term.bold("Counterexample (" + tag(counterexample.direction()) + ")") + " " + why + " at "
                    + Terminal.safe(counterexample.pointer(), 200) + " (seed " + counterexample.seed() + ")");
            out.println("  " + Terminal.safe(counterexample.claims().toString(), 2000));
        }
        out.println();
        out.println(verdict(diff, refused, mode, acknowledged, term));
    }

    private static void section(
            String title, List<Change> changes, CheckedDiff checked, PrintStream out, Terminal term) {
        if (changes.isEmpty()) {
            return;
        }
        out.println();
        out.println(term.bold(title + " (" + changes.size() + "):"));
        for (Change change : changes) {
            // a searched break with no token found is still reported and refused; it says so
            String unconfirmed = checked.searched()
                            && !checked.unconfirmed(change).isEmpty()
                    ? "  (unconfirmed: no token found for "
                            + String.join(
                                    ", ",
                                    checked.unconfirmed(change).stream()
                                            .map(DiffText::tag)
                                            .toList()) + ")"
                    : "";
            out.println("  " + line(change, title.equals("Refused") ? term::red : term::dim) + unconfirmed);
        }
    }

    /** {@code [producer-breaking widening] /x-jose/alg  explanation  (before → after)} */
    static String line(Change change, UnaryOperator<String> paintTags) {
        List<String> tags = new ArrayList<>();
        for (ChangeClass changeClass : ChangeClass.values()) {
            if (change.is(changeClass)) {
                tags.add(tag(changeClass));
            }
        }
        String values = change.before() == null && change.after() == null
                ? ""
                : "  (" + shown(change.before()) + " → " + shown(change.after()) + ")";
        return paintTags.apply("[" + String.join(" ", tags) + "]") + " " + Terminal.safe(change.pointer(), 200) + "  "
                + Terminal.safe(change.explanation(), 600) + values;
    }

    static String tag(ChangeClass changeClass) {
        return switch (changeClass) {
            case BREAKING_FOR_CONSUMERS -> "consumer-breaking";
            case BREAKING_FOR_PRODUCERS -> "producer-breaking";
            case AUTHORIZATION_WIDENING -> "widening";
            case COSMETIC -> "cosmetic";
        };
    }

    private static String shown(String value) {
        return value == null ? "(absent)" : Terminal.safe(value, 160);
    }

    private static String verdict(
            ContractDiff diff, List<Change> refused, CompatibilityMode mode, boolean acknowledged, Terminal term) {
        int total = diff.changes().size();
        if (refused.isEmpty()) {
            return term.green(term.bold("COMPATIBLE")) + " under " + mode + ": " + total
                    + (total == 1 ? " change" : " changes") + ", none refused (exit 0)";
        }
        String hint = !acknowledged
                        && refused.stream().allMatch(c -> c.is(ChangeClass.AUTHORIZATION_WIDENING) && !mode.refuses(c))
                ? "; if the widening is intended, re-run with --acknowledge-widening"
                : "";
        return term.red(term.bold("INCOMPATIBLE")) + " under " + mode + ": " + refused.size() + " of " + total
                + (total == 1 ? " change" : " changes") + " refused" + hint + " (exit 1)";
    }
}
