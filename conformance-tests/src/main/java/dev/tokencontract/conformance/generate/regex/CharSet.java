package dev.tokencontract.conformance.generate.regex;

import dev.tokencontract.conformance.engine.Choices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of Unicode code points as sorted, disjoint, inclusive ranges. Surrogate code points
 * are never members (a generated string must be valid UTF-16 text).
 */
final class CharSet {
    static final int MAX = 0x10FFFF;
    static final CharSet EMPTY = new CharSet(new int[0]);
    private static final CharSet SURROGATES = range(0xD800, 0xDFFF);
    static final CharSet ALL = new CharSet(new int[] {0, MAX}).minus(SURROGATES);
    private static final CharSet PRINTABLE_ASCII = range(0x20, 0x7E);

    static final CharSet DIGITS = range('0', '9');
    static final CharSet WORD = of(range('a', 'z'), range('A', 'Z'), DIGITS, single('_'));
    static final CharSet SPACE = of(
            single('\t'),
            single('\n'),
            single(0x0B),
            single('\f'),
            single('\r'),
            single(' '),
            single(0xA0),
            single(0x1680),
            range(0x2000, 0x200A),
            single(0x2028),
            single(0x2029),
            single(0x202F),
            single(0x205F),
            single(0x3000),
            single(0xFEFF));
    static final CharSet LINE_TERMINATORS = of(single('\n'), single('\r'), single(0x2028), single(0x2029));

    /** Pairs: start0, end0, start1, end1, ... */
    private final int[] bounds;

    private List<CharSet> cachedPicks;

    private CharSet(int[] bounds) {
        this.bounds = bounds;
    }

    static CharSet single(int codePoint) {
        return range(codePoint, codePoint);
    }

    static CharSet range(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("range out of order");
        }
        return new CharSet(new int[] {from, to});
    }

    static CharSet of(CharSet... sets) {
        CharSet out = EMPTY;
        for (CharSet set : sets) {
            out = out.union(set);
        }
        return out;
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    boolean contains(int codePoint) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (codePoint >= bounds[i] && codePoint <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    CharSet union(CharSet other) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(new int[] {bounds[i], bounds[i + 1]});
        }
        for (int i = 0; i < other.bounds.length; i += 2) {
            ranges.add(new int[] {other.bounds[i], other.bounds[i + 1]});
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] out = new int[ranges.size() * 2];
        int n = 0;
        for (int[] range : ranges) {
            if (n > 0 && range[0] <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], range[1]);
            } else {
                out[n++] = range[0];
                out[n++] = range[1];
            }
        }
        return new CharSet(Arrays.copyOf(out, n));
    }

    CharSet complement() {
        int[] out = new int[bounds.length + 2];
        int n = 0;
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                out[n++] = next;
                out[n++] = bounds[i] - 1;
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out[n++] = next;
            out[n++] = MAX;
        }
        return new CharSet(Arrays.copyOf(out, n)).minus(SURROGATES);
    }

    CharSet intersect(CharSet other) {
        return complementRaw(complementRaw(this).union(complementRaw(other)));
    }

    CharSet minus(CharSet other) {
        return intersect(complementRaw(other));
    }

    private static CharSet complementRaw(CharSet set) {
        int[] out = new int[set.bounds.length + 2];
        int n = 0;
        int next = 0;
        for (int i = 0; i < set.bounds.length; i += 2) {
            if (set.bounds[i] > next) {
                out[n++] = next;
                out[n++] = set.bounds[i] - 1;
            }
            next = set.bounds[i + 1] + 1;
        }
        if (next <= MAX) {
            out[n++] = next;
            out[n++] = MAX;
        }
        return new CharSet(Arrays.copyOf(out, n));
    }

    long size() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            total += bounds[i + 1] - bounds[i] + 1L;
        }
        return total;
    }

    /** The code point at {@code index} in ascending order. */
    int at(long index) {
        for (int i = 0; i < bounds.length; i += 2) {
            long width = bounds[i + 1] - bounds[i] + 1L;
            if (index < width) {
                return (int) (bounds[i] + index);
            }
            index -= width;
        }
        throw new IndexOutOfBoundsException();
    }

    /**
     * Picks a member: mostly printable ASCII when the set has any (choice 0 is its lowest such member),
     * sometimes any member. Throws on an empty set.
     */
    int pick(Choices in) {
        if (cachedPicks == null) {
            CharSet ascii = intersect(PRINTABLE_ASCII);
            CharSet alphanumeric = intersect(WORD);
            cachedPicks = List.of(
                    alphanumeric.isEmpty() ? (ascii.isEmpty() ? this : ascii) : alphanumeric,
                    ascii.isEmpty() ? this : ascii,
                    this);
        }
        if (isEmpty()) {
            throw new IllegalStateException("empty character set");
        }
        int tier = in.chooseInt(15);
        CharSet from = tier < 11 ? cachedPicks.get(0) : tier < 14 ? cachedPicks.get(1) : cachedPicks.get(2);
        return from.at(in.choose(from.size() - 1));
    }
}
