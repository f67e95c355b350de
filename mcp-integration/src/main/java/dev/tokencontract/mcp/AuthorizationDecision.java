package dev.tokencontract.mcp;

import java.util.List;

/**
 * One authorisation decision: logged as one structured line, never with the token.
 *
 * @param allowed whether the request or tool call may proceed
 * @param reason  the stable reason code
 * @param tool    the tool called, or {@code null} when the decision is about the request
 * @param caller  the verified caller, or {@code null} when there is none
 * @param missing what the caller lacks ({@code scope:crm.write}, {@code role:hr}, {@code operation:x})
 * @param detail  finding codes or a short explanation, never token content
 */
public record AuthorizationDecision(
        boolean allowed,
        DecisionReason reason,
        String tool,
        CallerIdentity caller,
        List<String> missing,
        String detail) {

    public AuthorizationDecision {
        missing = List.copyOf(missing);
    }
}
