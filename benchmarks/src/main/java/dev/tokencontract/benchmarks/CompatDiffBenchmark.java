package dev.tokencontract.benchmarks;

import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import java.nio.file.Files;
import java.nio.file.Path;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility gate (issue 11): {@code structural} is {@code ContractDiff.between} on the bundled
 * {@code mcp-access-token@1.0.0} against the shipped example versions (docs/examples: 1.1.0 widening, 2.0.0
 * breaking), goal 5 ms; {@code checked} adds the counterexample search in every direction at 1,000 tries
 * ({@code CheckedDiff}, what {@code diff} and a publish run), goal 1 s; {@code hostile} diffs a pair with a
 * 2^40-path {@code $ref} diamond changed at the bottom and a 5,000-value enum losing a value, goal 2 s with
 * a clear answer (breaking both ways).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CompatDiffBenchmark {

    @Param({"1.1.0-widening", "2.0.0-breaking", "hostile"})
    public String pair;

    private Contract older;
    private Contract newer;
    private ContractCounterexamples search;
    private long seed;

    @Setup
    public void setUp() throws Exception {
        if (pair.equals("hostile")) {
            older = Contracts.parse(hostile("string", -1).toString());
            newer = Contracts.parse(hostile("integer", 1_234).toString());
        } else {
            older = Contracts.load("mcp-access-token@1.0.0");
            Path file = Path.of("docs/examples/mcp-access-token-" + pair + ".json");
            newer = Contracts.fromFile(Files.exists(file) ? file : Path.of("..").resolve(file));
        }
        search = new ContractCounterexamples(1_000, 0L);
        ContractDiff probe = ContractDiff.between(older, newer);
        if (probe.changes().isEmpty()) {
            throw new IllegalStateException("no changes found for " + pair);
        }
    }

    @Benchmark
    public ContractDiff structural() {
        return ContractDiff.between(older, newer);
    }

    @Benchmark
    public CheckedDiff checked() {
        return CheckedDiff.check(older, newer, new ContractCounterexamples(1_000, seed++));
    }

    /** d0 → (a, b) → d1 → ... → d40 of {@code leaf} (2^40 reference paths), and a 5,000-value enum without {@code skip}. */
    static ObjectNode hostile(String leaf, int skip) {
        ObjectNode doc = (ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://tokencontract.dev/contracts/hostile-token/1.0.0",
                 "x-contract": {"name": "hostile-token", "version": "1.0.0", "kind": "jwt-access-token", "owner": "bench"},
                 "x-jose": {"alg": ["RS256"]},
                 "type": "object", "required": ["iss", "aud", "exp"],
                 "properties": {"iss": {"type": "string"}, "aud": {"type": ["string", "array"], "items": {"type": "string"}}, "exp": {"type": "integer"}}}
                """);
        if (skip >= 0) {
            doc.put("$id", "https://tokencontract.dev/contracts/hostile-token/1.1.0");
            ((ObjectNode) doc.get("x-contract")).put("version", "1.1.0");
        }
        ObjectNode defs = doc.putObject("$defs");
        for (int i = 0; i < 40; i++) {
            ObjectNode properties =
                    defs.putObject("d" + i).put("type", "object").putObject("properties");
            properties.putObject("a").put("$ref", "#/$defs/d" + (i + 1));
            properties.putObject("b").put("$ref", "#/$defs/d" + (i + 1));
        }
        defs.putObject("d40").put("type", leaf);
        ObjectNode properties = (ObjectNode) doc.get("properties");
        properties.putObject("diamond").put("$ref", "#/$defs/d0");
        ArrayNode values = properties.putObject("level").putArray("enum");
        for (int i = 0; i < 5_000; i++) {
            if (i != skip) {
                values.add("v" + i);
            }
        }
        return doc;
    }
}
