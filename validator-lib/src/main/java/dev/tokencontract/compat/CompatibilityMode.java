package dev.tokencontract.compat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a contract's new versions must relate to its earlier ones. {@code BACKWARD}: consumers upgraded
 * to the new version still accept every token the old one allowed. {@code FORWARD}: consumers still on
 * the old version accept every token the new one allows. {@code FULL}: both. The {@code _TRANSITIVE}
 * forms check against every earlier version, not only the latest.
 */
public enum CompatibilityMode {
    NONE(EnumSet.noneOf(ChangeClass.class), false),
    BACKWARD(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS), false),
    BACKWARD_TRANSITIVE(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS), true),
    FORWARD(EnumSet.of(ChangeClass.BREAKING_FOR_PRODUCERS), false),
    FORWARD_TRANSITIVE(EnumSet.of(ChangeClass.BREAKING_FOR_PRODUCERS), true),
    FULL(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS), false),
    FULL_TRANSITIVE(EnumSet.of(ChangeClass.BREAKING_FOR_CONSUMERS, ChangeClass.BREAKING_FOR_PRODUCERS), true);

    private final Set<ChangeClass> refused;
    private final boolean transitive;

    CompatibilityMode(Set<ChangeClass> refused, boolean transitive) {
        this.refused = Set.copyOf(refused);
        this.transitive = transitive;
    }

    /** The change classes this mode refuses (authorization widening is governed separately). */
    public Set<ChangeClass> refused() {
        return refused;
    }

    /** True when a new version is checked against every earlier version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** True when this mode refuses the change. */
    public boolean refuses(Change change) {
        return change.classes().stream().anyMatch(refused::contains);
    }

    /** Parses {@code full_transitive}, {@code FULL-TRANSITIVE} and the like; null when unknown. */
    public static CompatibilityMode parse(String text) {
        if (text == null) {
            return null;
        }
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CompatibilityMode mode : values()) {
            if (mode.name().equals(normal)) {
                return mode;
            }
        }
        return null;
    }
}
