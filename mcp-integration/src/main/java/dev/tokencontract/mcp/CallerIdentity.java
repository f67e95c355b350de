package dev.tokencontract.mcp;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.validator.ValidatedToken;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Who called, as proven by a validated token: what tool handlers see instead of the token (which never
 * reaches them). Immutable.
 *
 * @param subject    {@code sub}: the person the call is for
 * @param tenant     the tenant claim ({@code tenant_id} in {@code mcp-access-token}), or {@code null}
 * @param roles      the roles claim
 * @param scopes     the scopes granted
 * @param actorChain RFC 8693 {@code act}: the immediate actor first, then whoever it acts for, and so on;
 *                   empty when the caller acts for itself
 * @param clientId   {@code client_id}, or {@code null}
 * @param issuer     {@code iss}
 * @param contract   {@code name@version} of the contract the token was validated against
 */
public record CallerIdentity(
        String subject,
        String tenant,
        Set<String> roles,
        Set<String> scopes,
        List<String> actorChain,
        String clientId,
        String issuer,
        String contract) {

    /** The key under which the identity travels in the MCP transport context and the request attributes. */
    public static final String CONTEXT_KEY = "dev.tokencontract.mcp.CallerIdentity";

    public CallerIdentity {
        roles = Set.copyOf(new LinkedHashSet<>(roles));
        scopes = Set.copyOf(new LinkedHashSet<>(scopes));
        actorChain = List.copyOf(actorChain);
    }

    /** The immediate actor ({@code act.sub}), e.g. a hub acting for the user; empty for direct calls. */
    public Optional<String> actor() {
        return actorChain.isEmpty() ? Optional.empty() : Optional.of(actorChain.get(0));
    }

    /** The identity a tool handler was given, or empty when none was (the call must then be refused). */
    public static Optional<CallerIdentity> from(McpTransportContext context) {
        if (context == null) {
            return Optional.empty();
        }
        Object value = context.get(CONTEXT_KEY);
        return value instanceof CallerIdentity identity ? Optional.of(identity) : Optional.empty();
    }

    public static Optional<CallerIdentity> from(McpSyncServerExchange exchange) {
        return exchange == null ? Optional.empty() : from(exchange.transportContext());
    }

    static CallerIdentity of(ValidatedToken token, AuthorizationRules rules, String tenantClaim) {
        return fromVerifiedClaims(token.claims(), rules, tenantClaim, token.contractReference());
    }

    /**
     * The identity in a claim set whose token another layer has fully verified (Spring Security's decoder with
     * the contract's rules, for one). Never call this with unverified claims.
     */
    public static CallerIdentity fromVerifiedClaims(
            JsonNode claims, AuthorizationRules rules, String tenantClaim, String contractReference) {
        return new CallerIdentity(
                text(claims.get("sub")),
                text(claims.get(tenantClaim)),
                rules.rolesIn(claims),
                rules.scopesIn(claims),
                actors(claims.get("act")),
                text(claims.get("client_id")),
                text(claims.get("iss")),
                contractReference);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static List<String> actors(JsonNode act) {
        List<String> chain = new ArrayList<>();
        JsonNode current = act;
        while (current != null && current.isObject() && chain.size() < 16) {
            String sub = text(current.get("sub"));
            if (sub == null) {
                break;
            }
            chain.add(sub);
            current = current.get("act");
        }
        return chain;
    }
}
