package dev.tokencontract.conformance.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The source every generator draws from: a sequence of non-negative integer choices. While a property
 * runs, choices come from a seeded random source and are recorded; while it shrinks, a recorded (and
 * edited) sequence is replayed, and a replay that runs past its end reads zeros. Every generator maps
 * choice 0 to its simplest value, so shrinking the sequence shrinks every generator for free
 * (see docs/decisions/0010-property-engine-shrinking.md).
 *
 * <p>Not thread-safe: one instance per example.
 */
public final class Choices {
    /** One example may draw at most this many choices (guards runaway recursion). */
    static final int MAX_CHOICES = 64 * 1024;

    private final SplittableRandom random;
    private final long[] prefix;
    private long[] recorded = new long[256];
    private int size;
    /** Flat (start, end) pairs: cheaper than an object per span on the hot path. */
    private int[] spanBounds = new int[64];

    private int spanCount;
    private Set<String> labels;
    private int depth;

    private Choices(SplittableRandom random, long[] prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** A source of fresh random choices (the seed fully determines every value drawn). */
    public static Choices random(long seed) {
        return new Choices(new SplittableRandom(seed), null);
    }

    /** Replays {@code sequence}; past its end every choice is 0. */
    public static Choices replay(long[] sequence) {
        return new Choices(null, sequence.clone());
    }

    /**
     * A choice in {@code [0, maxInclusive]}. Random draws favour 0, small values and the maximum so
     * that edges come up often; 0 is always the simplest choice.
     */
    public long choose(long maxInclusive) {
        if (maxInclusive < 0) {
            throw new IllegalArgumentException("maxInclusive < 0: " + maxInclusive);
        }
        long value;
        if (prefix != null) {
            value = size < prefix.length ? Math.min(prefix[size], maxInclusive) : 0;
        } else {
            value = randomUpTo(maxInclusive);
        }
        return record(value);
    }

    /** An int choice in {@code [0, maxInclusive]}. */
    public int chooseInt(int maxInclusive) {
        return (int) choose(maxInclusive);
    }

    /** A coin; false is the simpler side. */
    public boolean bool() {
        return choose(1) == 1;
    }

    /** A coin that comes up true with probability {@code pTrue} in random draws; false is simpler. */
    public boolean bool(double pTrue) {
        long value;
        if (prefix != null) {
            value = size < prefix.length ? Math.min(prefix[size], 1) : 0;
        } else {
            value = random.nextDouble() < pTrue ? 1 : 0;
        }
        return record(value) == 1;
    }

    /** Draws from {@code gen} as one span, so the shrinker can delete or zero it as a unit. */
    public <T> T draw(Gen<T> gen) {
        int start = size;
        if (++depth > 200) {
            depth--;
            throw new Rejected("generators nested more than 200 deep");
        }
        try {
            return gen.generate(this);
        } finally {
            depth--;
            if (size > start) {
                if (2 * spanCount + 2 > spanBounds.length) {
                    spanBounds = Arrays.copyOf(spanBounds, spanBounds.length * 2);
                }
                spanBounds[2 * spanCount] = start;
                spanBounds[2 * spanCount + 1] = size;
                spanCount++;
            }
        }
    }

    /** Records a coverage label for this example (a schema branch, an enum value, a mutation kind). */
    public void label(String label) {
        if (labels == null) {
            labels = new LinkedHashSet<>();
        }
        labels.add(label);
    }

    /** Discards this example. */
    public Rejected reject(String reason) {
        throw new Rejected(reason);
    }

    /** How many choices have been drawn so far. */
    public int drawn() {
        return size;
    }

    long[] sequence() {
        return Arrays.copyOf(recorded, size);
    }

    List<int[]> spans() {
        List<int[]> out = new ArrayList<>(spanCount);
        for (int i = 0; i < spanCount; i++) {
            out.add(new int[] {spanBounds[2 * i], spanBounds[2 * i + 1]});
        }
        return out;
    }

    /** The labels recorded so far (live: a property body's labels are added to the same set). */
    Set<String> labels() {
        if (labels == null) {
            labels = new LinkedHashSet<>();
        }
        return labels;
    }

    private long record(long value) {
        if (size == MAX_CHOICES) {
            throw new Rejected("an example drew more than " + MAX_CHOICES + " choices");
        }
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = value;
        return value;
    }

    private long randomUpTo(long max) {
        if (max == 0) {
            return 0;
        }
        int bucket = random.nextInt(16);
        if (bucket == 0) {
            return 0;
        }
        if (bucket == 1) {
            return max;
        }
        if (bucket <= 5) {
            return random.nextLong(Math.min(max, 16) + 1);
        }
        return max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
    }
}
