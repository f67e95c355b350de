package dev.tokencontract.benchmarks;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.generate.SchemaInstances;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Valid {@code mcp-access-token@1.0.0} claim sets generated per second by the conformance kit:
 * {@code validClaims} is what a property sees (built from the schema, then judged by the contract; only
 * valid ones come out), {@code candidateClaims} the construction alone, {@code judgeClaims} the judging
 * alone on one fixed claim set. Each generation uses a fresh seed, as each try of a property does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ClaimGenerationBenchmark {
    private Contract contract;
    private Gen<JsonNode> valid;
    private Gen<JsonNode> candidates;
    private JsonNode sample;
    private long seed;

    @Setup
    public void setUp() throws Exception {
        contract = Contracts.bundled(Fixture.CONTRACT);
        SchemaInstances instances = SchemaInstances.of(contract);
        valid = instances.valid();
        candidates = instances.candidates();
        sample = instances.example(1);
        if (!contract.check(sample, "").isEmpty()) {
            throw new IllegalStateException("generated claims do not satisfy " + Fixture.CONTRACT);
        }
    }

    @Benchmark
    public JsonNode validClaims() {
        return Choices.random(seed++).draw(valid);
    }

    @Benchmark
    public JsonNode candidateClaims() {
        return Choices.random(seed++).draw(candidates);
    }

    @Benchmark
    public Object judgeClaims() {
        return contract.check(sample, "");
    }
}
