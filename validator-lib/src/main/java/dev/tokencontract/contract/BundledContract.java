package dev.tokencontract.contract;

import java.util.List;

/** A contract shipped in {@code contract-schemas}, with its versions from oldest to newest. */
public record BundledContract(String name, List<String> versions) {

    public BundledContract {
        versions = List.copyOf(versions);
    }

    public String latest() {
        return versions.get(versions.size() - 1);
    }
}
