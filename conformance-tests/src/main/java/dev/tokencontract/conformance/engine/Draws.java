package dev.tokencontract.conformance.engine;

/** Shared drawing arithmetic. */
final class Draws {
    static final String DEFAULT_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:/@éß€😀";

    private Draws() {}

    /** A long in [min, max]; choice 0 gives the value nearest to 0. */
    static long longBetween(Choices in, long min, long max) {
        if (min >= 0) {
            return min + in.choose(max - min);
        }
        if (max <= 0) {
            long span = max - min;
            return max - in.choose(span < 0 ? Long.MAX_VALUE : span);
        }
        if (!in.bool()) {
            return in.choose(max);
        }
        return -1 - in.choose(-(min + 1));
    }
}
