package dev.tokencontract.examples.agent;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * An MCP client that signs a user in and calls the CRM's tools. By default the user signs in in their browser
 * (authorization code + PKCE, loopback redirect, registration), after the agent has checked that the server's
 * metadata names the server it called; a 403 {@code insufficient_scope} is followed by one step-up sign-in for
 * the scopes it names. {@code --legacy-password-grant}: the password grant instead. {@code --hub}: a hub exchanges
 * the user's token for a delegated one (RFC 8693, {@code act}). {@code --hub --drift bot}: the hub calls as its
 * shared bot and the user disappears from the CRM's audit.
 */
public final class Agent {
    /** The calls made when no {@code --call} is given: one per tool. */
    static final Map<String, String> DEFAULT_CALLS = defaultCalls();

    private Agent() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
        // on success main just returns: AgentProcessIT proves no non-daemon thread keeps the JVM alive
    }

    /** Runs the agent; 0 when the calls were made (denials included), 1 when sign-in or the connection failed, 2 for usage. */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(argv, env);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("help")) {
                err.println("agent: " + e.getMessage());
            }
            err.println(AgentOptions.USAGE);
            return 2;
        }
        try {
            SignIn signIn = new SignIn(options, out);
            HttpResponse<String> probe = Http.probe(options.mcpUrl());
            AtomicReference<String> token = new AtomicReference<>();
            if (probe.statusCode() == 401) {
                token.set(signIn.after401(
                        probe.headers().firstValue("WWW-Authenticate").orElse(null)));
            } else if (probe.statusCode() / 100 == 2) {
                out.println("agent: " + options.mcpUrl() + " answered " + probe.statusCode()
                        + " without a token; signing in when it asks");
            } else {
                throw new IllegalStateException(options.mcpUrl() + " answered " + probe.statusCode()
                        + " without a token; expected 401 with a challenge");
            }
            Map<String, String> calls = options.call() == null ? DEFAULT_CALLS : Map.of(options.call(), options.args());
            return callTools(options.mcpUrl(), token, signIn, options.callListed() ? null : calls, out) ? 0 : 1;
        } catch (Exception e) {
            err.println("agent: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    static String passwordToken(AgentOptions options, Discovery discovery, PrintStream out) throws Exception {
        TokenClient tokens = new TokenClient(discovery.tokenEndpoint());
        if (!options.hub()) {
            String token = tokens.password(options.user(), options.password(), options.tenant(), discovery.resource());
            out.println("agent: signed in as " + describe(token));
            return token;
        }
        String userToken = tokens.password(options.user(), options.password(), options.tenant(), options.hubResource());
        out.println("agent: signed in as " + describe(userToken) + "; handing the token to the hub");
        Hub hub = new Hub(discovery.tokenEndpoint(), options.hubSecret(), options.botDrift());
        String forCrm = hub.tokenFor(userToken, discovery.resource());
        out.println(
                hub.drifting()
                        ? "hub:   DRIFT bot: ignoring the user's token, calling as " + describe(forCrm)
                        : "hub:   exchanged it (RFC 8693) for " + describe(forCrm));
        return forCrm;
    }

    /**
     * False when the server refused the connection itself (no tool was called). {@code calls} null: every listed
     * tool with no arguments. With a {@code flow}, a call refused with {@code insufficient_scope} gets one step-up
     * sign-in for the scopes the challenge names, then one retry in the same session.
     */
    private static boolean callTools(
            String mcpUrl, AtomicReference<String> token, SignIn signIn, Map<String, String> calls, PrintStream out) {
        URI uri = URI.create(mcpUrl);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(uri.getRawPath())
                .addHttpRequestCustomizer((request, method, target, body, context) -> {
                    if (token.get() != null) {
                        request.header("Authorization", "Bearer " + token.get());
                    }
                })
                .build();
        try (McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(15))
                .initializationTimeout(Duration.ofSeconds(15))
                .build()) {
            signIn.retryingAfter401(token, client::initialize);
            List<String> listed = signIn.retryingAfter401(token, client::listTools).tools().stream()
                    .map(t -> t.name())
                    .toList();
            out.println("agent: connected; tools: " + String.join(", ", listed));
            Map<String, String> toCall = calls;
            if (toCall == null) {
                toCall = new LinkedHashMap<>();
                for (String name : listed) {
                    toCall.put(name, "{}");
                }
            }
            for (Map.Entry<String, String> call : toCall.entrySet()) {
                out.printf(
                        "  %-20s -> %s%n",
                        call.getKey(), callOne(client, call.getKey(), call.getValue(), token, signIn, out));
            }
            return true;
        } catch (RuntimeException e) {
            out.println("agent: " + refusal(e));
            return false;
        }
    }

    private static String callOne(
            McpSyncClient client,
            String tool,
            String argsJson,
            AtomicReference<String> token,
            SignIn signIn,
            PrintStream out) {
        try {
            return signIn.retryingAfter401(token, () -> callOnce(client, tool, argsJson));
        } catch (RuntimeException e) {
            Optional<String> scope = insufficientScope(e);
            if (!signIn.canStepUp() || scope.isEmpty()) {
                return refusal(e);
            }
            out.println(
                    "agent: step-up: " + tool + " needs scope \"" + scope.get() + "\"; signing in once more for it");
            try {
                token.set(signIn.stepUp(scope.get()));
            } catch (Exception failed) {
                return "step-up failed: " + (failed.getMessage() == null ? failed.toString() : failed.getMessage());
            }
            try {
                return callOnce(client, tool, argsJson) + " (after step-up)";
            } catch (RuntimeException again) {
                return refusal(again) + " (after step-up; not trying again)";
            }
        }
    }

    private static String callOnce(McpSyncClient client, String tool, String argsJson) {
        Map<String, Object> args = Http.JSON.readValue(argsJson, new TypeReference<Map<String, Object>>() {});
        CallToolResult result =
                client.callTool(CallToolRequest.builder(tool).arguments(args).build());
        String text = result.content().isEmpty()
                ? ""
                : ((TextContent) result.content().get(0)).text();
        return (Boolean.TRUE.equals(result.isError()) ? "error: " : "ok: ") + text;
    }

    /** The {@code scope} of a 403 {@code insufficient_scope} challenge in the cause chain. */
    private static Optional<String> insufficientScope(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof McpHttpClientTransportAuthorizationException e
                    && e.getResponseInfo().statusCode() == 403) {
                Map<String, String> challenge = Discovery.challenge(e.getResponseInfo()
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .orElse(""));
                if ("insufficient_scope".equals(challenge.get("error")) && challenge.containsKey("scope")) {
                    return Optional.of(challenge.get("scope"));
                }
            }
        }
        return Optional.empty();
    }

    /** An HTTP refusal as the server's challenge says it; anything else by its message. */
    static String refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof McpHttpClientTransportAuthorizationException e) {
                Map<String, String> challenge = Discovery.challenge(e.getResponseInfo()
                        .headers()
                        .firstValue("WWW-Authenticate")
                        .orElse(""));
                return "refused " + e.getResponseInfo().statusCode() + " "
                        + challenge.getOrDefault("error", "(no error code)")
                        + (challenge.containsKey("error_description") ? ": " + challenge.get("error_description") : "")
                        + (challenge.containsKey("scope") ? " [scope=\"" + challenge.get("scope") + "\"]" : "");
            }
        }
        return "failed: " + thrown.getMessage();
    }

    /** Who a token says it is for, read (not verified) for the console. */
    static String describe(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "an opaque token (" + token.length() + " chars, nothing readable)";
        }
        JsonNode claims = Http.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        JsonNode act = claims.get("act");
        return "sub=" + claims.path("sub").asString("?") + " tenant="
                + claims.path("tenant_id").asString("?")
                + " roles=" + claims.path("roles") + " scope=\""
                + claims.path("scope").asString("") + "\""
                + (act == null ? "" : " act=" + act) + " aud=" + claims.path("aud");
    }

    private static Map<String, String> defaultCalls() {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("getCustomer", "{\"customerId\":\"c-100\"}");
        calls.put("updateAccountStatus", "{\"customerId\":\"c-100\",\"status\":\"suspended\"}");
        calls.put("lookupEmployee", "{\"employeeId\":\"e-1\"}");
        calls.put("toggleFeature", "{\"feature\":\"beta-dashboard\",\"enabled\":true}");
        return java.util.Collections.unmodifiableMap(calls);
    }

    static List<String> defaultTools() {
        return List.copyOf(DEFAULT_CALLS.keySet());
    }
}
