package dev.tokencontract.examples.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization code flow with PKCE S256 and Dynamic Client Registration, over real HTTP on port 0 with a
 * client that never follows redirects: what an MCP client does against the login.
 */
class AuthorizationCodeFlowTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CRM = LoginConfig.DEFAULT_CRM_RESOURCE;
    private static final String CALLBACK = "http://127.0.0.1:33418/callback";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MovableClock CLOCK = new MovableClock();
    private static LegacyLogin login;
    private static String clientId;

    /** A clock the test moves forward to expire codes. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(i -> i.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        login = LegacyLogin.start(LoginConfig.defaults().withPort(0), CLOCK);
        HttpResponse<String> registered = register("{\"client_name\":\"Test MCP client\",\"redirect_uris\":[\""
                + CALLBACK + "\"],\"token_endpoint_auth_method\":\"none\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        clientId = JSON.readTree(registered.body()).path("client_id").asString();
    }

    @AfterAll
    static void stop() {
        login.close();
    }

    private static HttpResponse<String> register(String body) throws Exception {
        return register("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> register(String contentType, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(login.issuer() + "/register"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> request(String verifier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", CALLBACK);
        p.put("code_challenge", Pkce.challenge(verifier));
        p.put("code_challenge_method", "S256");
        p.put("state", "st<a>te-42");
        p.put("resource", CRM);
        return p;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> authorizeGet(Map<String, String> params) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(login.issuer() + "/authorize?" + form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> authorizePost(
            Map<String, String> params, String user, String password, String tenant) throws Exception {
        Map<String, String> body = new LinkedHashMap<>(params);
        body.put("username", user);
        body.put("password", password);
        body.put("tenant", tenant);
        return LegacyLoginTest.post(login, "/authorize", "application/x-www-form-urlencoded", form(body));
    }

    /** The query parameters of the 302's Location, after checking it goes to the callback. */
    private static Map<String, String> redirectedTo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String code(String verifier, String user, String tenant) throws Exception {
        Map<String, String> query = redirectedTo(authorizePost(request(verifier), user, user + "-demo", tenant));
        assertThat(query).containsEntry("state", "st<a>te-42").doesNotContainKey("error");
        return query.get("code");
    }

    private static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return LegacyLoginTest.token(
                login,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        CALLBACK,
                        "client_id",
                        clientId,
                        "code_verifier",
                        verifier));
    }

    private static void assertGrantError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 401);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo(error);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void codeFlowWhenVerifierMatchesThenTokenTheCrmsContractAccepts() throws Exception {
        String verifier = verifier();
        HttpResponse<String> page = authorizeGet(request(verifier));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "ACME Single Sign-On",
                        "action=\"/authorize\"",
                        "<select name=\"tenant\">",
                        "name=\"code_challenge\" value=\"" + Pkce.challenge(verifier) + "\"",
                        "value=\"st&lt;a&gt;te-42\"");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> response = exchange(code(verifier, "alice", "globex"), verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).path("access_token").asString();
        ValidationReport report = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(KeySource.jwksUrl(URI.create(login.issuer() + "/jwks.json")))
                .expectIssuer(login.issuer())
                .expectAudience(CRM)
                .build()
                .validate(token);
        assertThat(report.accepted()).as(report.findings().toString()).isTrue();
        JsonNode claims = report.validated().orElseThrow().claims();
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.path("tenant_id").asString()).isEqualTo("globex");
        assertThat(claims.path("client_id").asString()).isEqualTo(clientId);
        assertThat(claims.path("roles").toString()).isEqualTo("[\"support\"]");
    }

    @Test
    void codeWhenWrongVerifierOrReusedOrOtherRedirectThenInvalidGrant() throws Exception {
        String verifier = verifier();
        String code = code(verifier, "bob", "acme");
        assertGrantError(exchange(code, verifier()), "invalid_grant");
        assertGrantError(exchange(code, verifier), "invalid_grant"); // a failed try used it up

        String reused = code(verifier, "bob", "acme");
        assertThat(exchange(reused, verifier).statusCode()).isEqualTo(200);
        assertGrantError(exchange(reused, verifier), "invalid_grant");

        String other = code(verifier, "bob", "acme");
        assertGrantError(
                LegacyLoginTest.token(
                        login,
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                other,
                                "redirect_uri",
                                "http://127.0.0.1:33418/other",
                                "client_id",
                                clientId,
                                "code_verifier",
                                verifier)),
                "invalid_grant");
        assertGrantError(
                LegacyLoginTest.token(
                        login,
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                "made-up",
                                "redirect_uri",
                                CALLBACK,
                                "client_id",
                                "dcr-unknown",
                                "code_verifier",
                                verifier)),
                "invalid_client");
        assertGrantError(exchange("made-up", "short"), "invalid_grant");
    }

    @Test
    void codeWhenOlderThanSixtySecondsThenInvalidGrant() throws Exception {
        String verifier = verifier();
        String code = code(verifier, "hana", "acme");
        CLOCK.advance(Duration.ofSeconds(61));
        assertGrantError(exchange(code, verifier), "invalid_grant");
    }

    @Test
    void authorizeWhenPkceMissingOrPlainThenErrorRedirectWithoutCode() throws Exception {
        String verifier = verifier();
        Map<String, String> plain = request(verifier);
        plain.put("code_challenge_method", "plain");
        Map<String, String> missing = request(verifier);
        missing.remove("code_challenge");
        missing.remove("code_challenge_method");
        Map<String, String> noMethod = request(verifier);
        noMethod.remove("code_challenge_method");
        Map<String, String> implicit = request(verifier);
        implicit.put("response_type", "token");
        Map<String, String> resource = request(verifier);
        resource.put("resource", "https://evil.example.test/mcp");
        Map<Map<String, String>, String> expected = Map.of(
                plain,
                "invalid_request",
                missing,
                "invalid_request",
                noMethod,
                "invalid_request",
                implicit,
                "unsupported_response_type",
                resource,
                "invalid_target");
        for (Map.Entry<Map<String, String>, String> entry : expected.entrySet()) {
            for (HttpResponse<String> response : new HttpResponse[] {
                authorizeGet(entry.getKey()), authorizePost(entry.getKey(), "alice", "alice-demo", "acme")
            }) {
                Map<String, String> query = redirectedTo(response);
                assertThat(query)
                        .containsEntry("error", entry.getValue())
                        .containsEntry("state", "st<a>te-42")
                        .doesNotContainKey("code");
            }
        }
    }

    @Test
    void authorizeWhenClientOrRedirectUriNotRegisteredThenPageNeverRedirect() throws Exception {
        Map<String, String> evil = request(verifier());
        evil.put("redirect_uri", "https://evil.example.test/steal");
        Map<String, String> unknownClient = request(verifier());
        unknownClient.put("client_id", "dcr-nobody");
        Map<String, String> noRedirect = request(verifier());
        noRedirect.remove("redirect_uri");
        for (Map<String, String> params : java.util.List.of(evil, unknownClient, noRedirect)) {
            for (HttpResponse<String> response :
                    new HttpResponse[] {authorizeGet(params), authorizePost(params, "alice", "alice-demo", "acme")}) {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.headers().firstValue("Location")).isEmpty();
                assertThat(response.body()).contains("cannot be served").doesNotContain("evil.example.test/steal?");
            }
        }
    }

    @Test
    void authorizeWhenPasswordWrongThenFormAgainAndNoCode() throws Exception {
        HttpResponse<String> wrong = authorizePost(request(verifier()), "alice", "wrong", "acme");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Sign-in failed", "action=\"/authorize\"");
        HttpResponse<String> tenant = authorizePost(request(verifier()), "bob", "bob-demo", "globex");
        assertThat(tenant.statusCode()).isEqualTo(401);
        assertThat(tenant.body()).contains("not a member of that tenant");
    }

    @Test
    void registerWhenAuthMethodOmittedThenClientSecretBasicWithASecretAsRfc7591Says() throws Exception {
        HttpResponse<String> response = register("{\"redirect_uris\":[\"https://app.example.test/cb\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        assertThat(client.path("token_endpoint_auth_method").asString()).isEqualTo("client_secret_basic");
        assertThat(client.path("client_secret").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.path("grant_types").toString()).isEqualTo("[\"authorization_code\"]");
    }

    @Test
    void registerWhenValidThenPublicClientWithItsRedirectUris() throws Exception {
        HttpResponse<String> response =
                register("{\"redirect_uris\":[\"https://app.example.test/cb\",\"http://localhost:8080/cb\"],"
                        + "\"token_endpoint_auth_method\":\"none\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        assertThat(client.path("client_id").asString()).startsWith("dcr-").isNotEqualTo(clientId);
        assertThat(client.path("token_endpoint_auth_method").asString()).isEqualTo("none");
        assertThat(client.path("redirect_uris").toString())
                .isEqualTo("[\"https://app.example.test/cb\",\"http://localhost:8080/cb\"]");
        assertThat(client.has("client_secret")).isFalse();
    }

    @Test
    void registerWhenBodyHostileThenRefusedAndNothingRegistered() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not json", "invalid_client_metadata");
        bodies.put("[\"https://a.example.test/cb\"]", "invalid_client_metadata");
        bodies.put("{}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":\"https://a.example.test/cb\"}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[\"javascript:alert(1)\"]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[\"http://app.example.test/cb\"]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[\"https://a.example.test/cb#frag\"]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[\"https://user:pw@a.example.test/cb\"]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[\"https://a.example.test/" + "x".repeat(600) + "\"]}", "invalid_redirect_uri");
        bodies.put("{\"redirect_uris\":[1]}", "invalid_redirect_uri");
        bodies.put(
                "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"client_name\":\"" + "n".repeat(101) + "\"}",
                "invalid_client_metadata");
        bodies.put(
                "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "invalid_client_metadata");
        bodies.put(
                "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"grant_types\":[\"refresh_token\"]}",
                "invalid_client_metadata");
        bodies.put(
                "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"grant_types\":[\"authorization_code\",\"client_credentials\"]}",
                "invalid_client_metadata");
        bodies.put(
                "{\"redirect_uris\":[\"https://a.example.test/cb\"],\"grant_types\":[\"password\"]}",
                "invalid_client_metadata");
        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            HttpResponse<String> response = register(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asString())
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(response.body()).doesNotContain("client_id");
        }
        assertThat(register(
                                "text/plain",
                                "{\"redirect_uris\":[\"https://a.example.test/cb\"]}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> huge =
                register("{\"redirect_uris\":[\"https://a.example.test/cb\"],\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).doesNotContain("client_id");
        // a javascript: URI that never registered cannot be used to authorize either
        Map<String, String> js = request(verifier());
        js.put("redirect_uri", "javascript:alert(1)");
        assertThat(authorizeGet(js).statusCode()).isEqualTo(400);
    }
}
