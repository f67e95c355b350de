package dev.tokencontract.benchmarks;

import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed tokens per second from the conformance kit's {@link TokenMinter}: header per the contract,
 * time claims from the clock, Nimbus signature, for each algorithm the kit signs with. What a consumer
 * suite run spends per example besides the party under test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SigningBenchmark {

    @Param({"RS256", "PS256", "ES256", "HS256"})
    public String alg;

    private TokenMinter minter;
    private ObjectNode claims;

    @Setup
    public void setUp() throws Exception {
        ObjectNode document =
                (ObjectNode) Contracts.load("mcp-access-token@1.0.0").document();
        document.put("$id", "https://tokencontract.dev/contracts/bench-signing/1.0.0");
        document.withObject("x-contract").put("name", "bench-signing");
        document.withObject("x-jose").putArray("alg").add(alg);
        Contract contract = Contracts.parse(document.toString());
        SigningKeys keys = SigningKeys.generate("bench");
        minter = TokenMinter.builder().contract(contract).keys(keys).build();
        claims = (ObjectNode) JsonMapper.builder().build().readTree("""
                {"iss": "https://login.example.test", "sub": "alice@example.test", "aud": "https://mcp.example.test/mcp",
                 "exp": 0, "iat": 0, "jti": "6f1c2a8e", "client_id": "crm-agent", "tenant_id": "acme", "roles": ["support"]}
                """);
        // Refuse to time tokens the validator would not accept.
        KeySource verify = alg.startsWith("HS") ? keys.hmacKeySource() : keys.publicKeySource();
        TokenValidator judge = TokenValidator.builder()
                .contract(contract)
                .keys(verify)
                .expectIssuer("https://login.example.test")
                .expectAudience("https://mcp.example.test/mcp")
                .build();
        if (!judge.validate(minter.mint(claims)).accepted()) {
            throw new IllegalStateException("the minted " + alg + " token is not accepted");
        }
    }

    @Benchmark
    public String mint() {
        return minter.mint(claims);
    }
}
