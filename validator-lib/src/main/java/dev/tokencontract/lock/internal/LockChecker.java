package dev.tokencontract.lock.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.LockVerification;
import dev.tokencontract.lock.LockVerification.EntryCheck;
import dev.tokencontract.registry.client.FetchSource;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.util.ArrayList;
import java.util.List;

/** Checks each lockfile entry against the registry (or, when it is unreachable, the verified cache). */
public final class LockChecker {
    private LockChecker() {}

    /** One check per entry, in order; the pointers are {@code /contracts/<index>} of the lockfile. */
    public static LockVerification verify(List<LockEntry> entries, RegistryClient registry) {
        List<EntryCheck> checks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            checks.add(check(entries.get(i), "/contracts/" + i, registry));
        }
        return new LockVerification(checks);
    }

    private static EntryCheck check(LockEntry entry, String pointer, RegistryClient registry) {
        FetchedContract fetched;
        try {
            fetched = registry.fetch(entry.reference());
        } catch (RegistryException e) {
            return new EntryCheck(entry, failure(entry, pointer, e), null, List.of());
        }
        String where = fetched.source() == FetchSource.OFFLINE_CACHE
                ? "the cached copy (registry unreachable)"
                : "the registry";
        if (PinnedDigest.same(fetched.digest(), entry.digest())) {
            String how = switch (fetched.source()) {
                case NETWORK -> "fetched from the registry";
                case NOT_MODIFIED -> "cached copy, confirmed by the registry";
                case OFFLINE_CACHE -> "cached copy; registry unreachable";
            };
            Finding ok = Finding.info(
                    FindingCode.LOCK_ENTRY_VERIFIED,
                    pointer,
                    entry.reference() + " matches its pinned sha-256 (" + how + ")");
            return new EntryCheck(entry, ok, fetched.source(), fetched.warnings());
        }
        Finding mismatch = Finding.error(
                FindingCode.LOCK_DIGEST_MISMATCH,
                pointer,
                entry.digest(),
                fetched.digest(),
                entry.reference() + ": " + where + " has " + fetched.digest() + ", the lockfile pins "
                        + entry.digest());
        return new EntryCheck(entry, mismatch, fetched.source(), fetched.warnings());
    }

    private static Finding failure(LockEntry entry, String pointer, RegistryException e) {
        String why = Redact.shorten(e.getMessage(), 300);
        return switch (e.kind()) {
            case NOT_FOUND ->
                Finding.error(
                        FindingCode.LOCK_VERSION_MISSING,
                        pointer,
                        entry.reference(),
                        "HTTP 404",
                        entry.reference() + " is no longer served by the registry (HTTP 404)");
            case BAD_RESPONSE ->
                Finding.error(
                        FindingCode.LOCK_DIGEST_MISMATCH,
                        pointer,
                        entry.digest(),
                        null,
                        entry.reference() + ": the registry's answer could not be verified: " + why);
            default ->
                new Finding(
                        FindingCode.LOCK_ENTRY_UNCHECKED,
                        Severity.ERROR,
                        pointer,
                        entry.digest(),
                        null,
                        entry.reference() + " could not be checked: " + why,
                        FindingCode.LOCK_ENTRY_UNCHECKED.hint());
        };
    }
}
