package dev.tokencontract.registry.internal;

import dev.tokencontract.contract.SemanticVersions;
import dev.tokencontract.registry.store.StoredVersion;
import dev.tokencontract.registry.store.VersionState;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code /versions/{version}}: an exact version (served in any state), {@code latest}, or a range
 * ({@code 1}, {@code 1.2}, {@code ^1.2.0}, {@code ~1.2}, {@code ~1.2.3}). {@code latest} and ranges pick the
 * highest ACTIVE release (no pre-release) that matches, so deprecating a version takes it out of every range.
 */
public final class VersionResolver {
    private static final Pattern RANGE =
            Pattern.compile("([\\^~]?)(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8}))?)?");
    private static final int MAX_LENGTH = SemanticVersions.MAX_LENGTH;

    private VersionResolver() {}

    /** What a request asked for, after parsing; {@code exact} when it named one version. */
    public record Request(String text, boolean exact) {}

    /** An exact version: the one grammar lint enforces at publish ({@link SemanticVersions#isValid}). */
    public static boolean isExact(String text) {
        return SemanticVersions.isValid(text);
    }

    /** Parses the path segment, or a 400 {@code invalid-version}. */
    public static Request parse(String text) {
        if (isExact(text)) {
            return new Request(text, true);
        }
        if (text != null
                && text.length() <= MAX_LENGTH
                && (text.equals("latest") || RANGE.matcher(text).matches())) {
            return new Request(text, false);
        }
        throw Problem.of(
                ProblemCode.INVALID_VERSION,
                "a version is exact (1.2.0, 2.0.0-rc.1), 'latest', or a range: " + "1, 1.2, ^1.2.0, ~1.2, ~1.2.3");
    }

    /** The version the request names among {@code versions} (oldest first), if any. */
    public static Optional<StoredVersion> resolve(Request request, List<StoredVersion> versions) {
        if (request.exact()) {
            return versions.stream()
                    .filter(v -> v.version().equals(request.text()))
                    .findFirst();
        }
        StoredVersion best = null;
        for (StoredVersion v : versions) {
            if (v.state() == VersionState.ACTIVE
                    && !v.version().contains("-")
                    && matches(request.text(), v.version())) {
                best = v; // oldest first: the last match is the highest
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean matches(String range, String version) {
        if (range.equals("latest")) {
            return true;
        }
        Matcher r = RANGE.matcher(range);
        if (!r.matches() || !SemanticVersions.isValid(version)) {
            return false;
        }
        long[] numbers = SemanticVersions.numbers(version);
        long major = Long.parseLong(r.group(2));
        Long minor = r.group(3) == null ? null : Long.parseLong(r.group(3));
        Long patch = r.group(4) == null ? null : Long.parseLong(r.group(4));
        long vMajor = numbers[0];
        long vMinor = numbers[1];
        long vPatch = numbers[2];
        String operator = r.group(1);
        if (operator.equals("^")) {
            // npm caret: the left-most non-zero part is fixed, the rest may grow from the lower bound
            long m = minor == null ? 0 : minor;
            long p = patch == null ? 0 : patch;
            if (compare(vMajor, vMinor, vPatch, major, m, p) < 0) {
                return false;
            }
            if (major > 0 || minor == null) {
                return vMajor == major;
            }
            if (m > 0 || patch == null) {
                return vMajor == 0 && vMinor == m;
            }
            return vMajor == 0 && vMinor == 0 && vPatch == p;
        }
        if (operator.equals("~")) {
            long m = minor == null ? 0 : minor;
            long p = patch == null ? 0 : patch;
            if (compare(vMajor, vMinor, vPatch, major, m, p) < 0) {
                return false;
            }
            return minor == null ? vMajor == major : vMajor == major && vMinor == m;
        }
        // plain 1 / 1.2 / 1.2.3 (the last is exact and handled above, but harmless here)
        return vMajor == major && (minor == null || vMinor == minor) && (patch == null || vPatch == patch);
    }

    private static int compare(long a1, long a2, long a3, long b1, long b2, long b3) {
        int c = Long.compare(a1, b1);
        if (c == 0) {
            c = Long.compare(a2, b2);
        }
        return c == 0 ? Long.compare(a3, b3) : c;
    }
}
