package dev.tokencontract.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * {@link SpringDecoderBenchmark}'s decoders timed in alternation, for a machine too busy for JMH's one-after-another
 * runs: each round times a batch of each decoder (in rotating order) by the benchmark thread's CPU time, and the
 * ratio to Spring's default decoder is taken within the round, so load that drifts over minutes cancels out.
 * Prints the median per-operation CPU time of each decoder and the median of the per-round ratios.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.tokencontract.benchmarks.InterleavedDecoderComparison [rounds] [batch]}.
 */
public final class InterleavedDecoderComparison {
    private InterleavedDecoderComparison() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        SpringDecoderBenchmark fixture = new SpringDecoderBenchmark();
        fixture.setUp();
        Map<String, JwtDecoder> decoders = new LinkedHashMap<>();
        decoders.put("springDefaultDecoder", fixture.springDefault);
        decoders.put("springDecoderWithContractClaimsValidator", fixture.springWithContract);
        decoders.put("tokencontractDecoder", fixture.tokencontract);
        decoders.put("tokencontractDecoderOnSpringsJwkSource", fixture.tokencontractSharedSource);
        List<String> names = new ArrayList<>(decoders.keySet());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 20_000; warm++) {
            for (JwtDecoder decoder : decoders.values()) {
                decoder.decode(fixture.token);
            }
        }
        double[][] perOp = new double[names.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                int index = (k + round) % names.size();
                JwtDecoder decoder = decoders.get(names.get(index));
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    decoder.decode(fixture.token);
                }
                perOp[index][round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / batch;
            }
        }
        System.out.printf("rounds %d, batch %d; thread CPU time per decode, microseconds%n", rounds, batch);
        System.out.printf("%-42s %10s %10s %12s%n", "decoder", "median", "fastest", "ratio vs (a)");
        for (int d = 0; d < names.size(); d++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = perOp[d][r] / perOp[0][r];
            }
            System.out.printf(
                    "%-42s %10.1f %10.1f %12.2f%n",
                    names.get(d),
                    median(perOp[d]),
                    Arrays.stream(perOp[d]).min().orElseThrow(),
                    median(ratios));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
