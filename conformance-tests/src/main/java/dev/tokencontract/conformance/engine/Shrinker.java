package dev.tokencontract.conformance.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Shrinks a failing example by editing its recorded choices and regenerating: delete spans, delete and
 * zero runs of choices, lower single choices by binary search, move value between two choices. An edit
 * is kept when the regenerated example still fails with the same exception type and its choice
 * sequence is simpler (shortlex). Deterministic: the same failing example always shrinks the same way.
 */
final class Shrinker<T> {
    private final Gen<T> gen;
    private final Check<T> body;
    private final Class<?> failureType;
    private final int maxRuns;
    private final BooleanSupplier stop;
    private final Set<Key> tried = new HashSet<>();
    private Example<T> best;
    private int runs;

    Shrinker(Gen<T> gen, Check<T> body, Example<T> failing, int maxRuns, BooleanSupplier stop) {
        this.stop = stop;
        this.gen = gen;
        this.body = body;
        this.failureType = failing.failure().getClass();
        this.best = failing;
        this.maxRuns = maxRuns;
    }

    Example<T> shrink() {
        boolean improved = true;
        while (improved && runs < maxRuns) {
            improved = deleteSpans();
            improved |= deleteChunks();
            improved |= zeroChunks();
            improved |= lowerEach();
            improved |= redistribute();
        }
        return best;
    }

    int runs() {
        return runs;
    }

    private boolean deleteSpans() {
        boolean improved = false;
        for (int i = best.spans().size() - 1; i >= 0 && runs < maxRuns; i--) {
            List<int[]> spans = best.spans();
            if (i >= spans.size()) {
                continue;
            }
            int[] span = spans.get(i);
            long[] seq = best.sequence();
            long[] candidate = new long[seq.length - (span[1] - span[0])];
            System.arraycopy(seq, 0, candidate, 0, span[0]);
            System.arraycopy(seq, span[1], candidate, span[0], seq.length - span[1]);
            improved |= consider(candidate);
        }
        return improved;
    }

    private boolean deleteChunks() {
        boolean improved = false;
        for (int size = 8; size >= 1; size /= 2) {
            for (int start = best.sequence().length - size; start >= 0 && runs < maxRuns; start--) {
                long[] seq = best.sequence();
                if (start + size > seq.length) {
                    continue;
                }
                long[] candidate = new long[seq.length - size];
                System.arraycopy(seq, 0, candidate, 0, start);
                System.arraycopy(seq, start + size, candidate, start, seq.length - start - size);
                improved |= consider(candidate);
            }
        }
        return improved;
    }

    private boolean zeroChunks() {
        boolean improved = false;
        for (int size = 8; size >= 2; size /= 2) {
            for (int start = 0; start + size <= best.sequence().length && runs < maxRuns; start++) {
                long[] candidate = best.sequence().clone();
                boolean changed = false;
                for (int i = start; i < start + size; i++) {
                    changed |= candidate[i] != 0;
                    candidate[i] = 0;
                }
                if (changed) {
                    improved |= consider(candidate);
                }
            }
        }
        return improved;
    }

    private boolean lowerEach() {
        boolean improved = false;
        for (int i = 0; i < best.sequence().length && runs < maxRuns; i++) {
            long value = best.sequence()[i];
            if (value == 0) {
                continue;
            }
            if (consider(with(i, 0))) {
                improved = true;
                continue;
            }
            long low = 0;
            long high = value;
            while (low + 1 < high && runs < maxRuns && i < best.sequence().length) {
                long mid = low + (high - low) / 2;
                if (consider(with(i, mid))) {
                    improved = true;
                    high = best.sequence()[i];
                } else {
                    low = mid;
                }
            }
        }
        return improved;
    }

    /** Lowers one choice and raises a later one by the same amount (keeps e.g. a sum, frees a deletion). */
    private boolean redistribute() {
        boolean improved = false;
        for (int gap = 1; gap <= 4; gap++) {
            for (int i = 0; i + gap < best.sequence().length && runs < maxRuns; i++) {
                long[] seq = best.sequence();
                int j = i + gap;
                if (seq[i] == 0 || seq[j] == 0) {
                    continue;
                }
                long[] candidate = seq.clone();
                candidate[j] = seq[i] + seq[j] < 0 ? Long.MAX_VALUE : seq[i] + seq[j];
                candidate[i] = 0;
                improved |= consider(candidate);
            }
        }
        return improved;
    }

    private long[] with(int index, long value) {
        long[] candidate = best.sequence().clone();
        candidate[index] = value;
        return candidate;
    }

    /** Runs {@code candidate}; keeps it (and returns true) when it fails the same way and is simpler. */
    private boolean consider(long[] candidate) {
        if (!tried.add(new Key(candidate))) {
            return false;
        }
        runs++;
        if (stop.getAsBoolean()) {
            runs = Math.max(runs, maxRuns); // out of budget: keep the simplest failure found so far
            return false;
        }
        Example<T> example = Example.generate(gen, Choices.replay(candidate));
        if (example == null || !example.simplerThan(best)) {
            return false;
        }
        Throwable thrown = Runner.runBody(body, example.value(), null);
        if (thrown == null || thrown.getClass() != failureType) {
            return false;
        }
        best = example.failedWith(thrown);
        return true;
    }

    private record Key(long[] sequence) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(sequence, key.sequence);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sequence);
        }
    }
}
