package dev.tokencontract.benchmarks;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokencontract.validator.ValidationReport;
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
 * The comparison the issue asks for, on one valid token per algorithm:
 * <ol type="a">
 *   <li>{@link #rawNimbusVerify}: {@code SignedJWT.parse(token).verify(verifier)} with a pre-built verifier,
 *       the floor: header parse plus the signature, no claims looked at;</li>
 *   <li>{@link #nimbusJwtProcessor}: Nimbus {@code DefaultJWTProcessor} with a JWK set, {@code at+jwt} type
 *       check and issuer/audience/required-claims verifier, what most servers run;</li>
 *   <li>{@link #tokencontractValidate}: our full one-pass validation against {@code mcp-access-token@1.0.0}.</li>
 * </ol>
 * {@code benchmarks/run.sh} prints (c)/(a) and (c)/(b) per algorithm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenValidationBenchmark {

    @Param({"RS256", "HS256"})
    public String alg;

    private Fixture fixture;

    @Setup
    public void setUp() throws Exception {
        fixture = Fixture.create(alg);
    }

    /** (a) Parse the compact JWS and verify its signature with a ready verifier. */
    @Benchmark
    public boolean rawNimbusVerify() throws Exception {
        return SignedJWT.parse(fixture.token).verify(fixture.rawVerifier);
    }

    /** (b) Nimbus's full processor: JWK selection, type, signature, claims. Throws if it rejects. */
    @Benchmark
    public JWTClaimsSet nimbusJwtProcessor() throws Exception {
        return fixture.processor.process(fixture.token, null);
    }

    /** (c) Tokencontract: shape, header, key and signature, time, issuer and audience, contract. */
    @Benchmark
    public ValidationReport tokencontractValidate() {
        return fixture.validator.validate(fixture.token);
    }
}
