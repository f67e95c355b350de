package dev.tokencontract.contract.internal;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.contract.JoseRules;
import tools.jackson.databind.JsonNode;

/** Everything the linter extracted from a contract document that passed. */
public record ParsedContract(
        String name,
        String version,
        ContractKind kind,
        String owner,
        String description,
        String id,
        JsonNode document,
        JoseRules jose,
        AuthorizationRules authorization,
        ClaimsSchema schema) {}
