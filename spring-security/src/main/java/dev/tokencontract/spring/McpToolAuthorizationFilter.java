package dev.tokencontract.spring;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.mcp.AuthorizationDecision;
import dev.tokencontract.mcp.CallerIdentity;
import dev.tokencontract.mcp.DecisionLog;
import dev.tokencontract.mcp.DecisionReason;
import dev.tokencontract.mcp.ReplayedRequest;
import dev.tokencontract.spring.internal.Challenge;
import dev.tokencontract.spring.internal.Responses;
import dev.tokencontract.spring.internal.SessionOwners;
import dev.tokencontract.spring.internal.ToolCallNames;
import dev.tokencontract.spring.internal.ToolDecisions;
import dev.tokencontract.spring.internal.ToolDenialAnswers;
import dev.tokencontract.spring.internal.VerifiedJwts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind Spring's bearer authentication, on the MCP endpoint: decides every {@code tools/call} in a request
 * from the contract's {@code x-authorization} (403 {@code insufficient_scope} naming the scopes when more scopes
 * would allow it; when no scope can (a missing role, a tool not in the contract), a JSON-RPC answer: a tool error
 * naming the role, or {@code -32602 Unknown tool}), binds each MCP session to the
 * principal that opened it (anyone else presenting its id gets 404), hands the verified
 * {@link CallerIdentity} to the MCP transport as a request attribute, and logs one decision line per tool
 * call with the user and the actor, never the token. The same answers as the servlet filter of
 * {@code mcp-integration}.
 */
public final class McpToolAuthorizationFilter extends OncePerRequestFilter {
    public static final String SESSION_HEADER = "Mcp-Session-Id";

    private final String endpoint;
    private final AuthorizationRules rules;
    private final String tenantClaim;
    private final String contractReference;
    private final String resourceMetadataUrl;
    private final List<String> scopesSupported;
    private final int maxBodyBytes;
    private final DecisionLog log;
    private final SessionOwners sessions = new SessionOwners(10_000);

    /**
     * @param endpoint            the MCP endpoint path, e.g. {@code /mcp}
     * @param contractReference   {@code name@version}, for the identity
     */
    public McpToolAuthorizationFilter(
            String endpoint,
            AuthorizationRules rules,
            String tenantClaim,
            String contractReference,
            String resourceMetadataUrl,
            int maxBodyBytes,
            DecisionLog log) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tenantClaim = Objects.requireNonNull(tenantClaim, "tenantClaim");
        this.contractReference = Objects.requireNonNull(contractReference, "contractReference");
        this.resourceMetadataUrl = Objects.requireNonNull(resourceMetadataUrl, "resourceMetadataUrl");
        this.scopesSupported = scopesOf(rules);
        this.maxBodyBytes = maxBodyBytes;
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Every scope some tool rule names, sorted: what the challenges and the metadata document offer. */
    public static List<String> scopesOf(AuthorizationRules rules) {
        return rules.operations().values().stream()
                .flatMap(r -> r.scopes().stream())
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI()
                .substring(request.getContextPath().length())
                .equals(endpoint);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            chain.doFilter(request, response); // not authenticated: Spring's authorization answers 401
            return;
        }
        CallerIdentity caller = CallerIdentity.fromVerifiedClaims(
                VerifiedJwts.signedClaims(jwt.getToken()), rules, tenantClaim, contractReference);
        String owner = caller.issuer() + " " + caller.subject();
        String session = request.getHeader(SESSION_HEADER);
        if (session != null && sessions.ownedByOther(session, owner)) {
            log.record(new AuthorizationDecision(
                    false, DecisionReason.TOKEN_INVALID, null, caller, List.of(), "session of another principal"));
            Responses.jsonRpcError(response, 404, -32001, "Session not found");
            return;
        }
        byte[] body = null;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                log.record(new AuthorizationDecision(
                        false, DecisionReason.MALFORMED_BODY, null, caller, List.of(), "body too large"));
                Responses.jsonRpcError(response, 413, -32600, "request body larger than " + maxBodyBytes + " bytes");
                return;
            }
            if (!decideToolCalls(body, caller, response)) {
                return;
            }
        } else {
            log.record(new AuthorizationDecision(
                    true, DecisionReason.AUTHENTICATED, null, caller, List.of(), request.getMethod()));
        }
        if (session != null) {
            sessions.claim(session, owner);
        }
        request.setAttribute(CallerIdentity.CONTEXT_KEY, caller);
        HttpServletResponse bound = new SessionCapture(response, owner);
        chain.doFilter(new ReplayedRequest(request, body), bound);
        if (session != null && "DELETE".equalsIgnoreCase(request.getMethod())) {
            sessions.forget(session);
        }
    }

    /** False when the response has been written (refused). */
    private boolean decideToolCalls(byte[] body, CallerIdentity caller, HttpServletResponse response)
            throws IOException {
        ToolCallNames.Parsed calls = ToolCallNames.read(body);
        if (!calls.ok()) {
            log.record(new AuthorizationDecision(
                    false, DecisionReason.MALFORMED_BODY, null, caller, List.of(), calls.problem()));
            Responses.jsonRpcError(
                    response,
                    400,
                    calls.parseError() ? -32700 : -32600,
                    (calls.parseError() ? "Parse error: " : "Invalid Request: ") + calls.problem());
            return false;
        }
        if (calls.tools().isEmpty()) {
            log.record(new AuthorizationDecision(true, DecisionReason.AUTHENTICATED, null, caller, List.of(), "POST"));
            return true;
        }
        List<AuthorizationDecision> denied = new ArrayList<>();
        Map<Integer, ToolDenialAnswers.Denial> unfixable = new LinkedHashMap<>();
        for (int i = 0; i < calls.messages().size(); i++) {
            String tool = calls.messages().get(i).tool();
            if (tool == null) {
                continue;
            }
            AuthorizationDecision decision = decide(tool, caller);
            log.record(decision);
            if (decision.allowed()) {
                continue;
            }
            denied.add(decision);
            if (decision.reason() == DecisionReason.TOOL_NOT_IN_CONTRACT) {
                unfixable.put(i, new ToolDenialAnswers.Denial(tool, List.of()));
            } else if (decision.reason() == DecisionReason.MISSING_ROLE) {
                unfixable.put(
                        i,
                        new ToolDenialAnswers.Denial(
                                tool,
                                decision.missing().stream()
                                        .filter(m -> m.startsWith("role:"))
                                        .map(m -> m.substring(5))
                                        .toList()));
            }
        }
        if (denied.isEmpty()) {
            return true;
        }
        if (!unfixable.isEmpty()) {
            // no new scope can fix this: answer in JSON-RPC, never insufficient_scope, so that no client starts a
            // step-up sign-in it cannot win (as the servlet filter does)
            String answer = ToolDenialAnswers.answer(calls, unfixable);
            if (answer.isEmpty()) {
                response.setStatus(202);
            } else {
                Responses.rawJson(response, 200, answer);
            }
            return false;
        }
        Set<String> needed = new LinkedHashSet<>();
        denied.forEach(d ->
                needed.addAll(rules.rule(d.tool()).map(OperationRule::scopes).orElse(List.of())));
        Set<String> scopes = new LinkedHashSet<>();
        caller.scopes().stream().filter(scopesSupported::contains).forEach(scopes::add);
        scopes.addAll(needed); // the spec's recommendation: relevant scopes already granted plus the ones needed
        String description = denied.stream()
                .map(d -> d.tool() + " needs " + String.join(" ", d.missing()))
                .collect(Collectors.joining("; "));
        String scope = String.join(" ", scopes);
        Responses.oauthError(
                response,
                403,
                Challenge.bearer()
                        .param("resource_metadata", resourceMetadataUrl)
                        .param("error", "insufficient_scope")
                        .param("scope", scope)
                        .param("error_description", description)
                        .toString(),
                "insufficient_scope",
                description);
        return false;
    }

    /** The decision for one tool; a tool without a rule is denied (fail closed). */
    public AuthorizationDecision decide(String tool, CallerIdentity caller) {
        return ToolDecisions.decide(rules, tool, caller);
    }

    /** Binds the session id the transport hands out (on initialize) to the principal that asked for it. */
    private final class SessionCapture extends HttpServletResponseWrapper {
        private final String owner;

        SessionCapture(HttpServletResponse response, String owner) {
            super(response);
            this.owner = owner;
        }

        @Override
        public void setHeader(String name, String value) {
            bind(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            bind(name, value);
            super.addHeader(name, value);
        }

        private void bind(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                sessions.claim(value, owner);
            }
        }
    }
}
