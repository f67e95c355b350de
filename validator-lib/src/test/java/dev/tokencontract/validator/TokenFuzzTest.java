package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.ReportSize;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzing as a habit (issue 13): at least 50,000 seeded mutations per CI run. Three promises are checked on
 * every one: {@code validate} never throws, never accepts a token the key holder did not sign as it stands,
 * and never writes a report over 64 KiB. Besides text mutations of signed tokens (as
 * {@link TokenMutationTest}), hostile claim sets are re-signed with the real key, so the contract stage
 * itself meets huge arrays, wrong types and long non-ASCII names. Reproduce a failure with
 * {@code -Dfuzz.seed=<seed>}; run longer with {@code -Dfuzz.tokens=N} (benchmarks/fuzz-long.sh runs 1,000,000).
 */
class TokenFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x13_F022L);
    private static final int TOKENS = Integer.getInteger("fuzz.tokens", 50_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Subject(String label, TokenValidator validator, String token, double share) {}

    @Test
    void validateWhenFiftyThousandMutatedTokensThenNeverThrowsNeverWronglyAcceptsReportsStaySmall() throws Exception {
        Contract hmacContract = TestContracts.mcpAllowing("fuzz-hmac", "HS256");
        TokenValidator hmac = Judge.validator(hmacContract, KeySource.secret(TestKeys.HMAC_SECRET));
        List<Subject> subjects = List.of(
                new Subject("RS256", Judge.mcpWithJwks(), TestTokens.mcp().signRsa(), 0.36),
                new Subject(
                        "RS256-diagnosed", Judge.diagnosing(), TestTokens.mcp().signRsa(), 0.08),
                new Subject("PS256", Judge.mcpWithJwks(), TestTokens.mcp().signPs256(), 0.06),
                new Subject(
                        "ES256",
                        Judge.mcpWithJwks(),
                        TestTokens.mcp()
                                .header("alg", "ES256")
                                .header("kid", "ec-1")
                                .signEc(TestKeys.EC),
                        0.02),
                new Subject(
                        "HS256", hmac, TestTokens.mcp().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET), 0.48));
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int judged = 0;
        int largest = 0;
        for (Subject subject : subjects) {
            assertThat(subject.validator()
                            .validate(subject.token(), TestTokens.JUDGED_AT)
                            .verdict())
                    .as("%s original must be accepted, or its mutations prove nothing", subject.label())
                    .isEqualTo(Verdict.ACCEPTED);
            int count = (int) Math.ceil(TOKENS * subject.share());
            for (int i = 0; i < count; i++) {
                String mutated = TokenMutationTest.mutate(subject.token(), random);
                while (mutated.equals(subject.token())) {
                    mutated = TokenMutationTest.mutate(subject.token(), random); // an edit that changed nothing
                }
                judged++;
                largest = Math.max(
                        largest, judge(subject.label() + " #" + i, subject.validator(), mutated, false, failures));
            }
        }
        int resigned = Math.max(200, TOKENS / 25);
        for (int i = 0; i < resigned; i++) {
            TestTokens token = TestTokens.mcp().header("alg", "HS256");
            hostileClaims(token.claimsNode(), random);
            String signed = token.signHmac(TestKeys.HMAC_SECRET);
            judged++;
            largest = Math.max(largest, judge("re-signed #" + i, hmac, signed, true, failures));
        }

        System.out.printf(
                "TokenFuzzTest: seed %d, %,d tokens (%,d re-signed hostile claim sets) in %.1f s, largest report %,d bytes%n",
                SEED, judged, resigned, (System.nanoTime() - started) / 1e9, largest);
        assertThat(judged).isGreaterThanOrEqualTo(TOKENS + resigned);
        assertThat(failures)
                .as(
                        "seed %d: %d of %d tokens broke a promise (largest report %d bytes)",
                        SEED, failures.size(), judged, largest)
                .isEmpty();
    }

    /** Judges one token; records a broken promise; returns the report's size. */
    private static int judge(
            String label, TokenValidator validator, String token, boolean resigned, List<String> failures) {
        ValidationReport report;
        try {
            report = validator.validate(token, TestTokens.JUDGED_AT);
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(label + " threw " + e + ": " + abbreviated(token));
            return 0;
        }
        if (report.verdict() == Verdict.ACCEPTED) {
            boolean consistent = resigned
                    && validator
                            .contract()
                            .check(report.validated().orElseThrow().claims(), "/claims")
                            .isEmpty();
            if (!consistent) {
                failures.add(label + " ACCEPTED: " + abbreviated(token));
            }
        }
        int bytes = ReportSize.bytes(report);
        if (bytes > ReportSize.MAX_BYTES) {
            failures.add(label + " wrote a report of " + bytes + " bytes: " + abbreviated(token));
        }
        return bytes;
    }

    /** Replaces 1-4 claims with hostile values: big arrays, wrong types, long non-ASCII names and strings, nesting. */
    static void hostileClaims(ObjectNode claims, Random random) {
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            String name = switch (random.nextInt(6)) {
                case 0 -> "roles";
                case 1 -> "scope";
                case 2 -> "tenant_id";
                case 3 -> "aud";
                case 4 -> "\u00e9\u4e2d".repeat(1 + random.nextInt(400)) + e;
                default -> "x" + random.nextInt(1000);
            };
            claims.set(name, hostileValue(random, 0));
        }
    }

    private static JsonNode hostileValue(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 5 : 7)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.stringNode("\u00e9".repeat(random.nextInt(3000)));
            case 2 ->
                NODES.stringNode(("crm.read" + (random.nextBoolean() ? " " : "  "))
                        .repeat(random.nextInt(1500))
                        .strip());
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(random.nextBoolean() ? 2500 : 60);
                JsonNode item = hostileValue(random, depth + 4);
                for (int i = 0; i < size; i++) {
                    array.add(random.nextInt(4) == 0 ? NODES.numberNode(i) : item);
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(8);
                for (int i = 0; i < size; i++) {
                    object.set("k" + i, hostileValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String abbreviated(String token) {
        return token.length() <= 300 ? token : token.substring(0, 300) + "… (" + token.length() + " chars)";
    }
}
