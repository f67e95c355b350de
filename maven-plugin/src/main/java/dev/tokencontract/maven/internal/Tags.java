package dev.tokencontract.maven.internal;

import dev.tokencontract.compat.ChangeClass;

/** The short names the CLI's diff prints for change classes. */
final class Tags {
    private Tags() {}

    static String of(ChangeClass changeClass) {
        return switch (changeClass) {
            case BREAKING_FOR_CONSUMERS -> "consumer-breaking";
            case BREAKING_FOR_PRODUCERS -> "producer-breaking";
            case AUTHORIZATION_WIDENING -> "widening";
            case COSMETIC -> "cosmetic";
        };
    }

    /** The tag of a class named as the registry's JSON names it; unknown names pass through lower-cased. */
    static String of(String name) {
        try {
            return of(ChangeClass.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
    }
}
