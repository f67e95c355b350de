package dev.tokencontract.benchmarks;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.testing.ValidationStages;
import java.time.Instant;
import java.util.List;
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

/**
 * Where the time of {@link TokenValidationBenchmark#tokencontractValidate} goes, one stage at a time, on
 * the same fixtures (HS256 makes the non-signature stages visible; only the signature stage differs much
 * between the two): decoding (split,
 * base64url, strict UTF-8, duplicate-refusing JSON parse of header and claims), the header rules, key
 * selection plus HMAC verification, the time claims, issuer and audience, and the contract's JSON Schema
 * check alone. What the full validation costs beyond their sum is assembling the report.
 *
 * <p>The stages are internal to validator-lib, so this calls them through {@link ValidationStages} in
 * validator-lib's test-jar (validator-lib's own code may read its internals; this module may not). The
 * extra call per operation is a few nanoseconds against stages of 0.04 to 40 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationStagesBenchmark {
    @Param({"RS256", "HS256"})
    public String alg;

    private ValidationStages stages;

    @Setup
    public void setUp() throws Exception {
        stages = Fixture.create(alg).stages(Instant.now());
    }

    /** Stage 1: split, base64url, strict UTF-8, JSON parse of header and claims. */
    @Benchmark
    public Object shapeDecode() {
        return stages.shapeDecode();
    }

    /** Stage 2: alg, typ, kid and the refused header parameters. */
    @Benchmark
    public List<Finding> headerCheck() {
        return stages.headerCheck();
    }

    /** Stage 3: key lookup and selection, signature verification, the SIGNATURE_VERIFIED finding. */
    @Benchmark
    public Object signatureCheck() {
        return stages.signatureCheck();
    }

    /** Stage 4: exp, nbf, iat and the contract's maximum lifetime. */
    @Benchmark
    public List<Finding> timeCheck() {
        return stages.timeCheck();
    }

    /** Stage 5: exact issuer, audience naming this resource. */
    @Benchmark
    public List<Finding> issuerAudience() {
        return stages.issuerAudience();
    }

    /** Stage 6: the compiled networknt schema over the decoded claims, findings mapped. */
    @Benchmark
    public List<Finding> contractCheck() {
        return stages.contractCheck();
    }
}
