package dev.tokencontract.conformance.engine;

import java.util.List;

/** One generated example: the value, the choices that made it and their spans. */
record Example<T>(T value, long[] sequence, List<int[]> spans, Throwable failure) {

    /** Replays {@code sequence}; null when generation rejected it. */
    static <T> Example<T> generate(Gen<T> gen, Choices in) {
        try {
            T value = in.draw(gen);
            return new Example<>(value, in.sequence(), List.copyOf(in.spans()), null);
        } catch (Rejected e) {
            return null;
        }
    }

    Example<T> failedWith(Throwable thrown) {
        return new Example<>(value, sequence, spans, thrown);
    }

    /** Shortlex order: fewer choices first, then the smaller choice at the first difference. */
    boolean simplerThan(Example<?> other) {
        if (sequence.length != other.sequence.length) {
            return sequence.length < other.sequence.length;
        }
        for (int i = 0; i < sequence.length; i++) {
            if (sequence[i] != other.sequence[i]) {
                return sequence[i] < other.sequence[i];
            }
        }
        return false;
    }
}
