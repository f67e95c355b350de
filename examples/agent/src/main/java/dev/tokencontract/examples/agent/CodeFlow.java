package dev.tokencontract.examples.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The authorization code flow with PKCE S256 (OAuth 2.1, MCP authorization 2025-11-25) for a native client: a
 * loopback listener on a free port of 127.0.0.1 is the redirect URI (RFC 8252 section 7.3), the client registers
 * (RFC 7591) unless it was pre-registered, the user signs in in their browser, and the code comes back to the
 * listener with the {@code state} sent. The token request names the resource (RFC 8707).
 */
final class CodeFlow {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SIGN_IN_TIMEOUT_SECONDS = 300;

    private final Discovery discovery;
    private final AgentOptions options;
    private final PrintStream out;
    private String clientId;
    private String clientSecret;
    private String authMethod;

    CodeFlow(Discovery discovery, AgentOptions options, PrintStream out) {
        this.discovery = discovery;
        this.options = options;
        this.out = out;
    }

    /** Signs in for {@code scope} (empty: none asked for) and returns the access token. */
    String signIn(String scope) throws Exception {
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
        listener.createContext("/callback", exchange -> {
            Map<String, String> answer = query(exchange.getRequestURI().getRawQuery());
            byte[] page = "<p>Signed in. You can close this window and return to the agent.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
            callback.complete(answer); // after the browser has its page: the listener stops once the agent goes on
        });
        listener.start();
        try {
            String redirectUri = "http://127.0.0.1:" + listener.getAddress().getPort() + "/callback";
            if (clientId == null) {
                register(redirectUri, scope);
            }
            String verifier = random(32);
            String state = random(16);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("response_type", "code");
            params.put("client_id", clientId);
            params.put("redirect_uri", redirectUri);
            params.put("code_challenge", s256(verifier));
            params.put("code_challenge_method", "S256");
            params.put("state", state);
            if (!scope.isEmpty()) {
                params.put("scope", scope);
            }
            params.put("resource", discovery.resource());
            String endpoint = discovery.as().path("authorization_endpoint").asString("");
            String url = endpoint + (endpoint.contains("?") ? "&" : "?") + Http.form(params);
            open(url);
            Map<String, String> answer;
            try {
                answer = callback.get(SIGN_IN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no sign-in came back within " + SIGN_IN_TIMEOUT_SECONDS + " s");
            }
            if (!state.equals(answer.get("state"))) {
                throw new IllegalStateException("the authorization answer carries another state: refusing it (CSRF)");
            }
            if (answer.containsKey("error")) {
                throw new IllegalStateException("sign-in refused: " + answer.get("error") + ": "
                        + answer.getOrDefault("error_description", ""));
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", answer.getOrDefault("code", ""));
            form.put("redirect_uri", redirectUri);
            form.put("code_verifier", verifier);
            form.put("resource", discovery.resource());
            return tokenRequest(form);
        } finally {
            listener.stop(0);
        }
    }

    private void open(String url) throws Exception {
        if (options.browser().equals("http")) {
            // an authorization server that approves without a page answers with a redirect to our listener
            HttpResponse<String> page = Http.get(url);
            String location = page.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("--browser http: the authorization endpoint answered "
                            + page.statusCode() + " without a redirect"));
            Http.get(URI.create(url).resolve(location).toString());
        } else {
            out.println("agent: open this URL in your browser to sign in (waiting for the redirect to this machine):");
            out.println("  " + url);
            out.flush();
        }
    }

    private void register(String redirectUri, String scope) throws Exception {
        if (options.clientId() != null) {
            clientId = options.clientId();
            clientSecret = options.clientSecret();
            authMethod = clientSecret == null ? "none" : "client_secret_basic";
            return;
        }
        String endpoint = discovery.as().path("registration_endpoint").asString("");
        if (endpoint.isEmpty()) {
            throw new IllegalStateException(
                    "the authorization server offers no registration: pass a pre-registered --client-id");
        }
        List<String> methods = Http.JSON.convertValue(
                discovery.as().path("token_endpoint_auth_methods_supported"),
                new tools.jackson.core.type.TypeReference<List<String>>() {});
        String wanted = methods == null || methods.isEmpty() || methods.contains("none")
                ? "none"
                : methods.contains("client_secret_basic") ? "client_secret_basic" : methods.get(0);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("client_name", "tokencontract example agent");
        metadata.put("redirect_uris", List.of(redirectUri));
        metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
        metadata.put("response_types", List.of("code"));
        metadata.put("token_endpoint_auth_method", wanted);
        if (!scope.isEmpty()) {
            metadata.put("scope", scope);
        }
        HttpResponse<String> response = Http.postJson(endpoint, Http.JSON.writeValueAsString(metadata));
        JsonNode client = Http.json(response.body());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("registration: " + response.statusCode() + " "
                    + client.path("error").asString("") + ": "
                    + client.path("error_description").asString(""));
        }
        clientId = client.path("client_id").asString();
        clientSecret = client.path("client_secret").asString(null);
        authMethod = client.path("token_endpoint_auth_method")
                .asString(clientSecret == null ? "none" : "client_secret_basic");
        out.println("agent: registered as " + clientId + " (" + authMethod + ")");
    }

    /** The token request, authenticated the way the client registered. */
    private String tokenRequest(Map<String, String> form) throws Exception {
        String basicUser = null;
        String basicSecret = null;
        if (authMethod.equals("client_secret_post")) {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        } else if (clientSecret != null) {
            basicUser = clientId;
            basicSecret = clientSecret;
        } else {
            form.put("client_id", clientId);
        }
        HttpResponse<String> response = Http.postForm(discovery.tokenEndpoint(), form, basicUser, basicSecret);
        JsonNode body = Http.json(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint: " + response.statusCode() + " "
                    + body.path("error").asString("") + ": "
                    + body.path("error_description").asString(""));
        }
        return body.path("access_token").asString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
