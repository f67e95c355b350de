package dev.tokencontract.lock;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.registry.client.FetchSource;
import java.util.List;

/**
 * The outcome of checking every entry of a lockfile against the registry: one check per entry, in the
 * lockfile's order, each with a finding ({@link FindingCode#LOCK_ENTRY_VERIFIED},
 * {@link FindingCode#LOCK_DIGEST_MISMATCH}, {@link FindingCode#LOCK_VERSION_MISSING} or
 * {@link FindingCode#LOCK_ENTRY_UNCHECKED}).
 */
public record LockVerification(List<EntryCheck> checks) {

    public LockVerification {
        checks = List.copyOf(checks);
    }

    /**
     * One entry's result.
     *
     * @param entry    the pinned entry
     * @param finding  the verdict for this entry; its pointer is {@code /contracts/<index>}
     * @param source   where the compared bytes came from; {@code null} when none were obtained
     * @param warnings further findings, e.g. {@link FindingCode#REGISTRY_OFFLINE_COPY}
     */
    public record EntryCheck(LockEntry entry, Finding finding, FetchSource source, List<Finding> warnings) {
        public EntryCheck {
            warnings = List.copyOf(warnings);
        }

        public boolean verified() {
            return finding.code() == FindingCode.LOCK_ENTRY_VERIFIED;
        }
    }

    /** True when every pinned digest was confirmed. */
    public boolean passed() {
        return checks.stream().allMatch(EntryCheck::verified);
    }

    /** True when some entry proved wrong (digest mismatch or version gone), as opposed to merely unchecked. */
    public boolean mismatched() {
        return checks.stream().anyMatch(c -> c.finding().rejects());
    }
}
