package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.AssertedFormats;
import java.util.Set;

/**
 * Which {@code format} values a contract asserts, and the checks that other tools (the conformance kit's
 * generators) must agree with. See docs/contract-format.md, "the claims schema".
 */
public final class ContractFormats {
    private ContractFormats() {}

    /** The format names a contract asserts; every other name is ignored. */
    public static Set<String> asserted() {
        return AssertedFormats.NAMES;
    }

    /**
     * Whether {@code value} is a {@code duration} by RFC 3339 appendix A's grammar: {@code P4DT12H30M5S},
     * {@code P1M}, {@code PT36H}, {@code P2W} are; {@code P12Y62D} (a unit skipped), {@code PT1D},
     * {@code P1Y2W} and {@code P} are not.
     */
    public static boolean isDuration(String value) {
        return AssertedFormats.isDuration(value);
    }
}
