package dev.tokencontract.benchmarks;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.internal.HeaderCheck;
import dev.tokencontract.validator.internal.IssuerAudienceCheck;
import dev.tokencontract.validator.internal.KeyProvider;
import dev.tokencontract.validator.internal.ShapeCheck;
import dev.tokencontract.validator.internal.SignatureCheck;
import dev.tokencontract.validator.internal.StaticKeyProvider;
import dev.tokencontract.validator.internal.TimeCheck;
import dev.tokencontract.validator.internal.TokenParts;
import dev.tokencontract.validator.internal.VerificationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

/**
 * Where the time of {@link TokenValidationBenchmark#tokencontractValidate} goes, one stage at a time, on
 * the same fixtures (HS256 makes the non-signature stages visible; only the signature stage differs much
 * between the two): decoding (split,
 * base64url, strict UTF-8, duplicate-refusing JSON parse of header and claims), the header rules, key
 * selection plus HMAC verification, the time claims, issuer and audience, and the contract's JSON Schema
 * check alone. What the full validation costs beyond their sum is assembling the report.
 *
 * <p>These call validator-lib's {@code internal} package on purpose: they measure it, they do not use it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidationStagesBenchmark {
    private static final Set<String> AUDIENCES = Set.of(Fixture.AUDIENCE);

    @Param({"RS256", "HS256"})
    public String alg;

    private Fixture fixture;
    private TokenParts parts;
    private JsonNode claims;
    private KeyProvider keys;
    private Instant now;

    @Setup
    public void setUp() throws Exception {
        fixture = Fixture.create(alg);
        List<Finding> findings = new ArrayList<>();
        parts = ShapeCheck.parse(fixture.token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, findings);
        if (parts == null || !parts.readable() || !findings.isEmpty()) {
            throw new IllegalStateException("ShapeCheck did not decode the benchmark token: " + findings);
        }
        claims = parts.claims();
        keys = new StaticKeyProvider(List.of(fixture.verificationKey), "bench key", List.of());
        now = Instant.now();
        if (signatureCheck() == null || !headerCheck().isEmpty() || !timeCheck().isEmpty()
                || !issuerAudience().isEmpty() || !contractCheck().isEmpty()) {
            throw new IllegalStateException("a stage rejected the benchmark token");
        }
    }

    /** Stage 1: split, base64url, strict UTF-8, JSON parse of header and claims. */
    @Benchmark
    public TokenParts shapeDecode() {
        return ShapeCheck.parse(fixture.token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, new ArrayList<>(4));
    }

    /** Stage 2: alg, typ, kid and the refused header parameters. */
    @Benchmark
    public List<Finding> headerCheck() {
        List<Finding> findings = new ArrayList<>(4);
        HeaderCheck.check(parts.header(), fixture.contract.jose(), findings);
        return findings;
    }

    /** Stage 3: key lookup and selection, signature verification, the SIGNATURE_VERIFIED finding. */
    @Benchmark
    public VerificationKey signatureCheck() {
        return SignatureCheck.check(parts, alg, fixture.kid, keys, false, new ArrayList<>(4));
    }

    /** Stage 4: exp, nbf, iat and the contract's maximum lifetime. */
    @Benchmark
    public List<Finding> timeCheck() {
        List<Finding> findings = new ArrayList<>(4);
        TimeCheck.check(claims, now, TokenValidator.DEFAULT_LEEWAY, fixture.contract.jose().maxLifetime(), findings);
        return findings;
    }

    /** Stage 5: exact issuer, audience naming this resource. */
    @Benchmark
    public List<Finding> issuerAudience() {
        List<Finding> findings = new ArrayList<>(4);
        IssuerAudienceCheck.issuer(claims, Fixture.ISSUER, findings);
        IssuerAudienceCheck.audience(claims, AUDIENCES, findings);
        return findings;
    }

    /** Stage 6: the compiled networknt schema over the decoded claims, findings mapped. */
    @Benchmark
    public List<Finding> contractCheck() {
        return fixture.contract.check(claims, "/claims");
    }
}
