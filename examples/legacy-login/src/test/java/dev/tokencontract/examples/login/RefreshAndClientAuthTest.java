package dev.tokencontract.examples.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What real MCP clients register and do, over real HTTP: MCP Inspector's registration (refresh tokens, public
 * client), confidential clients with each advertised authentication method, rotation and reuse detection of
 * refresh tokens, loopback redirects on any port, and the granted subset of requested scopes.
 */
class RefreshAndClientAuthTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CRM = LoginConfig.DEFAULT_CRM_RESOURCE;
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWO1test";
    private static LegacyLogin login;

    /** A registered client: its id, secret (or null) and method. */
    private record Registered(String id, String secret, String method, String redirect) {}

    @BeforeAll
    static void start() {
        login = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        login.close();
    }

    private static Registered register(String metadata, String redirect) throws Exception {
        HttpResponse<String> response = LegacyLoginTest.post(login, "/register", "application/json", metadata);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        return new Registered(
                client.path("client_id").asString(),
                client.path("client_secret").asString(null),
                client.path("token_endpoint_auth_method").asString(),
                redirect);
    }

    /** MCP Inspector's registration: a public client asking for refresh tokens, on a loopback callback. */
    private static Registered inspectorLike() throws Exception {
        String redirect = "http://localhost:6274/oauth/callback";
        return register("""
                {"redirect_uris":["%s"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],
                 "response_types":["code"],"client_name":"MCP Inspector","client_uri":"https://github.com/modelcontextprotocol/inspector"}""".formatted(redirect), redirect);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> authorize(Registered client, String redirect, String scope, String user)
            throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", client.id());
        p.put("redirect_uri", redirect);
        p.put("code_challenge", Pkce.challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        p.put("state", "s1");
        p.put("resource", CRM);
        if (scope != null) {
            p.put("scope", scope);
        }
        p.put("username", user);
        p.put("password", user + "-demo");
        p.put("tenant", "acme");
        String body = p.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return LegacyLoginTest.post(login, "/authorize", "application/x-www-form-urlencoded", body);
    }

    private static String code(HttpResponse<String> authorized) {
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + location);
    }

    /** The token request, authenticated the way the client registered. */
    private static HttpResponse<String> token(Registered client, Map<String, String> params) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(params);
        String[] headers = {};
        switch (client.method()) {
            case "none" -> form.put("client_id", client.id());
            case "client_secret_post" -> {
                form.put("client_id", client.id());
                form.put("client_secret", client.secret());
            }
            default ->
                headers = new String[] {
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((enc(client.id()) + ":" + enc(client.secret()))
                                            .getBytes(StandardCharsets.UTF_8))
                };
        }
        return LegacyLoginTest.token(login, form, headers);
    }

    private static JsonNode signIn(Registered client, String scope, String user) throws Exception {
        String code = code(authorize(client, client.redirect(), scope, user));
        HttpResponse<String> response = token(
                client,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        client.redirect(),
                        "code_verifier",
                        VERIFIER,
                        "resource",
                        CRM));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> refresh(Registered client, String refreshToken) throws Exception {
        return token(client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "resource", CRM));
    }

    private static String error(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("access_token");
        return JSON.readTree(response.body()).path("error").asString();
    }

    @Test
    void refreshWhenInspectorLikeClientThenRotatesAndKeepsTheGrant() throws Exception {
        Registered inspector = inspectorLike();
        JsonNode first = signIn(inspector, "crm.read crm.write", "alice");
        String refreshToken = first.path("refresh_token").asString();
        assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(43);
        HttpResponse<String> refreshed = refresh(inspector, refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = JSON.readTree(refreshed.body());
        assertThat(second.path("scope").asString()).isEqualTo("crm.read crm.write");
        assertThat(second.path("refresh_token").asString())
                .isNotEqualTo(refreshToken)
                .hasSizeGreaterThanOrEqualTo(43);
        assertThat(second.path("access_token").asString())
                .isNotEqualTo(first.path("access_token").asString());
    }

    @Test
    void refreshWhenARetiredTokenIsPresentedAgainThenInvalidGrantAndTheWholeFamilyIsRevoked() throws Exception {
        Registered inspector = inspectorLike();
        String stolen = signIn(inspector, null, "alice").path("refresh_token").asString();
        String successor = JSON.readTree(refresh(inspector, stolen).body())
                .path("refresh_token")
                .asString();
        HttpResponse<String> replay = refresh(inspector, stolen);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(error(replay)).isEqualTo("invalid_grant");
        assertThat(JSON.readTree(replay.body()).path("error_description").asString())
                .contains("already used");
        HttpResponse<String> legit = refresh(inspector, successor);
        assertThat(error(legit)).as("the successor dies with the family").isEqualTo("invalid_grant");
    }

    @Test
    void refreshWhenMoreScopeOrAnotherClientOrResourceThenRefused() throws Exception {
        Registered inspector = inspectorLike();
        Registered other = inspectorLike();
        String bobs = signIn(inspector, "crm.read", "bob").path("refresh_token").asString();
        assertThat(error(token(
                        inspector,
                        Map.of("grant_type", "refresh_token", "refresh_token", bobs, "scope", "crm.read crm.write"))))
                .isEqualTo("invalid_scope");
        assertThat(error(refresh(other, bobs))).isEqualTo("invalid_grant");
        assertThat(error(token(
                        inspector,
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                bobs,
                                "resource",
                                "https://hub.example.test"))))
                .isEqualTo("invalid_target");
        // none of those refusals used the token up: its owner still refreshes with it, once
        assertThat(refresh(inspector, bobs).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshWhenClientDidNotRegisterRefreshTokenThenNoneIssued() throws Exception {
        Registered plain = register(
                "{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"none\"}",
                "http://127.0.0.1:9/cb");
        assertThat(signIn(plain, null, "alice").has("refresh_token")).isFalse();
    }

    @Test
    void tokenWhenEachAdvertisedAuthMethodThenWorksOnlyTheWayItRegistered() throws Exception {
        for (String method : new String[] {"client_secret_basic", "client_secret_post"}) {
            Registered client = register(
                    "{\"redirect_uris\":[\"https://app.example.test/cb\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                            + "\"token_endpoint_auth_method\":\"" + method + "\"}",
                    "https://app.example.test/cb");
            assertThat(client.secret()).as(method).isNotNull();
            String refreshToken =
                    signIn(client, null, "alice").path("refresh_token").asString();
            Registered wrongWay = new Registered(
                    client.id(),
                    client.secret(),
                    method.equals("client_secret_basic") ? "client_secret_post" : "client_secret_basic",
                    client.redirect());
            assertThat(error(refresh(wrongWay, refreshToken)))
                    .as(method + " used the other way")
                    .isEqualTo("invalid_client");
            Registered wrongSecret = new Registered(client.id(), "not-the-secret", method, client.redirect());
            assertThat(error(refresh(wrongSecret, refreshToken))).isEqualTo("invalid_client");
            Registered noSecret = new Registered(client.id(), null, "none", client.redirect());
            assertThat(error(refresh(noSecret, refreshToken))).isEqualTo("invalid_client");
            assertThat(refresh(client, refreshToken).statusCode()).as(method).isEqualTo(200);
        }
    }

    @Test
    void authorizeWhenLoopbackRedirectOnAnotherPortThenAcceptedOtherwiseRefused() throws Exception {
        Registered inspector = inspectorLike(); // registered http://localhost:6274/oauth/callback
        String code = code(authorize(inspector, "http://localhost:51234/oauth/callback", null, "alice"));
        HttpResponse<String> exchanged = token(
                inspector,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        "http://localhost:51234/oauth/callback",
                        "code_verifier",
                        VERIFIER));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        for (String other : new String[] {
            "http://localhost:51234/other",
            "http://127.0.0.1:6274/oauth/callback",
            "http://localhost.evil.example:6274/oauth/callback",
            "https://localhost:6274/oauth/callback"
        }) {
            HttpResponse<String> refused = authorize(inspector, other, null, "alice");
            assertThat(refused.statusCode()).as(other).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(other).isEmpty();
        }
        Registered https = register(
                "{\"redirect_uris\":[\"https://app.example.test:8443/cb\"],\"token_endpoint_auth_method\":\"none\"}",
                "https://app.example.test:8443/cb");
        assertThat(authorize(https, "https://app.example.test:9443/cb", null, "alice")
                        .statusCode())
                .as("only loopback http")
                .isEqualTo(400);
    }

    @Test
    void authorizeWhenUserHasOnlySomeRequestedScopesThenGrantsThoseAndSaysSo() throws Exception {
        JsonNode bob = signIn(inspectorLike(), "crm.read crm.write", "bob");
        assertThat(bob.path("scope").asString()).isEqualTo("crm.read");
        String payload = new String(
                Base64.getUrlDecoder()
                        .decode(bob.path("access_token").asString().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).path("scope").asString()).isEqualTo("crm.read");
        HttpResponse<String> none =
                authorize(inspectorLike(), "http://localhost:6274/oauth/callback", "crm.write", "bob");
        assertThat(none.headers().firstValue("Location").orElseThrow())
                .contains("error=invalid_scope")
                .doesNotContain("code=");
    }

    @Test
    void tokenAndRegisterWhenBrowserPreflightsThenAnyOriginMayCall() throws Exception {
        for (String path : new String[] {"/token", "/register", "/.well-known/oauth-authorization-server"}) {
            HttpResponse<String> preflight = HTTP.send(
                    HttpRequest.newBuilder(URI.create(login.issuer() + path))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", "http://localhost:6274")
                            .header("Access-Control-Request-Method", "POST")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .hasValue("*");
        }
    }
}
