package dev.tokencontract.spring.internal;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.CallerIdentity;
import dev.tokencontract.mcp.DecisionReason;
import java.util.List;

/** One tool call decided from the contract's x-authorization; a tool without a rule is denied (fail closed). */
public final class ToolDecisions {
    private ToolDecisions() {}

    public static AuthorizationDecision decide(AuthorizationRules rules, String tool, CallerIdentity caller) {
        OperationRule rule = rules.rule(tool).orElse(null);
        if (rule == null) {
            return new AuthorizationDecision(
                    false,
                    DecisionReason.TOOL_NOT_IN_CONTRACT,
                    tool,
                    caller,
                    List.of("operation:" + tool),
                    "the contract's x-authorization has no entry for this tool");
        }
        List<String> missing = rules.missingFor(tool, caller.scopes(), caller.roles());
        boolean scopeMissing = missing.stream().anyMatch(m -> m.startsWith("scope:"));
        if (missing.isEmpty()) {
            return new AuthorizationDecision(true, DecisionReason.GRANTED, tool, caller, List.of(), null);
        }
        return new AuthorizationDecision(
                false,
                scopeMissing ? DecisionReason.INSUFFICIENT_SCOPE : DecisionReason.MISSING_ROLE,
                tool,
                caller,
                missing,
                null);
    }
}
