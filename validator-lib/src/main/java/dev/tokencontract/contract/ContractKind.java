package dev.tokencontract.contract;

import java.util.Arrays;
import java.util.Optional;

/** What a contract describes, from {@code x-contract.kind}. */
public enum ContractKind {
    JWT_ACCESS_TOKEN("jwt-access-token"),
    IDP_METADATA("idp-metadata"),
    PROTECTED_RESOURCE_METADATA("protected-resource-metadata");

    private final String id;

    ContractKind(String id) {
        this.id = id;
    }

    /** The value written in contracts, e.g. {@code jwt-access-token}. */
    public String id() {
        return id;
    }

    public static Optional<ContractKind> fromId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
