package dev.tokencontract.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an anonymous sender can make a server's validator spend (issue 13, items 10 and 11), against the
 * bundled {@code mcp-access-token@1.0.0} with a server's settings (the default: the contract stage is skipped
 * when no key verified the signature):
 * <ul>
 *   <li>{@link #ordinaryRejected}: the baseline, a normal 0.6 KB token whose signature was tampered with;</li>
 *   <li>{@link #hostileZeroSignature}: the worst token of the issue, 27 KB, an all-zero signature, {@code roles}
 *       holding the same value 10,000 times;</li>
 *   <li>{@link #hostileTypeViolationsSigned}: 6,000 type violations in one array, correctly signed (only a key
 *       holder can send it; shows the contract stage itself is linear and its report capped);</li>
 *   <li>{@link #hostileZeroSignatureDiagnosed}: the worst token as {@code tokencontract explain} judges it,
 *       contract stage included.</li>
 * </ul>
 * {@code benchmarks/hostile-cost.sh} prints each as a ratio to {@link #ordinaryRejected} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HostileTokenBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KID = "bench-rsa-1";

    private TokenValidator server;
    private TokenValidator diagnosis;
    private String ordinary;
    private String hostile;
    private String typeViolations;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID(KID)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        KeySource keys = KeySource.jwks(new JWKSet(key.toPublicJWK()).toString());
        server = validator(keys).build();
        diagnosis = validator(keys).checkContractEvenIfSignatureFails().build();
        Instant now = Instant.now();

        String valid = signed(claims(now), key);
        String[] parts = valid.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[signature.length / 2] ^= 0x01;
        ordinary = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);

        ObjectNode duplicates = claims(now);
        ArrayNode roles = duplicates.putArray("roles");
        for (int i = 0; i < 10_000; i++) {
            roles.add(1);
        }
        hostile = header() + "." + encode(duplicates.toString()) + "." + Base64URL.encode(new byte[256]);

        ObjectNode wrongTypes = claims(now);
        ArrayNode numbers = wrongTypes.putArray("roles");
        for (int i = 0; i < 6_000; i++) {
            numbers.add(i % 10);
        }
        typeViolations = signed(wrongTypes, key);

        expect(server.validate(valid), Verdict.ACCEPTED, "the untampered token");
        expect(server.validate(ordinary), Verdict.REJECTED, "the ordinary rejected token");
        expect(server.validate(hostile), Verdict.REJECTED, "the hostile token");
        expect(server.validate(typeViolations), Verdict.REJECTED, "the signed token with 6,000 type violations");
        if (hostile.length() < 27_000 || hostile.length() > TokenValidator.DEFAULT_MAX_TOKEN_CHARS) {
            throw new IllegalStateException("the hostile token should be about 27 KB, is " + hostile.length());
        }
    }

    @Benchmark
    public ValidationReport ordinaryRejected() {
        return server.validate(ordinary);
    }

    @Benchmark
    public ValidationReport hostileZeroSignature() {
        return server.validate(hostile);
    }

    @Benchmark
    public ValidationReport hostileTypeViolationsSigned() {
        return server.validate(typeViolations);
    }

    @Benchmark
    public ValidationReport hostileZeroSignatureDiagnosed() {
        return diagnosis.validate(hostile);
    }

    private static TokenValidator.Builder validator(KeySource keys) throws Exception {
        return TokenValidator.builder()
                .contract(Contracts.load(Fixture.CONTRACT))
                .keys(keys)
                .expectIssuer(Fixture.ISSUER)
                .expectAudience(Fixture.AUDIENCE)
                .clock(Clock.systemUTC());
    }

    private static ObjectNode claims(Instant now) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", Fixture.ISSUER)
                .put("sub", "alice@example.test")
                .put("aud", Fixture.AUDIENCE)
                .put("exp", now.getEpochSecond() + 3600)
                .put("iat", now.getEpochSecond() - 60)
                .put("jti", "6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11")
                .put("client_id", "crm-agent")
                .put("tenant_id", "acme")
                .put("scope", "crm.read crm.write");
        claims.putArray("roles").add("support");
        return claims;
    }

    private static String header() {
        return encode("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}");
    }

    private static String signed(ObjectNode claims, RSAKey key) throws Exception {
        String input = header() + "." + encode(claims.toString());
        Base64URL signature = new RSASSASigner(key)
                .sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID(KID)
                                .build(),
                        input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
    }

    private static String encode(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void expect(ValidationReport report, Verdict verdict, String what) {
        if (report.verdict() != verdict) {
            throw new IllegalStateException(
                    what + ": expected " + verdict + ", got " + report.verdict() + " " + report.findings());
        }
    }
}
