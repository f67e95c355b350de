package dev.tokencontract.examples.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client ID Metadata Documents over real HTTP: a client whose client_id is the URL of its document signs a user
 * in without registering; a document that does not name itself, plain http without the test switch, and hosts on
 * internal addresses are refused (the last ones before any request leaves).
 */
class ClientMetadataDocumentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWO1test";
    private static final String CALLBACK = "http://127.0.0.1:33418/cb";
    private static final List<String> FETCHED = new CopyOnWriteArrayList<>();
    private static HttpServer documents;
    private static LegacyLogin testLogin;
    private static LegacyLogin defaultLogin;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        documents = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + documents.getAddress().getPort();
        serve(
                "/good.json",
                "{\"client_id\":\"" + base + "/good.json\",\"client_name\":\"Doc Client\",\"redirect_uris\":[\""
                        + CALLBACK + "\"]}");
        serve(
                "/impostor.json",
                "{\"client_id\":\"https://trusted.example.test/client.json\",\"redirect_uris\":[\"" + CALLBACK
                        + "\"]}");
        serve(
                "/secret.json",
                "{\"client_id\":\"" + base + "/secret.json\",\"redirect_uris\":[\"" + CALLBACK
                        + "\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}");
        documents.start();
        testLogin = LegacyLogin.start(
                LoginConfig.defaults().withPort(0).withLoopbackClientMetadata(true), Clock.systemUTC());
        defaultLogin = LegacyLogin.start(LoginConfig.defaults().withPort(0), Clock.systemUTC());
    }

    private static void serve(String path, String json) {
        documents.createContext(path, exchange -> {
            FETCHED.add(path);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stop() {
        testLogin.close();
        defaultLogin.close();
        documents.stop(0);
    }

    private static Map<String, String> request(String clientId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", CALLBACK);
        p.put("code_challenge", Pkce.challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        p.put("state", "s");
        p.put("resource", LoginConfig.DEFAULT_CRM_RESOURCE);
        return p;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> authorizePage(LegacyLogin login, String clientId) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(login.issuer() + "/authorize?" + form(request(clientId))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authorizeWhenClientIdIsItsDocumentUrlThenSignsInWithoutRegistering() throws Exception {
        String clientId = base + "/good.json";
        HttpResponse<String> page = authorizePage(testLogin, clientId);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<b>Doc Client</b>")
                .contains("you go to <b>127.0.0.1</b>")
                .contains("a program on this computer");
        Map<String, String> signIn = request(clientId);
        signIn.putAll(Map.of("username", "alice", "password", "alice-demo", "tenant", "acme"));
        HttpResponse<String> redirected =
                LegacyLoginTest.post(testLogin, "/authorize", "application/x-www-form-urlencoded", form(signIn));
        String location = redirected.headers().firstValue("Location").orElseThrow();
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> token = LegacyLoginTest.token(
                testLogin,
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
                        VERIFIER));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String payload = new String(
                Base64.getUrlDecoder()
                        .decode(JSON.readTree(token.body())
                                .path("access_token")
                                .asString()
                                .split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).path("client_id").asString()).isEqualTo(clientId);
    }

    @Test
    void authorizeWhenDocumentNamesAnotherClientOrIsConfidentialThenRefusedAsAPage() throws Exception {
        for (String path : List.of("/impostor.json", "/secret.json")) {
            HttpResponse<String> page = authorizePage(testLogin, base + path);
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Location")).isEmpty();
            assertThat(page.body()).containsAnyOf("is not its own URL", "only public clients");
        }
    }

    @Test
    void authorizeWhenHttpWithoutTheTestSwitchOrAnInternalHostThenRefusedBeforeAnyFetch() throws Exception {
        FETCHED.clear();
        assertThat(authorizePage(defaultLogin, base + "/good.json").body()).contains("must use https");
        for (String internal : List.of(
                "https://127.0.0.1:1/client.json",
                "https://localhost/client.json",
                "https://10.0.0.1/client.json",
                "https://192.168.1.1/client.json",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/client.json")) {
            HttpResponse<String> page = authorizePage(defaultLogin, internal);
            assertThat(page.statusCode()).as(internal).isEqualTo(400);
            assertThat(page.body()).as(internal).contains("internal address");
        }
        assertThat(authorizePage(defaultLogin, "https://client.example.test").body())
                .contains("needs a path");
        assertThat(FETCHED).as("no document was requested").isEmpty();
    }

    @Test
    void metadataWhenFetchedThenAdvertisesClientIdMetadataDocuments() throws Exception {
        String doc = HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(defaultLogin.issuer() + "/.well-known/oauth-authorization-server"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(JSON.readTree(doc)
                        .path("client_id_metadata_document_supported")
                        .asBoolean())
                .isTrue();
    }
}
