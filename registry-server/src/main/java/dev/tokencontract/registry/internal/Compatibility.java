package dev.tokencontract.registry.internal;

import dev.tokencontract.compat.Change;
import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.compat.SearchBudget;
import dev.tokencontract.compat.SearchResult;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Judges a candidate version against the stored ones under a mode. Plain modes compare with the highest
 * earlier ACTIVE version; {@code _TRANSITIVE} modes with every earlier version (deprecated ones included:
 * tokens of a deprecated version may still be in flight). "Earlier" is semantic-version order, so a
 * back-ported {@code 1.0.1} published after {@code 2.0.0} is compared with {@code 1.0.0}. {@code NONE}
 * compares nothing (use {@code GET /diff} to see the changes).
 */
public final class Compatibility {
    /** Parsed stored versions by digest: stored content never changes, and parsing compiles a schema. */
    private final Map<String, Contract> parsed = new ConcurrentHashMap<>();
    /** Finds a concrete claim set per refused direction (the conformance kit's search); null: none. */
    private final CounterexampleSearch search;

    public Compatibility(CounterexampleSearch search) {
        this.search = search;
    }

    /** One classified change, the version it was found against, and whether the mode refuses it. */
    public record Row(String against, Change change, boolean refused) {}

    /** A counterexample claim set and the stored version it was found against. */
    public record Found(String against, Counterexample counterexample) {}

    /** A refused direction against a version that was not searched, and why ({@code budget}, or a size). */
    public record NotSearched(String against, ChangeClass direction, String reason) {}

    /**
     * The dry-run answer and the refusal a publish returns. {@code counterexamples} is null until {@link
     * #withCounterexamples} ran with a search (the member is then left out of the JSON), else one per
     * refused direction and compared version where the search found one; {@code notSearched} then lists
     * the ones the search skipped (budget spent, or sizes it does not build), empty when none.
     */
    public record Verdict(
            boolean compatible,
            CompatibilityMode mode,
            List<StoredVersion> compared,
            List<Row> changes,
            List<Found> counterexamples,
            List<NotSearched> notSearched) {
        public ObjectNode toJson() {
            ObjectNode node = Json.NODES.objectNode();
            node.put("compatible", compatible);
            node.put("mode", mode.name());
            ArrayNode against = node.putArray("checkedAgainst");
            compared.forEach(version -> against.add(version.version()));
            node.set("changes", rows(changes));
            node.set("refused", rows(changes.stream().filter(Row::refused).toList()));
            if (counterexamples != null) {
                ArrayNode found = node.putArray("counterexamples");
                for (Found f : counterexamples) {
                    ObjectNode one = found.addObject();
                    one.put("against", f.against());
                    one.put("direction", f.counterexample().direction().name());
                    one.put("pointer", f.counterexample().pointer());
                    one.put("rule", f.counterexample().rule());
                    one.put("seed", f.counterexample().seed());
                    one.set("claims", f.counterexample().claims());
                }
                ArrayNode skipped = node.putArray("notSearched");
                for (NotSearched n : notSearched) {
                    skipped.addObject()
                            .put("against", n.against())
                            .put("direction", n.direction().name())
                            .put("reason", n.reason());
                }
            }
            return node;
        }
    }

    /**
     * Classifies the candidate's changes against the versions the mode compares with. Cheap (no token is
     * generated): publish runs it while the contract name is locked.
     */
    public Verdict judge(
            Contract candidate, List<StoredVersion> existing, CompatibilityMode mode, boolean wideningAcknowledged) {
        return judge(candidate, existing, mode, wideningAcknowledged, Map.of());
    }

    /**
     * As above, using diffs already checked by the counterexample search ({@link #checked}) where one was made for
     * the same stored content: a token found in a direction the structural engine called safe is then a
     * {@code witness-found} change, refused like any other. Versions published since the check are judged
     * structurally.
     */
    public Verdict judge(
            Contract candidate,
            List<StoredVersion> existing,
            CompatibilityMode mode,
            boolean wideningAcknowledged,
            Map<String, CheckedDiff> checked) {
        List<StoredVersion> earlier = existing.stream()
                .filter(v -> SemanticVersions.ORDER.compare(v.version(), candidate.version()) < 0)
                .toList();
        List<StoredVersion> against = new ArrayList<>();
        if (mode == CompatibilityMode.NONE) {
            return new Verdict(
                    true, mode, List.of(), List.of(), null, null); // a mode that refuses nothing compares nothing
        }
        if (mode.transitive()) {
            against.addAll(earlier);
        } else {
            earlier.stream()
                    .filter(v -> v.state() == VersionState.ACTIVE)
                    .reduce((a, b) -> b)
                    .ifPresent(against::add);
        }
        List<Row> rows = new ArrayList<>();
        for (StoredVersion older : against) {
            CheckedDiff known = checked.get(older.digest());
            ContractDiff diff = known != null ? known.diff() : diff(older, candidate);
            List<Change> refused = diff.refusedBy(mode, wideningAcknowledged);
            for (Change change : diff.changes()) {
                rows.add(new Row(older.version(), change, refused.contains(change)));
            }
        }
        boolean compatible = rows.stream().noneMatch(Row::refused);
        return new Verdict(compatible, mode, List.copyOf(against), rows, null, null);
    }

    /**
     * The verdict with a concrete claim set per refused direction and compared version, when the registry
     * has a search; the verdict unchanged otherwise. Every search of the request shares {@code budget}:
     * once it is spent the remaining directions are listed as not searched ({@code budget}) rather than
     * searched. Generating claim sets costs tens of milliseconds each, so callers run this after the
     * publish lock is released, and only for answers that are shown.
     */
    public Verdict withCounterexamples(Verdict verdict, Contract candidate, SearchBudget budget) {
        if (search == null) {
            return verdict;
        }
        List<Found> found = new ArrayList<>();
        List<NotSearched> skipped = new ArrayList<>();
        for (StoredVersion older : verdict.compared()) {
            for (ChangeClass direction : refusedDirections(verdict.changes(), older.version())) {
                SearchResult result = budget.exhausted()
                        ? SearchResult.notSearched(SearchResult.BUDGET)
                        : search.find(contract(older), candidate, direction, budget);
                result.counterexample()
                        .ifPresent(counterexample -> found.add(new Found(older.version(), counterexample)));
                result.reason().ifPresent(reason -> skipped.add(new NotSearched(older.version(), direction, reason)));
            }
        }
        return new Verdict(verdict.compatible(), verdict.mode(), verdict.compared(), verdict.changes(), found, skipped);
    }

    /**
     * Each version {@code mode} compares the candidate with, diffed and searched in every direction (the safe ones
     * too), keyed by the stored digest. Generating claims costs tens of milliseconds per version and direction: run
     * it before taking the publish lock. Empty without a search or under {@code NONE}.
     */
    public Map<String, CheckedDiff> checked(
            Contract candidate, List<StoredVersion> existing, CompatibilityMode mode, SearchBudget budget) {
        Map<String, CheckedDiff> checked = new java.util.LinkedHashMap<>();
        if (search == null || mode == CompatibilityMode.NONE) {
            return checked;
        }
        for (StoredVersion older : compared(candidate, existing, mode)) {
            Contract stored = contract(older);
            checked.put(
                    older.digest(),
                    CheckedDiff.check(stored, candidate, ContractDiff.between(stored, candidate), search, budget));
        }
        return checked;
    }

    /**
     * The verdict with every token {@link #checked} already found, then a search (within {@code budget}) per refused
     * direction it did not reach; directions left unsearched are listed with the reason. The verdict unchanged
     * without a search.
     */
    public Verdict withCounterexamples(
            Verdict verdict, Contract candidate, SearchBudget budget, Map<String, CheckedDiff> checked) {
        if (search == null) {
            return verdict;
        }
        List<Found> found = new ArrayList<>();
        List<NotSearched> skipped = new ArrayList<>();
        for (StoredVersion older : verdict.compared()) {
            CheckedDiff known = checked.get(older.digest());
            for (ChangeClass direction : refusedDirections(verdict.changes(), older.version())) {
                boolean searched = known != null
                        && known.searched()
                        && !known.notSearched().containsKey(direction)
                        && (direction != ChangeClass.AUTHORIZATION_WIDENING
                                || known.witness(direction).isPresent());
                SearchResult result = searched
                        ? known.witness(direction).map(SearchResult::found).orElse(SearchResult.noneFound())
                        : budget.exhausted()
                                ? SearchResult.notSearched(SearchResult.BUDGET)
                                : search.find(contract(older), candidate, direction, budget);
                result.counterexample()
                        .ifPresent(counterexample -> found.add(new Found(older.version(), counterexample)));
                result.reason().ifPresent(reason -> skipped.add(new NotSearched(older.version(), direction, reason)));
            }
        }
        return new Verdict(verdict.compatible(), verdict.mode(), verdict.compared(), verdict.changes(), found, skipped);
    }

    private static List<StoredVersion> compared(
            Contract candidate, List<StoredVersion> existing, CompatibilityMode mode) {
        List<StoredVersion> earlier = existing.stream()
                .filter(v -> SemanticVersions.ORDER.compare(v.version(), candidate.version()) < 0)
                .toList();
        if (mode.transitive()) {
            return earlier;
        }
        List<StoredVersion> latest = new ArrayList<>();
        earlier.stream()
                .filter(v -> v.state() == VersionState.ACTIVE)
                .reduce((a, b) -> b)
                .ifPresent(latest::add);
        return latest;
    }

    /** The directions a counterexample can show against one version, in a fixed order: cosmetic changes have none. */
    private static Set<ChangeClass> refusedDirections(List<Row> rows, String against) {
        Set<ChangeClass> directions = EnumSet.noneOf(ChangeClass.class);
        rows.stream()
                .filter(row -> row.refused() && row.against().equals(against))
                .forEach(row -> directions.addAll(row.change().classes()));
        directions.remove(ChangeClass.COSMETIC);
        return directions;
    }

    /** The changes from one stored version to another (for {@code GET /diff}). */
    public ContractDiff diff(StoredVersion older, StoredVersion newer) {
        return ContractDiff.between(contract(older), contract(newer));
    }

    private ContractDiff diff(StoredVersion older, Contract candidate) {
        return ContractDiff.between(contract(older), candidate);
    }

    /** A stored version parsed (once per digest; also for {@code POST /ui/api/explain}); a 500 problem if it no longer passes lint. */
    public Contract contract(StoredVersion version) {
        return parsed.computeIfAbsent(version.digest(), d -> {
            try {
                return Contracts.parse(version.content());
            } catch (ContractException e) {
                // stored versions passed lint when published; a newer linter may be stricter
                throw Problem.of(
                        ProblemCode.INTERNAL_ERROR,
                        version.name() + "@" + version.version() + " no longer passes lint: " + e.getMessage());
            }
        });
    }

    static ArrayNode rows(List<Row> rows) {
        ArrayNode array = Json.NODES.arrayNode();
        for (Row row : rows) {
            ObjectNode node = change(row.change());
            node.put("against", row.against());
            node.put("refused", row.refused());
            array.add(node);
        }
        return array;
    }

    static ObjectNode change(Change change) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("kind", change.kind().wireName());
        ArrayNode classes = node.putArray("classes");
        change.classes().stream().map(Enum::name).sorted().forEach(classes::add);
        node.put("pointer", change.pointer());
        node.put("explanation", change.explanation());
        node.put("before", change.before());
        node.put("after", change.after());
        return node;
    }
}
