package dev.tokencontract.mcp;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.mcp.internal.BearerHeader;
import dev.tokencontract.mcp.internal.Challenge;
import dev.tokencontract.mcp.internal.OriginPolicy;
import dev.tokencontract.mcp.internal.Responses;
import dev.tokencontract.mcp.internal.SessionBindings;
import dev.tokencontract.mcp.internal.ToolCalls;
import dev.tokencontract.mcp.internal.ToolDenials;
import dev.tokencontract.validator.ValidationReport;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The servlet filter in front of an MCP endpoint. In order: serves the metadata document; refuses a foreign
 * {@code Origin} (403, before any token work) and answers CORS preflights; refuses tokens in the query string;
 * reads exactly one bearer token; validates it against the pinned contract (401 {@code invalid_token} or 503
 * when it cannot be checked); refuses a session another principal opened (404, as an unknown session); reads a
 * POST body for {@code tools/call} and decides each tool (403 {@code insufficient_scope} only when scopes would
 * fix it; a JSON-RPC answer for a missing role or an unknown tool); then passes the request on without its
 * Authorization header, with the {@link CallerIdentity} as a request attribute, binding a new session to the
 * caller. Obtain one from {@link McpAuthorization#filter()}.
 */
public final class McpBearerFilter implements Filter {
    private final McpAuthorization auth;
    private final Set<String> metadataPaths;

    McpBearerFilter(McpAuthorization auth) {
        this.auth = auth;
        this.metadataPaths = Set.copyOf(auth.metadataPaths());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("the MCP bearer filter handles HTTP requests only");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (metadataPaths.contains(path)) {
            serveMetadata(request, response);
            return;
        }
        if (path.startsWith("/.well-known/")) { // e.g. the root metadata form, mapped to the filter by a wildcard
            Responses.write(response, 404, "application/json", "{\"error\":\"not_found\"}");
            return;
        }
        String origin = request.getHeader("Origin");
        if (!auth.origins().allows(origin)) {
            deny(new AuthorizationDecision(
                    false,
                    DecisionReason.ORIGIN_REFUSED,
                    null,
                    null,
                    List.of(),
                    "Origin " + OriginPolicy.printable(origin)));
            Responses.jsonRpcError(response, 403, -32000, "Forbidden: Origin not allowed");
            return;
        }
        boolean cors = auth.origins().addCorsHeaders(origin, response);
        if ("OPTIONS".equalsIgnoreCase(request.getMethod())
                && origin != null
                && request.getHeader("Access-Control-Request-Method") != null) {
            if (cors) {
                OriginPolicy.preflight(response);
            } else {
                Responses.jsonRpcError(response, 403, -32000, "Forbidden: CORS is not enabled for this origin");
            }
            return;
        }
        if (hasQueryToken(request.getQueryString())) {
            deny(new AuthorizationDecision(false, DecisionReason.TOKEN_IN_QUERY, null, null, List.of(), null));
            Responses.oauthError(
                    response,
                    400,
                    challenge().param("error", "invalid_request").toString(),
                    "invalid_request",
                    "access tokens must not be sent in the query string",
                    null);
            return;
        }
        BearerHeader.Parsed header = BearerHeader.parse(Collections.list(request.getHeaders("Authorization")));
        switch (header.kind()) {
            case ABSENT, OTHER_SCHEME -> {
                deny(new AuthorizationDecision(
                        false,
                        DecisionReason.TOKEN_MISSING,
                        null,
                        null,
                        List.of(),
                        header.kind() == BearerHeader.Kind.OTHER_SCHEME ? "another authorization scheme" : null));
                Responses.oauthError(
                        response,
                        401,
                        challenge().scopes(auth.scopesSupported()).toString(),
                        null,
                        "a bearer access token is required",
                        null);
                return;
            }
            case MALFORMED -> {
                deny(new AuthorizationDecision(
                        false, DecisionReason.MALFORMED_REQUEST, null, null, List.of(), header.problem()));
                Responses.oauthError(
                        response,
                        400,
                        challenge()
                                .param("error", "invalid_request")
                                .param("error_description", header.problem())
                                .toString(),
                        "invalid_request",
                        header.problem(),
                        null);
                return;
            }
            case TOKEN -> {}
        }
        ValidationReport report = auth.validator().validate(header.token());
        if (report.verdict() != Verdict.ACCEPTED) {
            refuseToken(report, response);
            return;
        }
        CallerIdentity caller = CallerIdentity.of(
                report.validated().orElseThrow(), auth.contract().authorization(), auth.tenantClaim());
        SessionBindings.Principal principal =
                new SessionBindings.Principal(caller.issuer(), caller.subject(), caller.tenant(), caller.clientId());
        String sessionId = request.getHeader("Mcp-Session-Id");
        if (sessionId != null && auth.sessions().check(sessionId, principal) == SessionBindings.Check.NOT_OWNER) {
            deny(new AuthorizationDecision(
                    false,
                    DecisionReason.SESSION_NOT_OWNED,
                    null,
                    caller,
                    List.of(),
                    "session " + SessionBindings.redacted(sessionId) + " belongs to another principal"));
            // exactly what the SDK's transport answers for a session that does not exist: nothing tells them apart
            if ("POST".equalsIgnoreCase(request.getMethod())) {
                Responses.jsonRpcErrorAsTransport(response, 404, -32603, "Session not found: " + sessionId);
            } else {
                response.sendError(404); // as the transport answers the stream (GET) or DELETE of an unknown session
            }
            return;
        }
        byte[] body = null;
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            body = readBody(request.getInputStream(), auth.maxBodyBytes());
            if (body == null) {
                deny(new AuthorizationDecision(
                        false, DecisionReason.MALFORMED_BODY, null, caller, List.of(), "body too large"));
                Responses.jsonRpcError(
                        response, 413, -32600, "request body larger than " + auth.maxBodyBytes() + " bytes");
                return;
            }
            if (!decideToolCalls(body, caller, response)) {
                return;
            }
        } else {
            auth.decisionLog()
                    .record(new AuthorizationDecision(
                            true, DecisionReason.AUTHENTICATED, null, caller, List.of(), request.getMethod()));
        }
        request.setAttribute(CallerIdentity.CONTEXT_KEY, caller);
        chain.doFilter(new ReplayedRequest(request, body), auth.sessions().binding(response, principal));
        if (sessionId != null && "DELETE".equalsIgnoreCase(request.getMethod()) && response.getStatus() < 300) {
            auth.sessions().unbind(sessionId); // the owner ended it (the check above let only the owner through)
        }
    }

    /** False when the response has been written (refused); every tool call is logged either way. */
    private boolean decideToolCalls(byte[] body, CallerIdentity caller, HttpServletResponse response)
            throws IOException {
        ToolCalls.Parsed calls = ToolCalls.read(body);
        if (!calls.ok()) {
            deny(new AuthorizationDecision(
                    false, DecisionReason.MALFORMED_BODY, null, caller, List.of(), calls.problem()));
            if (calls.parseError()) {
                Responses.jsonRpcError(response, 400, -32700, "Parse error: " + calls.problem());
            } else {
                Responses.jsonRpcError(response, 400, -32600, "Invalid Request: " + calls.problem());
            }
            return false;
        }
        if (calls.tools().isEmpty()) {
            auth.decisionLog()
                    .record(new AuthorizationDecision(
                            true, DecisionReason.AUTHENTICATED, null, caller, List.of(), "POST"));
            return true;
        }
        List<AuthorizationDecision> denied = new ArrayList<>();
        Map<Integer, ToolDenials.Denial> unfixable = new LinkedHashMap<>();
        for (int i = 0; i < calls.messages().size(); i++) {
            String tool = calls.messages().get(i).tool();
            if (tool == null) {
                continue;
            }
            AuthorizationDecision decision = auth.access().decide(tool, caller);
            auth.decisionLog().record(decision);
            if (decision.allowed()) {
                continue;
            }
            denied.add(decision);
            if (decision.reason() == DecisionReason.TOOL_NOT_IN_CONTRACT) {
                unfixable.put(i, new ToolDenials.UnknownTool(tool));
            } else if (decision.reason() == DecisionReason.MISSING_ROLE) {
                unfixable.put(i, new ToolDenials.RoleMissing(tool, decision.missing()));
            }
        }
        if (denied.isEmpty()) {
            return true;
        }
        if (!unfixable.isEmpty()) {
            // no new scope can fix this: answer in JSON-RPC (HTTP 200), never insufficient_scope, so that no client
            // starts a step-up sign-in it cannot win
            String answer = ToolDenials.answer(calls, unfixable);
            Responses.write(response, answer.isEmpty() ? 202 : 200, "application/json", answer);
            return false;
        }
        Set<String> scopes = new LinkedHashSet<>();
        caller.scopes().stream().filter(auth.scopesSupported()::contains).forEach(scopes::add);
        Set<String> needed = new LinkedHashSet<>();
        for (AuthorizationDecision decision : denied) {
            needed.addAll(auth.access().scopesFor(decision.tool()));
        }
        scopes.addAll(needed); // the spec's recommended approach: relevant granted scopes plus the newly required ones
        String description = denied.stream()
                .map(d -> d.tool() + " needs " + String.join(" ", d.missing()))
                .collect(Collectors.joining("; "));
        String scope = String.join(" ", scopes);
        Responses.oauthError(
                response,
                403,
                challenge()
                        .param("error", "insufficient_scope")
                        .param("scope", scope)
                        .param("error_description", description)
                        .toString(),
                "insufficient_scope",
                description,
                scope);
        return false;
    }

    private void refuseToken(ValidationReport report, HttpServletResponse response) throws IOException {
        List<String> codes = report.errors().stream()
                .map(Finding::code)
                .map(FindingCode::name)
                .distinct()
                .limit(4)
                .toList();
        String detail = String.join(",", codes);
        if (report.verdict() == Verdict.UNCHECKED) {
            deny(new AuthorizationDecision(false, DecisionReason.TOKEN_UNCHECKED, null, null, List.of(), detail));
            response.setHeader("Retry-After", "5");
            Responses.oauthError(
                    response, 503, null, "temporarily_unavailable", "the token could not be checked: " + detail, null);
            return;
        }
        boolean audience = report.has(FindingCode.AUD_MISMATCH) || report.has(FindingCode.AUD_MISSING);
        deny(new AuthorizationDecision(
                false,
                audience ? DecisionReason.AUDIENCE_MISMATCH : DecisionReason.TOKEN_INVALID,
                null,
                null,
                List.of(),
                detail));
        String description = "token rejected: " + (detail.isEmpty() ? "not verifiable" : detail);
        Responses.oauthError(
                response,
                401,
                challenge()
                        .param("error", "invalid_token")
                        .param("error_description", description)
                        .scopes(auth.scopesSupported())
                        .toString(),
                "invalid_token",
                description,
                null);
    }

    private Challenge challenge() {
        return Challenge.bearer().param("resource_metadata", auth.metadataUrl());
    }

    private void serveMetadata(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // a public document (RFC 9728): any origin may read it, and browser clients preflight it because they
        // send MCP-Protocol-Version
        if ("OPTIONS".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "MCP-Protocol-Version, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(204);
            return;
        }
        if (!"GET".equalsIgnoreCase(request.getMethod()) && !"HEAD".equalsIgnoreCase(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            Responses.write(response, 405, "application/json", "{\"error\":\"method_not_allowed\"}");
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        Responses.write(response, 200, "application/json", auth.metadataJson());
    }

    private void deny(AuthorizationDecision decision) {
        auth.decisionLog().record(decision);
    }

    /** {@code null} when the body is larger than {@code max}. */
    private static byte[] readBody(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static boolean hasQueryToken(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (name.equalsIgnoreCase("access_token")) {
                return true;
            }
        }
        return false;
    }
}
