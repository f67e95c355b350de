package dev.tokencontract.compat;

import dev.tokencontract.compat.internal.CompatEngine;
import dev.tokencontract.contract.Contract;
import java.util.List;
import java.util.Objects;

/**
 * Every classified change between two versions of one contract. The facade of the compatibility
 * engine: {@code ContractDiff.between(old, new)}.
 *
 * @param from    the older contract's reference ({@code name@version})
 * @param to      the newer contract's reference
 * @param changes every change, in document order
 */
public record ContractDiff(String from, String to, List<Change> changes) {

    public ContractDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }

    /**
     * Compares two versions of one contract and classifies every difference (see
     * {@code docs/compatibility.md} for every change kind). Deterministic, and bounded for hostile documents:
     * past its work limit the engine stops with one {@code diff-too-large} change that is breaking both ways.
     *
     * @throws IllegalArgumentException when the contracts have different names: a diff compares versions of one contract
     */
    public static ContractDiff between(Contract older, Contract newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        return new ContractDiff(older.reference(), newer.reference(), CompatEngine.diff(older, newer));
    }

    public boolean has(ChangeClass changeClass) {
        return changes.stream().anyMatch(c -> c.is(changeClass));
    }

    /** The changes {@code mode} refuses, in document order (authorization widening not included). */
    public List<Change> refusedBy(CompatibilityMode mode) {
        return changes.stream().filter(mode::refuses).toList();
    }

    /**
     * The changes a publish under {@code mode} refuses: those the mode refuses, plus, under every mode
     * but {@code NONE}, each authorization-widening change unless the publisher acknowledged widening.
     */
    public List<Change> refusedBy(CompatibilityMode mode, boolean wideningAcknowledged) {
        boolean refuseWidening = mode != CompatibilityMode.NONE && !wideningAcknowledged;
        return changes.stream()
                .filter(c -> mode.refuses(c) || (refuseWidening && c.is(ChangeClass.AUTHORIZATION_WIDENING)))
                .toList();
    }
}
