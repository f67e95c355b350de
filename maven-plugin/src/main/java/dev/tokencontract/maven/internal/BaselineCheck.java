package dev.tokencontract.maven.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.maven.internal.CompatibilityVerdict.ChangeLine;
import dev.tokencontract.maven.internal.CompatibilityVerdict.Witness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A local contract judged against baseline files, without a registry: the same diff engine and counterexample
 * search as the registry, with the mode given by the build. Transitive modes compare every earlier baseline of
 * the same name; the others the highest earlier one.
 */
public final class BaselineCheck {
    private BaselineCheck() {}

    public static CompatibilityVerdict check(
            Contract local,
            List<Contract> baselines,
            String source,
            CompatibilityMode mode,
            boolean acknowledged,
            CounterexampleSearch search) {
        List<Contract> earlier = baselines.stream()
                .filter(b -> b.name().equals(local.name()))
                .filter(b -> SemanticVersions.ORDER.compare(b.version(), local.version()) < 0)
                .sorted((a, b) -> SemanticVersions.ORDER.compare(a.version(), b.version()))
                .toList();
        if (mode == CompatibilityMode.NONE) {
            earlier = List.of();
        } else if (!mode.transitive() && !earlier.isEmpty()) {
            earlier = List.of(earlier.get(earlier.size() - 1));
        }
        List<ChangeLine> changes = new ArrayList<>();
        List<Witness> witnesses = new ArrayList<>();
        List<String> notSearched = new ArrayList<>();
        for (Contract older : earlier) {
            CheckedDiff checked = CheckedDiff.check(older, local, search);
            Set<Change> refused = new HashSet<>(checked.diff().refusedBy(mode, acknowledged));
            for (Change change : checked.diff().changes()) {
                List<String> tags = Arrays.stream(ChangeClass.values())
                        .filter(change::is)
                        .map(Tags::of)
                        .toList();
                changes.add(new ChangeLine(
                        tags,
                        change.pointer(),
                        change.explanation(),
                        change.before(),
                        change.after(),
                        older.version(),
                        refused.contains(change)));
            }
            checked.notSearched()
                    .forEach((direction, reason) ->
                            notSearched.add(Tags.of(direction) + " against " + older.version() + " (" + reason + ")"));
            for (Counterexample witness : checked.witnesses()) {
                witnesses.add(new Witness(
                        Tags.of(witness.direction()),
                        older.version(),
                        witness.rule(),
                        witness.pointer(),
                        witness.seed(),
                        witness.claims().toString()));
            }
        }
        return new CompatibilityVerdict(
                local.reference(),
                source,
                mode.name(),
                acknowledged,
                earlier.stream().map(Contract::version).toList(),
                changes,
                witnesses,
                notSearched);
    }
}
