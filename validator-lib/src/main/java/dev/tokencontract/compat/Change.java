package dev.tokencontract.compat;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One classified difference between two versions of a contract.
 *
 * @param kind        the kind of change; its {@link ChangeKind#wireName()} ({@code required-added},
 *                    {@code enum-value-removed}, ...) is documented in {@code docs/compatibility.md}
 * @param classes     what the change does; never empty
 * @param pointer     JSON pointer into the <em>new</em> contract document (into the old one when the
 *                    location was removed)
 * @param explanation one line for people, naming the claim and the values
 * @param before      the old value at the pointer, shortened for display; may be {@code null}
 * @param after       the new value at the pointer, shortened for display; may be {@code null}
 */
public record Change(
        ChangeKind kind, Set<ChangeClass> classes, String pointer, String explanation, String before, String after) {

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(explanation, "explanation");
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("a change needs at least one class");
        }
        classes = Set.copyOf(EnumSet.copyOf(classes));
    }

    public boolean is(ChangeClass changeClass) {
        return classes.contains(changeClass);
    }
}
