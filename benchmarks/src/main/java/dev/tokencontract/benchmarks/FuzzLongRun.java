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
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * The long fuzz run of issue 13 ({@code benchmarks/fuzz-long.sh}): N seeded mutations of a valid RS256 token
 * judged by a server's validator, counting escaped exceptions, wrong accepts and reports over 64 KiB, and
 * timing each {@code validate} for latency percentiles. One mutation in ten is a hostile claim set (big
 * arrays, wrong types, long non-ASCII names) under a forged signature, the input issue 13 found expensive.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.tokencontract.benchmarks.FuzzLongRun [tokens] [seed]</pre>
 */
public final class FuzzLongRun {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String INSERTABLE = BASE64URL + ".=+/ \n\u00e9\u0000";
    private static final int MAX_REPORT_BYTES = 64 * 1024;

    private FuzzLongRun() {}

    public static void main(String[] args) throws Exception {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0x13_F022L;
        RSAKey key = new RSAKeyGenerator(2048)
                .keyID("fuzz-rsa")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load(Fixture.CONTRACT))
                .keys(KeySource.jwks(new JWKSet(key.toPublicJWK()).toString()))
                .expectIssuer(Fixture.ISSUER)
                .expectAudience(Fixture.AUDIENCE)
                .clock(Clock.systemUTC())
                .build();
        Instant now = Instant.now();
        String valid = sign(key, claims(now, ""));
        if (!validator.validate(valid).accepted()) {
            throw new IllegalStateException("the seed token is not accepted: "
                    + validator.validate(valid).findings());
        }
        Random random = new Random(seed);
        long[] nanos = new long[tokens];
        int exceptions = 0;
        int wrongAccepts = 0;
        int oversized = 0;
        int largest = 0;
        // warm-up, not counted
        for (int i = 0; i < 20_000; i++) {
            validator.validate(mutate(valid, random));
        }
        random = new Random(seed);
        long started = System.nanoTime();
        for (int i = 0; i < tokens; i++) {
            String token = i % 10 == 9 ? hostile(valid, now, random) : mutate(valid, random);
            long t0 = System.nanoTime();
            ValidationReport report;
            try {
                report = validator.validate(token);
            } catch (RuntimeException | StackOverflowError e) {
                exceptions++;
                nanos[i] = System.nanoTime() - t0;
                System.err.println("exception #" + i + ": " + e);
                continue;
            }
            nanos[i] = System.nanoTime() - t0;
            if (report.verdict() == Verdict.ACCEPTED && !token.equals(valid)) {
                wrongAccepts++;
                System.err.println("wrong accept #" + i + ": " + token);
            }
            if (i % 97 == 0 || report.findings().size() > 8) { // sizing every report would dominate the run
                int bytes = size(report);
                largest = Math.max(largest, bytes);
                if (bytes > MAX_REPORT_BYTES) {
                    oversized++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(
                "tokens %,d  seed %d  wall %.1f s  (%,.0f tokens/s including mutation)%n",
                tokens, seed, seconds, tokens / seconds);
        System.out.printf(
                "escaped exceptions %d  wrong accepts %d  reports over 64 KiB %d  largest report sized %,d bytes%n",
                exceptions, wrongAccepts, oversized, largest);
        System.out.printf(
                "validate latency µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  p99.99 %.1f  max %.1f%n",
                pct(nanos, 0.50),
                pct(nanos, 0.90),
                pct(nanos, 0.99),
                pct(nanos, 0.999),
                pct(nanos, 0.9999),
                nanos[tokens - 1] / 1e3);
        System.exit(exceptions + wrongAccepts + oversized == 0 ? 0 : 1);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e3;
    }

    private static int size(ValidationReport report) {
        StringBuilder json = new StringBuilder();
        for (Finding finding : report.findings()) {
            String text = FindingJson.toNode(finding).toString();
            for (int i = 0; i < text.length(); i++) {
                json.append(text.charAt(i) < 0x80 ? "x" : "xxxxxx"); // as written ASCII-only (\\uXXXX)
            }
        }
        return json.length();
    }

    /** A forged token (all-zero signature) over hostile claims: 10,000 duplicates, wrong types, long names. */
    private static String hostile(String valid, Instant now, Random random) {
        String extra = switch (random.nextInt(4)) {
            case 0 -> ",\"roles\":[" + "1,".repeat(1 + random.nextInt(9_999)) + "1]";
            case 1 -> ",\"scope\":\"" + "crm.read ".repeat(1 + random.nextInt(2_500)) + "x\"";
            case 2 -> ",\"" + "\u00e9".repeat(1 + random.nextInt(8_000)) + "\":1";
            default -> ",\"tenant_id\":\"" + "a".repeat(1 + random.nextInt(20_000)) + "!\"";
        };
        String header = valid.substring(0, valid.indexOf('.'));
        String claims = Base64URL.encode(claims(now, extra).getBytes(StandardCharsets.UTF_8))
                .toString();
        return header + "." + claims + "." + Base64URL.encode(new byte[256]);
    }

    /** One to three edits: bit flips, replacements, deletions, insertions, truncation, part swaps. */
    static String mutate(String token, Random random) {
        StringBuilder text = new StringBuilder(token);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.setCharAt(at, (char) (text.charAt(at) ^ (1 << random.nextInt(7))));
                case 1, 2 -> text.setCharAt(at, BASE64URL.charAt(random.nextInt(BASE64URL.length())));
                case 3 -> text.deleteCharAt(at);
                case 4 -> text.insert(at, INSERTABLE.charAt(random.nextInt(INSERTABLE.length())));
                case 5 -> text.setLength(at);
                default -> {
                    String[] parts = text.toString().split("\\.", -1);
                    if (parts.length == 3) {
                        text.replace(0, text.length(), parts[1] + "." + parts[0] + "." + parts[2]);
                    }
                }
            }
        }
        return text.toString();
    }

    /** The sample claims; a claim that {@code extra} (",\"name\":value") sets is left out of the sample. */
    private static String claims(Instant now, String extra) {
        StringBuilder json =
                new StringBuilder("{\"iss\":\"" + Fixture.ISSUER + "\",\"sub\":\"alice@example.test\",\"aud\":\""
                        + Fixture.AUDIENCE + "\",\"exp\":" + (now.getEpochSecond() + 3600) + ",\"iat\":"
                        + (now.getEpochSecond() - 60)
                        + ",\"jti\":\"6f1c2a8e\",\"client_id\":\"crm-agent\"");
        for (String[] sample :
                new String[][] {{"tenant_id", "\"acme\""}, {"roles", "[\"support\"]"}, {"scope", "\"crm.read\""}}) {
            if (!extra.startsWith(",\"" + sample[0] + "\":")) {
                json.append(",\"").append(sample[0]).append("\":").append(sample[1]);
            }
        }
        return json.append(extra).append('}').toString();
    }

    private static String sign(RSAKey key, String claims) throws Exception {
        String input = Base64URL.encode(
                        "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"fuzz-rsa\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64URL.encode(claims.getBytes(StandardCharsets.UTF_8));
        Base64URL signature = new RSASSASigner(key)
                .sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .keyID("fuzz-rsa")
                                .build(),
                        input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
    }
}
