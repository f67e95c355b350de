package dev.tokencontract.examples.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The legacy login as a real server on port 0: tokens that keep the contract, drifts that break it, hostile requests. */
class LegacyLoginTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CRM = "http://localhost:9090/mcp";
    private static LegacyLogin login;

    @BeforeAll
    static void start() {
        login = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        login.close();
    }

    static HttpResponse<String> post(
            LegacyLogin server, String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.issuer() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> token(LegacyLogin server, Map<String, String> form, String... headers)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(server, "/token", "application/x-www-form-urlencoded", body, headers);
    }

    static Map<String, String> password(String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "crm-agent");
        form.put("username", user);
        form.put("password", password);
        return form;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String accessToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static ValidationReport judge(LegacyLogin server, String token) throws Exception {
        TokenValidator validator = TokenValidator.builder()
                .contract(Contracts.load("mcp-access-token@1"))
                .keys(KeySource.jwksUrl(URI.create(server.issuer() + "/jwks.json")))
                .expectIssuer(server.issuer())
                .expectAudience(CRM)
                .build();
        return validator.validate(token);
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo(error);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void passwordGrantWhenNoDriftThenTokenKeepsTheContract() throws Exception {
        String token = accessToken(token(login, password("alice", "alice-demo")));
        ValidationReport report = judge(login, token);
        assertThat(report.accepted()).as(report.findings().toString()).isTrue();
        JsonNode claims = report.validated().orElseThrow().claims();
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.path("tenant_id").asString()).isEqualTo("acme");
        assertThat(claims.path("roles").toString()).isEqualTo("[\"support\"]");
        assertThat(claims.path("scope").asString()).isEqualTo("crm.read crm.write");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @ParameterizedTest
    @EnumSource(Drift.class)
    void passwordGrantWhenDriftOnThenValidatorNamesTheDrift(Drift drift) throws Exception {
        Map<Drift, FindingCode> expected = Map.of(
                Drift.OPAQUE,
                FindingCode.TOKEN_OPAQUE,
                Drift.TENANT_RENAMED,
                FindingCode.CLAIM_MISSING,
                Drift.ROLES_STRING,
                FindingCode.CLAIM_TYPE_MISMATCH,
                Drift.AUD_MISSING,
                FindingCode.AUD_MISSING,
                Drift.LONG_LIVED,
                FindingCode.LIFETIME_TOO_LONG);
        try (LegacyLogin drifting = LegacyLogin.start(
                LoginConfig.defaults().withPort(0).withDrifts(EnumSet.of(drift)), Clock.systemUTC())) {
            ValidationReport report = judge(drifting, accessToken(token(drifting, password("alice", "alice-demo"))));
            assertThat(report.accepted()).isFalse();
            // the drift's own finding comes first; a missing aud is also a missing required claim
            assertThat(report.errors()).extracting(f -> f.code()).first().isEqualTo(expected.get(drift));
            assertThat(report.errors())
                    .extracting(f -> f.code())
                    .isSubsetOf(expected.get(drift), FindingCode.CLAIM_MISSING);
        }
    }

    @Test
    void mintForWhenAnyUserThenSameContractAsTheTokenEndpointAndSameDrifts() throws Exception {
        ValidationReport report = judge(
                login, login.mintFor("zoe", "globex", java.util.List.of("auditor"), java.util.List.of("crm.read")));
        assertThat(report.accepted()).as(report.findings().toString()).isTrue();
        assertThat(report.validated().orElseThrow().subject()).isEqualTo("zoe");
        try (LegacyLogin drifting = LegacyLogin.start(
                LoginConfig.defaults().withPort(0).withDrifts(EnumSet.of(Drift.ROLES_STRING)), Clock.systemUTC())) {
            ValidationReport drifted = judge(
                    drifting, drifting.mintFor("zoe", "globex", java.util.List.of("auditor"), java.util.List.of()));
            assertThat(drifted.errors()).extracting(f -> f.code()).containsExactly(FindingCode.CLAIM_TYPE_MISMATCH);
        }
    }

    @Test
    void discoveryWhenFetchedThenNamesIssuerTokenEndpointAndJwksAndNoOpenIdDocument() throws Exception {
        HttpResponse<String> oidc = HTTP.send(
                HttpRequest.newBuilder(URI.create(login.issuer() + "/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oidc.statusCode())
                .as("not an OpenID provider: no ID tokens, no openid scope")
                .isEqualTo(404);
        for (String path : new String[] {"/.well-known/oauth-authorization-server"}) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(login.issuer() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode doc = JSON.readTree(response.body());
            assertThat(doc.path("issuer").asString()).isEqualTo(login.issuer());
            assertThat(doc.path("token_endpoint").asString()).isEqualTo(login.issuer() + "/token");
            assertThat(doc.path("jwks_uri").asString()).isEqualTo(login.issuer() + "/jwks.json");
            assertThat(doc.path("authorization_endpoint").asString()).isEqualTo(login.issuer() + "/authorize");
            assertThat(doc.path("registration_endpoint").asString()).isEqualTo(login.issuer() + "/register");
            assertThat(doc.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
            assertThat(doc.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
            assertThat(doc.path("grant_types_supported").toString())
                    .isEqualTo("[\"authorization_code\",\"refresh_token\",\"password\","
                            + "\"urn:ietf:params:oauth:grant-type:token-exchange\",\"client_credentials\"]");
            assertThat(doc.path("token_endpoint_auth_methods_supported").toString())
                    .isEqualTo("[\"none\",\"client_secret_basic\",\"client_secret_post\"]");
            assertThat(doc.path("scopes_supported").toString()).isEqualTo("[\"crm.read\",\"crm.write\"]");
            assertThat(doc.has("id_token_signing_alg_values_supported")).isFalse();
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");
        }
        String jwks = HTTP.send(
                        HttpRequest.newBuilder(URI.create(login.issuer() + "/jwks.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(JSON.readTree(jwks).path("keys").get(0).has("d"))
                .as("no private key in the JWKS")
                .isFalse();
    }

    @Test
    void tokenExchangeWhenHubPresentsUserTokenThenDelegatedTokenKeepsUserAndAddsAct() throws Exception {
        Map<String, String> form = password("alice", "alice-demo");
        form.put("resource", LoginConfig.DEFAULT_HUB_RESOURCE);
        String userToken = accessToken(token(login, form));
        String delegated = accessToken(token(
                login,
                Map.of(
                        "grant_type",
                        TokenEndpoint.TOKEN_EXCHANGE,
                        "subject_token",
                        userToken,
                        "subject_token_type",
                        TokenEndpoint.ACCESS_TOKEN_TYPE,
                        "resource",
                        CRM,
                        "client_id",
                        "hub",
                        "client_secret",
                        LoginConfig.DEMO_HUB_SECRET)));
        JsonNode claims = judge(login, delegated).validated().orElseThrow().claims();
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.path("act").toString()).isEqualTo("{\"sub\":\"hub\"}");
        assertThat(claims.path("client_id").asString()).isEqualTo("hub");
    }

    @Test
    void tokenExchangeWhenSubjectTokenWasNotIssuedToTheHubThenInvalidGrant() throws Exception {
        String crmToken = accessToken(token(login, password("alice", "alice-demo")));
        assertError(
                token(
                        login,
                        Map.of(
                                "grant_type",
                                TokenEndpoint.TOKEN_EXCHANGE,
                                "subject_token",
                                crmToken,
                                "subject_token_type",
                                TokenEndpoint.ACCESS_TOKEN_TYPE,
                                "client_id",
                                "hub",
                                "client_secret",
                                LoginConfig.DEMO_HUB_SECRET)),
                400,
                "invalid_grant");
    }

    @Test
    void tokenExchangeWhenClientSecretWrongOrMissingThenInvalidClient() throws Exception {
        Map<String, String> form = Map.of(
                "grant_type",
                TokenEndpoint.TOKEN_EXCHANGE,
                "subject_token",
                "x.y.z",
                "subject_token_type",
                TokenEndpoint.ACCESS_TOKEN_TYPE);
        assertError(token(login, form), 401, "invalid_client");
        assertError(
                token(
                        login,
                        form,
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("hub:wrong".getBytes())),
                401,
                "invalid_client");
        assertError(token(login, form, "Authorization", "Basic !!!not-base64"), 401, "invalid_client");
    }

    @Test
    void tokenExchangeWhenSubjectTokenIsGarbageThenInvalidGrant() throws Exception {
        for (String garbage :
                new String[] {"x.y.z", "not a token", "a".repeat(16_000), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."
                }) {
            assertError(
                    token(
                            login,
                            Map.of(
                                    "grant_type",
                                    TokenEndpoint.TOKEN_EXCHANGE,
                                    "subject_token",
                                    garbage,
                                    "subject_token_type",
                                    TokenEndpoint.ACCESS_TOKEN_TYPE,
                                    "client_id",
                                    "hub",
                                    "client_secret",
                                    LoginConfig.DEMO_HUB_SECRET)),
                    400,
                    "invalid_grant");
        }
    }

    @Test
    void clientCredentialsWhenHubAsksThenSharedBotIdentity() throws Exception {
        String bot = accessToken(token(
                login,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "hub",
                        "client_secret",
                        LoginConfig.DEMO_HUB_SECRET)));
        assertThat(judge(login, bot).validated().orElseThrow().subject()).isEqualTo("svc-crm-bot");
        assertError(
                token(login, Map.of("grant_type", "client_credentials", "client_id", "crm-agent")),
                401,
                "invalid_client");
    }

    @Test
    void passwordGrantWhenUserHasOnlySomeRequestedScopesThenGrantsThoseAndSaysSo() throws Exception {
        Map<String, String> form = password("bob", "bob-demo");
        form.put("scope", "crm.read crm.write");
        HttpResponse<String> response = token(login, form);
        assertThat(JSON.readTree(response.body()).path("scope").asString()).isEqualTo("crm.read");
        assertThat(judge(login, accessToken(response))
                        .validated()
                        .orElseThrow()
                        .claims()
                        .path("scope")
                        .asString())
                .isEqualTo("crm.read");
    }

    @Test
    void passwordGrantWhenCredentialsOrRequestWrongThenOAuthErrors() throws Exception {
        assertError(token(login, password("alice", "wrong")), 400, "invalid_grant");
        assertError(token(login, password("mallory", "mallory-demo")), 400, "invalid_grant");
        Map<String, String> tenant = password("bob", "bob-demo");
        tenant.put("tenant", "globex");
        assertError(token(login, tenant), 400, "invalid_grant");
        Map<String, String> resource = password("alice", "alice-demo");
        resource.put("resource", "https://evil.example.test/mcp");
        assertError(token(login, resource), 400, "invalid_target");
        Map<String, String> scope = password("bob", "bob-demo");
        scope.put("scope", "crm.write");
        assertError(token(login, scope), 400, "invalid_scope"); // none of what was asked for
        Map<String, String> client = password("alice", "alice-demo");
        client.put("client_id", "someone-else");
        assertError(token(login, client), 401, "invalid_client");
    }

    @Test
    void tokenEndpointWhenMalformedRequestThenInvalidRequestAndNoToken() throws Exception {
        assertError(token(login, Map.of()), 400, "invalid_request");
        assertError(token(login, Map.of("grant_type", "implicit")), 400, "unsupported_grant_type");
        assertError(token(login, Map.of("grant_type", "authorization_code")), 400, "invalid_request");
        assertError(post(login, "/token", "application/json", "{\"grant_type\":\"password\"}"), 400, "invalid_request");
        assertError(
                post(
                        login,
                        "/token",
                        "application/x-www-form-urlencoded",
                        "grant_type=password&grant_type=client_credentials&client_id=crm-agent"),
                400,
                "invalid_request");
        assertError(
                post(
                        login,
                        "/token?password=alice-demo",
                        "application/x-www-form-urlencoded",
                        "grant_type=password&client_id=crm-agent&username=alice"),
                400,
                "invalid_request");
        assertError(
                post(login, "/token", "application/x-www-form-urlencoded", "grant_type=%ZZ&&&==="),
                400,
                "invalid_request");
    }

    @Test
    void tokenEndpointWhenBodyHugeThenRefused() throws Exception {
        HttpResponse<String> response = post(
                login, "/token", "application/x-www-form-urlencoded", "grant_type=password&pad=" + "x".repeat(200_000));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void loginFormWhenSignedInThenShowsUserAndClaimsAndEscapesInput() throws Exception {
        HttpResponse<String> ok = post(
                login,
                "/login",
                "application/x-www-form-urlencoded",
                "username=alice&password=alice-demo&tenant=globex");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body())
                .contains("Signed in as <b>Alice Example</b> in tenant <b>globex</b>")
                .contains("&quot;tenant_id&quot; : &quot;globex&quot;");
        // the page carries a bearer token: no cache may keep it (RFC 6749 section 5.1 asks the same of /token)
        assertThat(ok.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> bad = post(
                login,
                "/login",
                "application/x-www-form-urlencoded",
                "username=%3Cscript%3E&password=x&tenant=%3Cb%3E");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).doesNotContain("<script>").contains("Sign-in failed");
    }

    @Test
    void configWhenArgumentsBadThenClearErrors() {
        assertThatThrownBy(() -> LoginConfig.parse(new String[] {"--port", "x"}, Map.of()))
                .hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> LoginConfig.parse(new String[] {"--drift", "opaque,typo"}, Map.of()))
                .hasMessageContaining("unknown drift 'typo'");
        assertThatThrownBy(() -> LoginConfig.parse(new String[] {"--port"}, Map.of()))
                .hasMessageContaining("missing value after --port");
        assertThat(LoginConfig.parse(new String[0], Map.of("LEGACY_LOGIN_DRIFT", "roles-string, aud-missing"))
                        .drifts())
                .isEqualTo(Set.of(Drift.ROLES_STRING, Drift.AUD_MISSING));
    }
}
