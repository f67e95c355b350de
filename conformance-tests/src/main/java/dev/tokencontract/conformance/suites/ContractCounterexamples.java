package dev.tokencontract.conformance.suites;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.Counterexample;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.compat.SearchBudget;
import dev.tokencontract.compat.SearchResult;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Outcome;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.engine.PropertyResult;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * validator-lib's {@link CounterexampleSearch}, implemented by the conformance kit: claims generated from
 * one version and judged by the other, the first failure shrunk (as {@link CompatSuite} does), so
 * {@code tokencontract diff} and the registry can show a concrete token for a refused change. Authorization
 * widening is shown by construction: the new version's rule for an operation, satisfied exactly, on a
 * claim set the new version accepts. Deterministic for its seed; thread-safe.
 */
public final class ContractCounterexamples implements CounterexampleSearch {
    public static final int DEFAULT_TRIES = 1_000;
    static final int MAX_SHRINK_RUNS = 1_000;

    private final int tries;
    private final long seed;

    public ContractCounterexamples(int tries, long seed) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1");
        }
        this.tries = tries;
        this.seed = seed;
    }

    /** 1,000 tries with seed 0: the same counterexample every time for the same two documents. */
    public static ContractCounterexamples standard() {
        return new ContractCounterexamples(DEFAULT_TRIES, 0L);
    }

    @Override
    public Optional<Counterexample> find(Contract older, Contract newer, ChangeClass direction) {
        return search(older, newer, direction, () -> false).counterexample();
    }

    /**
     * The search within {@code budget}: it stops part-way when the budget runs out (a counterexample found
     * by then is still returned, shrunk as far as it got), and does not start on a contract whose sizes
     * are beyond {@link SearchSizes}.
     */
    @Override
    public SearchResult find(Contract older, Contract newer, ChangeClass direction, SearchBudget budget) {
        if (budget.exhausted()) {
            return SearchResult.notSearched(SearchResult.BUDGET);
        }
        return search(older, newer, direction, budget::exhausted);
    }

    private SearchResult search(Contract older, Contract newer, ChangeClass direction, BooleanSupplier stop) {
        Contract generatedFrom = direction == ChangeClass.BREAKING_FOR_CONSUMERS ? older : newer;
        Optional<String> tooLarge = SearchSizes.tooLarge(generatedFrom.document());
        if (tooLarge.isPresent()) {
            return SearchResult.notSearched(tooLarge.get() + " in " + generatedFrom.reference());
        }
        return switch (direction) {
            case BREAKING_FOR_CONSUMERS -> refused(older, newer, direction, stop);
            case BREAKING_FOR_PRODUCERS -> refused(newer, older, direction, stop);
            case AUTHORIZATION_WIDENING ->
                widened(older, newer).map(SearchResult::found).orElse(SearchResult.noneFound());
            default -> SearchResult.noneFound();
        };
    }

    /** Claims {@code from} accepts and {@code to} refuses, shrunk; none when none turned up. */
    private SearchResult refused(Contract from, Contract to, ChangeClass direction, BooleanSupplier stop) {
        Gen<ObjectNode> claims = validUnder(from);
        PropertyResult<ObjectNode> result = Property.forAll(claims)
                .named("counterexample search " + from.reference() + " -> " + to.reference())
                .tries(tries)
                .seed(seed)
                .maxShrinkRuns(MAX_SHRINK_RUNS)
                .stopWhen(stop)
                .runQuietly(example -> {
                    if (!to.check(example, "/claims").isEmpty()) {
                        throw new PropertyFailure("refused");
                    }
                });
        if (result.outcome() == Outcome.STOPPED) {
            return SearchResult.notSearched(SearchResult.BUDGET);
        }
        ObjectNode found = result.counterexample() != null && result.outcome() == Outcome.FAILED
                ? result.counterexample()
                : stop.getAsBoolean() ? null : spliced(from, to, stop);
        if (found == null) {
            return stop.getAsBoolean() ? SearchResult.notSearched(SearchResult.BUDGET) : SearchResult.noneFound();
        }
        Finding first = to.check(found, "/claims").stream()
                .filter(Finding::rejects)
                .findFirst()
                .orElse(null);
        if (first == null) {
            return SearchResult.noneFound();
        }
        return SearchResult.found(new Counterexample(
                direction, found, schemaPointer(first), first.code().name(), seed));
    }

    /**
     * When random claims found nothing: the simplest claims {@code from} accepts, with one value the documents name
     * put at one place their schemas declare ({@link SplicedClaims}); the first that {@code from} accepts and
     * {@code to} rejects, or null.
     */
    private static ObjectNode spliced(Contract from, Contract to, BooleanSupplier stop) {
        ObjectNode base;
        try {
            base = Targeted.simplest(validUnder(from));
        } catch (RuntimeException noValidClaims) {
            base = JsonNodeFactory.instance.objectNode();
        }
        for (ObjectNode candidate : SplicedClaims.candidates(base, from.document(), to.document())) {
            if (stop.getAsBoolean()) {
                return null;
            }
            if (from.check(candidate, "/claims").isEmpty()
                    && !to.check(candidate, "/claims").isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

    /** An operation the new version grants to claims the old one refuses, built from the new rule. */
    private Optional<Counterexample> widened(Contract older, Contract newer) {
        ObjectNode base;
        try {
            base = Targeted.simplest(validUnder(newer));
        } catch (RuntimeException noValidClaims) {
            return Optional.empty();
        }
        Map<String, OperationRule> operations =
                new TreeMap<>(newer.authorization().operations());
        for (OperationRule rule : operations.values()) {
            ObjectNode claims = base.deepCopy();
            if (!rule.scopes().isEmpty()) {
                claims.put(newer.authorization().scopeClaim(), String.join(" ", rule.scopes()));
            }
            if (!rule.roles().isEmpty()) {
                rule.roles().forEach(claims.putArray(newer.authorization().rolesClaim())::add);
            }
            boolean valid = newer.check(claims, "/claims").isEmpty();
            List<String> missingBefore = older.authorization().missingFor(rule.operation(), claims);
            if (valid
                    && newer.authorization()
                            .missingFor(rule.operation(), claims)
                            .isEmpty()
                    && !missingBefore.isEmpty()) {
                return Optional.of(new Counterexample(
                        ChangeClass.AUTHORIZATION_WIDENING,
                        claims,
                        "/x-authorization/operations/" + escape(rule.operation()),
                        "granted by " + newer.version() + ", denied by " + older.version() + " (lacks "
                                + String.join(", ", missingBefore) + ")",
                        seed));
            }
        }
        return Optional.empty();
    }

    private static Gen<ObjectNode> validUnder(Contract contract) {
        Gen<ObjectNode> generated = ValidClaims.of(contract);
        return in -> {
            ObjectNode drawn = in.draw(generated);
            if (!contract.check(drawn, "/claims").isEmpty()) {
                throw in.reject("generated claims fail " + contract.reference());
            }
            return drawn;
        };
    }

    /** The schema location of the rule behind a claim finding, e.g. {@code /properties/tenant_id/pattern}. */
    static String schemaPointer(Finding finding) {
        if (finding.code() == FindingCode.CLAIM_MISSING) {
            return "/required";
        }
        String claim =
                finding.pointer().startsWith("/claims/") ? finding.pointer().substring("/claims/".length()) : "";
        String name = claim.contains("/") ? claim.substring(0, claim.indexOf('/')) : claim;
        if (name.isEmpty()) {
            return "";
        }
        String expected = finding.expected() == null ? "" : finding.expected();
        String keyword = expected.matches("[A-Za-z]+( .*)?") ? expected.split(" ", 2)[0] : "";
        return "/properties/" + name + (keyword.isEmpty() ? "" : "/" + keyword);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
