package dev.tokencontract.cli;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.compat.Counterexample;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of a compatibility verdict, shared by {@code tokencontract diff --format json} and
 * anything else that reports a {@link ContractDiff}. Documented field by field in
 * {@code docs/compatibility.md}; fields are only ever added. Write it with {@link ReportJson#write}.
 */
public final class DiffJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiffJson() {}

    /**
     * {@code from, to, mode, wideningAcknowledged, compatible, exitCode, refusedCount, changes,
     * counterexamples}; {@code changes} lists refused changes first, each in document order, each with
     * {@code refused}.
     */
    public static ObjectNode toNode(
            ContractDiff diff,
            CompatibilityMode mode,
            boolean wideningAcknowledged,
            List<Counterexample> counterexamples) {
        return toNode(new CheckedDiff(diff, counterexamples, false), mode, wideningAcknowledged);
    }

    /**
     * As above, for a diff checked by a counterexample search: {@code counterexamples} are its witnesses, and when a
     * search ran each breaking change carries {@code unconfirmed}, the directions no token was found for.
     */
    public static ObjectNode toNode(CheckedDiff checked, CompatibilityMode mode, boolean wideningAcknowledged) {
        ContractDiff diff = checked.diff();
        List<Counterexample> counterexamples = checked.witnesses();
        List<Change> refused = diff.refusedBy(mode, wideningAcknowledged);
        ObjectNode root = NODES.objectNode();
        root.put("from", diff.from());
        root.put("to", diff.to());
        root.put("mode", mode.name());
        root.put("wideningAcknowledged", wideningAcknowledged);
        root.put("compatible", refused.isEmpty());
        root.put("exitCode", refused.isEmpty() ? 0 : 1);
        root.put("refusedCount", refused.size());
        ArrayNode changes = root.putArray("changes");
        for (Change change : refusedFirst(diff, refused)) {
            ObjectNode node = change(change, refused.contains(change));
            if (checked.searched()) {
                ArrayNode unconfirmed = node.putArray("unconfirmed");
                checked.unconfirmed(change).forEach(direction -> unconfirmed.add(direction.name()));
            }
            changes.add(node);
        }
        ArrayNode found = root.putArray("counterexamples");
        for (Counterexample counterexample : counterexamples) {
            ObjectNode node = found.addObject();
            node.put("direction", counterexample.direction().name());
            node.set("claims", counterexample.claims());
            node.put("pointer", counterexample.pointer());
            node.put("rule", counterexample.rule());
            node.put("seed", counterexample.seed());
        }
        return root;
    }

    /** One change: {@code kind, classes, pointer, explanation, before, after, refused}. */
    public static ObjectNode change(Change change, boolean refused) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", change.kind().wireName());
        ArrayNode classes = node.putArray("classes");
        for (ChangeClass changeClass : ChangeClass.values()) {
            if (change.is(changeClass)) {
                classes.add(changeClass.name());
            }
        }
        node.put("pointer", change.pointer());
        node.put("explanation", change.explanation());
        node.put("before", change.before());
        node.put("after", change.after());
        node.put("refused", refused);
        return node;
    }

    /** The refused changes, then the rest, each group in document order. */
    public static List<Change> refusedFirst(ContractDiff diff, List<Change> refused) {
        List<Change> ordered = new ArrayList<>(refused);
        diff.changes().stream().filter(c -> !refused.contains(c)).forEach(ordered::add);
        return ordered;
    }
}
