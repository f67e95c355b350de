package dev.tokencontract.contract;

import java.util.List;

/**
 * What one operation (an MCP tool, for example) requires of a token: every listed scope and every listed
 * role must be present.
 */
public record OperationRule(String operation, List<String> scopes, List<String> roles, String description) {

    public OperationRule {
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
    }
}
