package dev.tokencontract.validator.internal;

import dev.tokencontract.validator.AuthorizationRules;
import dev.tokencontract.validator.ContractKind;
import dev.tokencontract.validator.JoseRules;
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
