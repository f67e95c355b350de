package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.SemVer;
import java.util.Comparator;

/**
 * Semantic-version ordering, the one the bundled index and the registry share: numeric major, minor and
 * patch, then a pre-release before its release ({@code 1.9.0 < 1.10.0-rc.1 < 1.10.0}).
 */
public final class SemanticVersions {
    /** Oldest first. */
    public static final Comparator<String> ORDER = SemVer.ORDER;

    private SemanticVersions() {}

    /** Major, minor and patch as {@link #ORDER} reads them (a missing or non-numeric part counts as 0). */
    public static long[] numbers(String version) {
        return SemVer.numbers(version);
    }

    /** The pre-release part (after the first {@code -}), or null for a release. */
    public static String preRelease(String version) {
        return SemVer.preRelease(version);
    }
}
