package dev.tokencontract.conformance.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.SearchBudget;
import dev.tokencontract.compat.SearchResult;
import dev.tokencontract.conformance.Kit;
import dev.tokencontract.contract.Contract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The search a registry runs on submitted schemas: bounded by a budget, and never building absurd sizes. */
class BoundedCounterexampleSearchTest {
    private final ContractCounterexamples search = ContractCounterexamples.standard();

    private static Contract version(String version, Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) Kit.MCP.document();
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/" + version);
        document.withObject("x-contract").put("version", version);
        change.accept(document);
        return Kit.parse(document);
    }

    /** Demands {@code minProperties}; searched for producers, claim sets are generated from it. */
    private static Contract hostile(int minProperties) {
        return version("9.0.0", d -> d.put("minProperties", minProperties));
    }

    @Test
    void findWhenSchemaDemandsAMillionPropertiesThenNotSearchedNamingTheKeywordWithoutGenerating() {
        SearchResult result = search.find(
                Kit.MCP,
                hostile(1_000_000),
                ChangeClass.BREAKING_FOR_PRODUCERS,
                SearchBudget.of(Duration.ofSeconds(30)));

        assertThat(result.status()).isEqualTo(SearchResult.Status.NOT_SEARCHED);
        assertThat(result.reason()).contains("size: /minProperties 1000000 > 1000 in mcp-access-token@9.0.0");
    }

    @Test
    void findWhenTheBudgetRunsOutPartWayThenNotSearchedBudgetRatherThanSpendingIt() {
        AtomicLong now = new AtomicLong();
        SearchBudget budget = SearchBudget.of(Duration.ofSeconds(1), () -> now.addAndGet(10_000_000)); // 10 ms a look

        SearchResult result = search.find(Kit.MCP, hostile(500), ChangeClass.BREAKING_FOR_PRODUCERS, budget);

        assertThat(result).isEqualTo(SearchResult.notSearched(SearchResult.BUDGET));
        assertThat(now.get()).isLessThan(2_000_000_000L); // it stopped soon after the deadline: ~100 looks
    }

    @Test
    void findWhenBudgetAlreadySpentThenNothingRuns() {
        SearchResult result =
                search.find(Kit.MCP, hostile(10), ChangeClass.BREAKING_FOR_PRODUCERS, SearchBudget.of(Duration.ZERO));

        assertThat(result).isEqualTo(SearchResult.notSearched(SearchResult.BUDGET));
    }

    @Test
    void findWhenBudgetAmpleThenTheSameCounterexampleAsTheUnboundedSearch() {
        Contract newer = version("2.0.0", d -> {
            d.withObject("properties").putObject("department").put("type", "string");
            d.withArray("required").add("department");
        });

        SearchResult bounded =
                search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_CONSUMERS, SearchBudget.of(Duration.ofMinutes(1)));

        assertThat(bounded.status()).isEqualTo(SearchResult.Status.FOUND);
        assertThat(bounded.counterexample()).isEqualTo(search.find(Kit.MCP, newer, ChangeClass.BREAKING_FOR_CONSUMERS));
    }
}
