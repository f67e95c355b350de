package dev.tokencontract.registry.client.internal;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.registry.client.RegistryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract reference {@code name@spec} where spec is an exact version ({@code 1.2.3}, {@code 1.2.3-rc.1}),
 * a major or major.minor prefix ({@code 1}, {@code 1.2}), a caret or tilde range ({@code ^1.2.0},
 * {@code ~1.2}, {@code ~1.2.0}) or {@code latest}; a bare name means latest. Also checks that the version the registry
 * resolved to actually satisfies the spec.
 */
public record VersionSpec(String name, String spec) {
    private static final Pattern EXACT =
            Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.-]{1,64})?");
    private static final Pattern PREFIX = Pattern.compile("(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8}))?");
    private static final Pattern CARET_TILDE =
            Pattern.compile("(\\^|~)((0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8}))?)");

    /** Reads a reference with {@link ContractRef#parse}; its refusal becomes an INVALID_REFERENCE. */
    public static VersionSpec parse(String reference) throws RegistryException {
        try {
            return of(ContractRef.parse(reference));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID_REFERENCE,
                    "'" + Redact.value(reference) + "' is not a contract reference like mcp-access-token@^1.0.0: "
                            + e.getMessage());
        }
    }

    public static VersionSpec of(ContractRef ref) {
        return new VersionSpec(ref.name(), ref.version());
    }

    public boolean exact() {
        return EXACT.matcher(spec).matches();
    }

    /** True when {@code version} is an exact version this spec allows. */
    public boolean allows(String version) {
        Matcher v = EXACT.matcher(version == null ? "" : version);
        if (!v.matches()) {
            return false;
        }
        if (spec.equals("latest")) {
            return true;
        }
        if (exact()) {
            return spec.equals(version);
        }
        boolean prerelease = v.group(4) != null;
        long major = Long.parseLong(v.group(1));
        long minor = Long.parseLong(v.group(2));
        long patch = Long.parseLong(v.group(3));
        Matcher prefix = PREFIX.matcher(spec);
        if (prefix.matches()) {
            return !prerelease
                    && major == Long.parseLong(prefix.group(1))
                    && (prefix.group(2) == null || minor == Long.parseLong(prefix.group(2)));
        }
        Matcher range = CARET_TILDE.matcher(spec);
        range.matches();
        long wantMajor = Long.parseLong(range.group(3));
        long wantMinor = Long.parseLong(range.group(4));
        long wantPatch = range.group(5) == null ? 0 : Long.parseLong(range.group(5));
        boolean atLeast = major > wantMajor
                || major == wantMajor && (minor > wantMinor || minor == wantMinor && patch >= wantPatch);
        if (prerelease || !atLeast) {
            return false;
        }
        if (range.group(1).equals("~")) {
            return major == wantMajor && minor == wantMinor;
        }
        // caret: the left-most non-zero part is fixed (npm semantics)
        if (wantMajor > 0) {
            return major == wantMajor;
        }
        if (wantMinor > 0) {
            return major == 0 && minor == wantMinor;
        }
        return major == 0 && minor == 0 && patch == wantPatch;
    }

    /** {@code name@spec}. */
    @Override
    public String toString() {
        return name + "@" + spec;
    }
}
