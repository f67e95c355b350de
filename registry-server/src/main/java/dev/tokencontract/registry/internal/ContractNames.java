package dev.tokencontract.registry.internal;

import java.util.regex.Pattern;

/**
 * Contract names as {@code docs/contract-format.md} defines them: lowercase letters and digits in groups
 * joined by single dots or dashes, at most 128 characters. Nothing else reaches the store or a log, so
 * {@code ..}, slashes (raw or encoded), upper case and control characters never get past the router.
 */
public final class ContractNames {
    public static final int MAX_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    private ContractNames() {}

    public static boolean valid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** The name, or a 400 {@code invalid-name} problem that does not echo a hostile value at length. */
    public static String require(String name) {
        if (!valid(name)) {
            throw Problem.of(
                    ProblemCode.INVALID_NAME,
                    "contract names are lowercase letters and digits in groups joined by "
                            + "single dots or dashes, at most " + MAX_LENGTH + " characters (e.g. identity.crm-token)");
        }
        return name;
    }

    /**
     * The namespace rule: namespace {@code identity} covers the name {@code identity} and every name below it
     * ({@code identity.crm}, {@code identity.crm.v2}), not {@code identity-crm} or {@code identityx}.
     */
    public static boolean covers(String namespace, String name) {
        return valid(namespace) && (name.equals(namespace) || name.startsWith(namespace + "."));
    }
}
