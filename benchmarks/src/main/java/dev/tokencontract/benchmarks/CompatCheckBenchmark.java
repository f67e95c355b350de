package dev.tokencontract.benchmarks;

import dev.tokencontract.conformance.suites.CompatSuite;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ObjectNode;

/**
 * One compatibility check between two versions of {@code mcp-access-token} at 1,000 tries per direction
 * (goal: under 1 s). {@code compatible}: 1.1.0 only rewords the contract's title, so both directions pass all
 * 1,000 tries (the worst case: nothing stops early). (Until issue 11 it added an optional {@code department}
 * claim, which the compat suite's structural property rightly calls consumer-breaking: the old contract
 * accepted {@code department: 5}.) {@code breaking}: 2.0.0 requires a new claim, so one direction fails and
 * shrinks its counterexample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CompatCheckBenchmark {

    @Param({"compatible", "breaking"})
    public String change;

    private Contract older;
    private Contract newer;
    private long seed;

    @Setup
    public void setUp() throws Exception {
        older = Contracts.load("mcp-access-token@1.0.0");
        ObjectNode document = (ObjectNode) older.document();
        String version = change.equals("compatible") ? "1.1.0" : "2.0.0";
        document.put("$id", "https://tokencontract.dev/contracts/mcp-access-token/" + version);
        document.withObject("x-contract").put("version", version);
        if (change.equals("breaking")) {
            document.withObject("properties").putObject("department").put("type", "string");
            document.withArray("required").add("department");
        } else {
            document.put("title", "Access token for an MCP server (reworded)");
        }
        newer = Contracts.parse(document.toString());
        SuiteResult probe = CompatSuite.check(older, newer, SuiteSettings.of(1000, 1));
        if (probe.passed() != change.equals("compatible")) {
            throw new IllegalStateException("unexpected compatibility verdict for " + change + ": " + probe.failures());
        }
    }

    @Benchmark
    public SuiteResult check() {
        return CompatSuite.check(older, newer, SuiteSettings.of(1000, seed++));
    }
}
