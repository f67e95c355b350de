package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.AuditEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP details of issue 13 item 9, byte for byte over a socket: caching, headers, methods, media types. */
class HttpDetailsTest {
    private static final String VERSION = "/contracts/identity.crm/versions/1.0.0";
    private static Registry registry;
    private static int port;

    @BeforeAll
    static void start() {
        registry = Registry.start();
        port = registry.server.port();
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String code(RawHttp.Answer answer) {
        return Registry.JSON.readTree(answer.body()).path("code").asString();
    }

    @Test
    void exactVersionWhenStateChangesThenCachesRevalidateWithinFiveMinutesAnd304CarriesTheNewState() throws Exception {
        try (Registry own = Registry.start()) {
            own.publish(Contracts.of("identity.crm", "1.0.0"));
            RawHttp.Answer first = RawHttp.send(own.server.port(), "GET", VERSION);
            own.put(VERSION + "/state", "{\"state\": \"DEPRECATED\"}", Tokens.admin());

            RawHttp.Answer revalidated =
                    RawHttp.send(own.server.port(), "GET", VERSION, "If-None-Match: " + first.header("ETag"));

            assertThat(first.header("Cache-Control"))
                    .isEqualTo("public, max-age=300")
                    .doesNotContain("immutable");
            assertThat(first.header("Tokencontract-State")).isEqualTo("ACTIVE");
            assertThat(revalidated.status()).isEqualTo(304);
            assertThat(revalidated.header("Tokencontract-State")).isEqualTo("DEPRECATED");
            assertThat(revalidated.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(revalidated.header("Content-Type")).isNull();
            assertThat(revalidated.header("Content-Length")).isNull();
        }
    }

    @Test
    void requestsWhenTwoAuthorizationHeadersThen400AndThePublishAttemptIsAuditedWithItsName() throws Exception {
        String bearer = "Authorization: Bearer " + Tokens.admin();
        String body = Contracts.of("identity.crm", "1.0.1");

        RawHttp.Answer publish = RawHttp.send(
                port,
                "POST",
                "/contracts/identity.crm/versions",
                bearer,
                "Authorization: Bearer x",
                "Content-Length: " + body.length(),
                "",
                body);
        RawHttp.Answer read = RawHttp.send(port, "GET", VERSION, bearer, bearer);
        RawHttp.Answer audit = RawHttp.send(port, "GET", "/audit", bearer, bearer);

        assertThat(publish.status()).isEqualTo(400);
        assertThat(Registry.JSON.readTree(publish.body()).path("detail").asString())
                .isEqualTo("send one Authorization header, not 2");
        assertThat(read.status()).isEqualTo(400);
        assertThat(audit.status()).isEqualTo(400);
        AuditEntry entry = registry.store.audit(1).get(0);
        assertThat(entry.result()).isEqualTo("400 bad-request");
        assertThat(entry.name()).isEqualTo("identity.crm");
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
    }

    @Test
    void publishWhenTokenMissingOrForgedThen401AuditedWithTheTargetContractName() {
        registry.post("/contracts/identity.crm/versions", Contracts.of("identity.crm", "1.0.2"), null);
        AuditEntry missing = registry.store.audit(1).get(0);
        registry.post(
                "/contracts/identity.crm/versions", Contracts.of("identity.crm", "1.0.2"), Tokens.forgedSignature());
        AuditEntry forged = registry.store.audit(1).get(0);

        assertThat(missing.result()).isEqualTo("401 token-missing");
        assertThat(missing.name()).isEqualTo("identity.crm");
        assertThat(missing.subject()).isEqualTo("anonymous");
        assertThat(forged.result()).isEqualTo("401 token-invalid");
        assertThat(forged.name()).isEqualTo("identity.crm");
        assertThat(forged.subject()).isEqualTo("invalid-token");
    }

    @Test
    void headWhenAGetRouteExistsThenItsHandlerRunsAndElsewhereNot200() throws Exception {
        RawHttp.Answer version = RawHttp.send(port, "HEAD", VERSION);
        RawHttp.Answer missing = RawHttp.send(port, "HEAD", "/contracts/identity.crm/versions/9.9.9");
        RawHttp.Answer audit = RawHttp.send(port, "HEAD", "/audit");
        RawHttp.Answer noRoute = RawHttp.send(port, "HEAD", "/nope");
        RawHttp.Answer postOnly = RawHttp.send(port, "HEAD", "/contracts/identity.crm/compatibility");

        assertThat(version.status()).isEqualTo(200);
        assertThat(version.header("ETag")).isEqualTo(registry.get(VERSION).header("ETag"));
        assertThat(version.header("Content-Type")).isEqualTo("application/json");
        assertThat(version.body()).isEmpty();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(audit.status()).isEqualTo(401);
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(postOnly.status()).isEqualTo(405);
        assertThat(postOnly.header("Allow")).isEqualTo("POST");
    }

    @Test
    void methodNotAllowedThen405WithAllowListingTheRoutesMethods() throws Exception {
        RawHttp.Answer put = RawHttp.send(port, "PUT", "/contracts", "Content-Length: 0");
        RawHttp.Answer delete = RawHttp.send(port, "DELETE", VERSION);
        RawHttp.Answer patch = RawHttp.send(port, "PATCH", "/contracts/identity.crm/config", "Content-Length: 0");

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("GET, HEAD, PUT");
    }

    @Test
    void contractBodiesWhenSentAsTextFormOrGzipThen415AndNothingStored() throws Exception {
        String body = Contracts.of("identity.crm", "1.0.3");
        String bearer = "Authorization: Bearer " + Tokens.admin();
        String path = "/contracts/identity.crm/versions";

        RawHttp.Answer text = RawHttp.send(
                port, "POST", path, bearer, "Content-Type: text/plain", "Content-Length: " + body.length(), "", body);
        RawHttp.Answer form = RawHttp.send(
                port,
                "POST",
                "/contracts/identity.crm/compatibility",
                "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: " + body.length(),
                "",
                body);
        RawHttp.Answer gzip = Gzip.send(port, path, bearer, body);
        RawHttp.Answer json = RawHttp.send(
                port,
                "POST",
                "/contracts/identity.crm/compatibility",
                "Content-Type: application/json; charset=utf-8",
                "Content-Length: " + body.length(),
                "",
                body);

        assertThat(text.status()).isEqualTo(415);
        assertThat(code(text)).isEqualTo("unsupported-media-type");
        assertThat(form.status()).isEqualTo(415);
        assertThat(gzip.status()).isEqualTo(415);
        assertThat(gzip.header("Accept-Encoding")).isEqualTo("identity");
        assertThat(json.status()).isEqualTo(200);
        assertThat(registry.store.versions("identity.crm")).hasSize(1);
    }

    /** A POST whose body is gzip-compressed and labelled {@code Content-Encoding: gzip}. */
    private static final class Gzip {
        static RawHttp.Answer send(int port, String path, String bearer, String body) throws Exception {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            String latin1 = packed.toString(StandardCharsets.ISO_8859_1); // RawHttp writes ISO-8859-1: bytes survive
            return RawHttp.send(
                    port,
                    "POST",
                    path,
                    bearer,
                    "Content-Type: application/json",
                    "Content-Encoding: gzip",
                    "Content-Length: " + packed.size(),
                    "",
                    latin1);
        }
    }
}
