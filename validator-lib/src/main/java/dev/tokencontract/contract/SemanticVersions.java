package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.SemVer;
import java.util.Comparator;

/**
 * The version grammar and ordering the bundled index, lint and the registry share. A version is Semantic
 * Versioning 2.0.0 without build metadata, bounded so it never overflows: {@code MAJOR.MINOR.PATCH[-PRE]},
 * each number and numeric pre-release identifier at most 9 digits without a leading zero
 * ({@code 1.0.0-rc.01} is refused), at most 64 characters. Ordered by SemVer precedence
 * ({@code 1.9.0 < 1.10.0-rc.2 < 1.10.0-rc.10 < 1.10.0}).
 */
public final class SemanticVersions {
    /** The longest valid version. */
    public static final int MAX_LENGTH = SemVer.MAX_LENGTH;
    /** Oldest first. */
    public static final Comparator<String> ORDER = SemVer.ORDER;

    private SemanticVersions() {}

    /** True when {@code version} is in the grammar (null is not). */
    public static boolean isValid(String version) {
        return SemVer.valid(version);
    }

    /**
     * Major, minor and patch as {@link #ORDER} reads them (a missing or non-numeric part counts as 0, one too
     * large for a long as {@link Long#MAX_VALUE}; valid versions have neither).
     */
    public static long[] numbers(String version) {
        return SemVer.numbers(version);
    }

    /** The pre-release part (after the first {@code -}), or null for a release. */
    public static String preRelease(String version) {
        return SemVer.preRelease(version);
    }
}
