package dev.tokencontract.mcp;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.OperationRule;
import java.util.List;
import java.util.Optional;

/** Decides one tool call from the contract's x-authorization rules; a tool without a rule is denied. */
final class ToolAccess {
    private final AuthorizationRules rules;

    ToolAccess(AuthorizationRules rules) {
        this.rules = rules;
    }

    AuthorizationDecision decide(String tool, CallerIdentity caller) {
        Optional<OperationRule> rule = rules.rule(tool);
        if (rule.isEmpty()) {
            return new AuthorizationDecision(
                    false,
                    DecisionReason.TOOL_NOT_IN_CONTRACT,
                    tool,
                    caller,
                    List.of("operation:" + tool),
                    "the contract's x-authorization has no entry for this tool");
        }
        List<String> missing = rules.missingFor(tool, caller.scopes(), caller.roles());
        if (missing.isEmpty()) {
            return new AuthorizationDecision(true, DecisionReason.GRANTED, tool, caller, List.of(), null);
        }
        // A missing role is never fixed by asking for more scopes: it is a role denial even when a scope is missing
        // too.
        boolean roleMissing = missing.stream().anyMatch(m -> m.startsWith("role:"));
        return new AuthorizationDecision(
                false,
                roleMissing ? DecisionReason.MISSING_ROLE : DecisionReason.INSUFFICIENT_SCOPE,
                tool,
                caller,
                missing,
                null);
    }

    /** The scopes the tool's rule asks for (what a step-up must request). */
    List<String> scopesFor(String tool) {
        return rules.rule(tool).map(OperationRule::scopes).orElse(List.of());
    }
}
