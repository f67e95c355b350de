package dev.tokencontract.conformance.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: turns choices into a value. Write one as a lambda that draws what it needs,
 * {@code in -> new User(in.draw(names), in.draw(Gen.ints(0, 120)))}; it shrinks for free because the
 * engine shrinks the choices, not the value. A generator must be deterministic in its choices (same
 * choices, same value) and map choice 0 to its simplest value.
 */
@FunctionalInterface
public interface Gen<T> {

    T generate(Choices in);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return in -> mapper.apply(in.draw(this));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> next) {
        Objects.requireNonNull(next, "next");
        return in -> in.draw(next.apply(in.draw(this)));
    }

    /** Values that pass {@code keep}; redraws up to 100 times, then rejects the example. */
    default Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return in -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                T value = in.draw(this);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new Rejected("filter rejected 100 values in a row");
        };
    }

    /** Labels every example with {@code label.apply(value)} for the coverage statistics. */
    default Gen<T> labelled(Function<? super T, String> label) {
        return in -> {
            T value = in.draw(this);
            in.label(label.apply(value));
            return value;
        };
    }

    static <T> Gen<T> constant(T value) {
        return in -> value;
    }

    /** Integers in {@code [min, max]}, shrinking towards 0 (or the bound nearest to 0). */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        return in -> Draws.longBetween(in, min, max);
    }

    static Gen<Integer> ints(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        return in -> (int) Draws.longBetween(in, min, max);
    }

    static Gen<Boolean> booleans() {
        return Choices::bool;
    }

    /** One of {@code values}, shrinking towards the first. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable List, never written or exposed
    static <T> Gen<T> elements(T... values) {
        return elements(List.of(values));
    }

    static <T> Gen<T> elements(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<T> copy = List.copyOf(values);
        return in -> copy.get(in.chooseInt(copy.size() - 1));
    }

    /** Draws from one of {@code gens}, shrinking towards the first. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable List, never written or exposed
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        if (gens.length == 0) {
            throw new IllegalArgumentException("no generators to choose from");
        }
        List<Gen<? extends T>> copy = List.of(gens);
        return in -> in.draw(copy.get(in.chooseInt(copy.size() - 1)));
    }

    /** Lists of {@code min..max} elements (about five beyond {@code min} on average); {@code element} must not yield null. */
    static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + ", " + max);
        }
        return in -> {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < min; i++) {
                out.add(in.draw(element));
            }
            while (out.size() < max) {
                T next = in.draw(more -> more.bool(5.0 / 6.0) ? more.draw(element) : null);
                if (next == null) {
                    break;
                }
                out.add(next);
            }
            return out;
        };
    }

    /** Strings of {@code min..max} characters from {@code alphabet}, shrinking towards its first character. */
    static Gen<String> strings(String alphabet, int min, int max) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        int[] codePoints = alphabet.codePoints().toArray();
        Gen<Integer> character = in -> codePoints[in.chooseInt(codePoints.length - 1)];
        return lists(character, min, max).map(cps -> {
            StringBuilder text = new StringBuilder(cps.size());
            cps.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** Strings of lower- and upper-case letters, digits and a little punctuation. */
    static Gen<String> strings(int min, int max) {
        return strings(Draws.DEFAULT_ALPHABET, min, max);
    }
}
