package dev.tokencontract.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.finding.Verdict;
import dev.tokencontract.testing.Judge;
import dev.tokencontract.testing.TestContracts;
import dev.tokencontract.testing.TestKeys;
import dev.tokencontract.testing.TestTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of valid tokens: {@code validate} never throws, and never accepts a token whose
 * text differs from what the key holder signed. Reproduce a failure with the seed in its message.
 */
class TokenMutationTest {
    private static final long SEED = 0x5EED_70C0L;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Characters inserted at random: base64url, separators, padding, whitespace, non-ASCII. */
    private static final String INSERTABLE = BASE64URL + ".=+/ \n\u00e9\u0000";

    private record Subject(String label, TokenValidator validator, String token, int mutations) {}

    @Test
    void validateWhenValidTokensMutatedThenNeverThrowsAndNeverAccepts() throws Exception {
        TokenValidator hmac = Judge.validator(
                TestContracts.mcpAllowing("test-hmac", "HS256"), KeySource.secret(TestKeys.HMAC_SECRET));
        List<Subject> subjects = List.of(
                new Subject("RS256", Judge.mcpWithJwks(), TestTokens.mcp().signRsa(), 2500),
                new Subject("PS256", Judge.mcpWithJwks(), TestTokens.mcp().signPs256(), 500),
                new Subject(
                        "ES256",
                        Judge.mcpWithJwks(),
                        TestTokens.mcp()
                                .header("alg", "ES256")
                                .header("kid", "ec-1")
                                .signEc(TestKeys.EC),
                        400),
                new Subject(
                        "HS256", hmac, TestTokens.mcp().header("alg", "HS256").signHmac(TestKeys.HMAC_SECRET), 1500));
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int judged = 0;
        for (Subject subject : subjects) {
            assertThat(subject.validator()
                            .validate(subject.token(), TestTokens.JUDGED_AT)
                            .verdict())
                    .as("%s original must be accepted, or the mutations prove nothing", subject.label())
                    .isEqualTo(Verdict.ACCEPTED);
            for (int i = 0; i < subject.mutations(); i++) {
                String mutated = mutate(subject.token(), random);
                if (mutated.equals(subject.token())) {
                    continue;
                }
                judged++;
                try {
                    Verdict verdict = subject.validator()
                            .validate(mutated, TestTokens.JUDGED_AT)
                            .verdict();
                    if (verdict == Verdict.ACCEPTED) {
                        failures.add(subject.label() + " #" + i + " ACCEPTED: " + mutated);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(subject.label() + " #" + i + " threw " + e + ": " + mutated);
                }
            }
        }

        assertThat(judged).isGreaterThan(4000);
        assertThat(failures)
                .as("seed %d: mutated tokens that were accepted or made validate() throw", SEED)
                .isEmpty();
    }

    /** One to three edits: bit flips, replacements, deletions, insertions, truncation, part swaps. */
    static String mutate(String token, Random random) {
        StringBuilder text = new StringBuilder(token);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = position(text, random);
            switch (random.nextInt(8)) {
                case 0 -> text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(7))));
                case 1, 2 -> text.setCharAt(at, BASE64URL.charAt(random.nextInt(BASE64URL.length())));
                case 3 -> text.deleteCharAt(at);
                case 4 -> text.insert(at, INSERTABLE.charAt(random.nextInt(INSERTABLE.length())));
                case 5 -> text.setLength(at);
                case 6 -> text.replace(0, text.length(), swapParts(text.toString(), random));
                default -> text.replace(0, text.length(), repeatPart(text.toString(), random));
            }
        }
        return text.toString();
    }

    /** Uniform, but a third of the time the first or last character of a part, where decoders are lenient. */
    private static int position(CharSequence text, Random random) {
        if (random.nextInt(3) > 0) {
            return random.nextInt(text.length());
        }
        List<Integer> edges = new ArrayList<>();
        edges.add(0);
        edges.add(text.length() - 1);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                edges.add(Math.max(0, i - 1));
                edges.add(Math.min(text.length() - 1, i + 1));
            }
        }
        return edges.get(random.nextInt(edges.size()));
    }

    private static String swapParts(String token, Random random) {
        List<String> parts = new ArrayList<>(Arrays.asList(token.split("\\.", -1)));
        if (parts.size() < 2) {
            return token;
        }
        int a = random.nextInt(parts.size());
        int b = random.nextInt(parts.size());
        String first = parts.get(a);
        parts.set(a, parts.get(b));
        parts.set(b, first);
        return String.join(".", parts);
    }

    private static String repeatPart(String token, Random random) {
        List<String> parts = new ArrayList<>(Arrays.asList(token.split("\\.", -1)));
        int index = random.nextInt(parts.size());
        parts.add(random.nextInt(parts.size() + 1), parts.get(index));
        return String.join(".", parts);
    }
}
