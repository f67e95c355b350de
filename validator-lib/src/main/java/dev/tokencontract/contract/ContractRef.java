package dev.tokencontract.contract;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A contract reference, {@code name@version}: the name of a contract and which of its versions is meant.
 * The version is exact ({@code 1.2.3}, {@code 1.2.3-rc.1}), a major or major.minor prefix ({@code 1},
 * {@code 1.2}), a caret or tilde range ({@code ^1.2.0}, {@code ~1.2}, {@code ~1.2.0}) or {@code latest}.
 * A bare name parses as {@code name@latest}. {@link #toString()} gives the text {@link #parse} reads back
 * ({@code parse(ref.toString()).equals(ref)}). Immutable.
 *
 * @param name    lower-case words joined by {@code .} or {@code -}, at most {@value #MAX_NAME} characters
 * @param version the exact version, prefix, range or {@code latest}
 */
public record ContractRef(String name, String version) {
    /** The longest name accepted. */
    public static final int MAX_NAME = 128;
    /** The version a bare name means. */
    public static final String LATEST = "latest";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final String NUMBER = "(0|[1-9]\\d{0,8})";
    private static final Pattern EXACT =
            Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(-[0-9A-Za-z.-]{1,64})?");
    private static final Pattern PREFIX = Pattern.compile(NUMBER + "(?:\\." + NUMBER + ")?");
    private static final Pattern CARET = Pattern.compile("\\^" + NUMBER + "\\." + NUMBER + "\\." + NUMBER);
    private static final Pattern TILDE = Pattern.compile("~" + NUMBER + "\\." + NUMBER + "(?:\\." + NUMBER + ")?");

    /** Refuses a name or version that {@link #parse} would refuse, with the reason. */
    public ContractRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!validName(name)) {
            throw new IllegalArgumentException(
                    "the name must be lower-case words joined by '.' or '-' (at most " + MAX_NAME + " characters)");
        }
        if (!validVersion(version)) {
            throw new IllegalArgumentException(
                    "the version must be exact (1.2.3), a prefix (1 or 1.2), ^1.2.3, ~1.2, ~1.2.3 or latest");
        }
    }

    /** An exact reference, {@code name@version}; throws unless {@code version} is exact. */
    public static ContractRef exact(String name, String version) {
        ContractRef ref = new ContractRef(name, version);
        if (!ref.isExact()) {
            throw new IllegalArgumentException("'" + version + "' is not an exact version (like 1.2.3)");
        }
        return ref;
    }

    /**
     * Reads {@code name}, {@code name@version} (surrounding white space ignored).
     *
     * @throws IllegalArgumentException saying whether the name or the version is wrong
     */
    public static ContractRef parse(String text) {
        String reference = text == null ? "" : text.strip();
        int at = reference.indexOf('@');
        return at < 0
                ? new ContractRef(reference, LATEST)
                : new ContractRef(reference.substring(0, at), reference.substring(at + 1));
    }

    /** True for a name {@link #parse} accepts. */
    public static boolean validName(String name) {
        return name != null && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    private static boolean validVersion(String version) {
        return version.equals(LATEST)
                || EXACT.matcher(version).matches()
                || PREFIX.matcher(version).matches()
                || CARET.matcher(version).matches()
                || TILDE.matcher(version).matches();
    }

    /** True when the version is one exact version (not a prefix, range or {@code latest}). */
    public boolean isExact() {
        return EXACT.matcher(version).matches();
    }

    /** {@code name@version}. */
    @Override
    public String toString() {
        return name + "@" + version;
    }
}
