package dev.tokencontract.registry;

import dev.tokencontract.contract.BundledContract;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.registry.internal.Json;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.NewVersion;
import dev.tokencontract.registry.store.PublishAttempt;
import dev.tokencontract.registry.store.PublishGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the contracts bundled in {@code contract-schemas} into a store. Idempotent: a version already
 * there with the same content is left alone; one there with other content is reported, never overwritten.
 */
public final class BundledSeed {
    public static final String PUBLISHER = "tokencontract (bundled)";

    private BundledSeed() {}

    /** One line per version that was created or conflicts; empty when everything was already there. */
    public static List<String> seed(ContractStore store, Clock clock) {
        List<String> report = new ArrayList<>();
        for (BundledContract bundled : Contracts.listBundled()) {
            for (String version : bundled.versions()) {
                Contract contract;
                try {
                    contract = Contracts.bundled(bundled.name() + "@" + version);
                } catch (ContractException e) {
                    report.add("bundled " + bundled.name() + "@" + version + " unreadable: " + e.getMessage());
                    continue;
                }
                String canonical = Json.canonical(contract.document());
                PublishAttempt<Void> result = store.publish(
                        new NewVersion(
                                contract.name(),
                                contract.version(),
                                canonical,
                                Json.digest(canonical),
                                PUBLISHER,
                                clock.instant()),
                        PublishGuard.ALLOW);
                switch (result.outcome()) {
                    case CREATED -> report.add("seeded " + contract.reference());
                    case CONFLICT ->
                        report.add("kept " + contract.reference() + ": the store holds other content for it");
                    default -> {}
                }
            }
        }
        return report;
    }
}
