package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.store.AuditEntry;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import java.time.Clock;

/**
 * One write attempt being audited: filled in as the request is understood (caller, name, version, digest),
 * then appended exactly once with its result, whether it succeeded, was refused or failed authentication.
 */
public final class Audit {
    private final ContractStore store;
    private final Clock clock;
    private final String action;
    private Caller caller = Caller.ANONYMOUS;
    private String name;
    private String version;
    private String digest;

    public Audit(ContractStore store, Clock clock, String action) {
        this.store = store;
        this.clock = clock;
        this.action = action;
    }

    public Audit caller(Caller caller) {
        this.caller = caller;
        return this;
    }

    public Audit name(String name) {
        this.name = name;
        return this;
    }

    public Audit version(String version) {
        this.version = version;
        return this;
    }

    public Audit digest(String digest) {
        this.digest = digest;
        return this;
    }

    /** Records {@code "<status> <outcome>"}, e.g. {@code 201 created}, {@code 403 namespace-denied}. */
    public void record(int status, String outcome) {
        store.appendAudit(new AuditEntry(
                clock.instant(),
                action,
                caller.subject(),
                caller.clientId(),
                name,
                version,
                digest,
                status + " " + outcome));
    }

    /** The entry acknowledging {@code version}, for the store to write in the same transaction as the version. */
    public AuditEntry created(NewVersion version) {
        return AuditEntry.created(version, caller.subject(), caller.clientId());
    }

    public void record(Problem problem) {
        record(problem.code().status(), problem.code().code());
    }
}
