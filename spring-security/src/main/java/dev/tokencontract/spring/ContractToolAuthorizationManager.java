package dev.tokencontract.spring;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.mcp.CallerIdentity;
import dev.tokencontract.spring.internal.ToolDecisions;
import dev.tokencontract.spring.internal.VerifiedJwts;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Spring Security's {@link AuthorizationManager} for MCP tool operations, decided from the contract's
 * {@code x-authorization}: granted when the verified token carries every scope and role the tool's rule lists;
 * a tool without a rule, or an authentication that is not a verified JWT, is denied (fail closed). For
 * applications that decide tool calls in their own code (method security, a custom filter); the starter's
 * {@link McpToolAuthorizationFilter} makes the same decision for every {@code tools/call}.
 *
 * <pre>{@code
 * new ContractToolAuthorizationManager(contract.authorization()).verify(() -> authentication, "updateAccountStatus");
 * }</pre>
 */
public final class ContractToolAuthorizationManager implements AuthorizationManager<String> {
    private final AuthorizationRules rules;
    private final String tenantClaim;

    public ContractToolAuthorizationManager(AuthorizationRules rules) {
        this(rules, "tenant_id");
    }

    public ContractToolAuthorizationManager(AuthorizationRules rules, String tenantClaim) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tenantClaim = Objects.requireNonNull(tenantClaim, "tenantClaim");
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, String tool) {
        Authentication current = authentication.get();
        if (!(current instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated() || tool == null) {
            return new AuthorizationDecision(false);
        }
        CallerIdentity caller =
                CallerIdentity.fromVerifiedClaims(VerifiedJwts.signedClaims(jwt.getToken()), rules, tenantClaim, null);
        return new AuthorizationDecision(
                ToolDecisions.decide(rules, tool, caller).allowed());
    }
}
