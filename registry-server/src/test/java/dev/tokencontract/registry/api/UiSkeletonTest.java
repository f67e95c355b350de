package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The frame every page shares: the redirect from /, the headers, static files, HTML error pages. */
class UiSkeletonTest {
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void rootWhenBrowserAsksThenRedirectsToThePages() {
        Registry.Response response = UiPages.get(registry, "/");
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/ui/contracts");
        assertThat(response.header("Vary")).isEqualTo("Accept");
    }

    @Test
    void rootWhenApiClientAsksThenAnswersJsonAsBefore() {
        for (String accept : new String[] {null, "*/*", "application/json", "application/json, text/html;q=0.5"}) {
            Registry.Response response = accept == null ? registry.get("/") : registry.get("/", "Accept", accept);
            assertThat(response.status()).as(accept).isEqualTo(200);
            assertThat(response.json().path("contracts").asString()).isEqualTo("/contracts");
        }
    }

    @Test
    void pageWhenRenderedThenLandmarksNavigationAndOnlySameOriginFiles() {
        Document page = UiPages.page(registry, "/ui/contracts", 200);
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("a.skip").attr("href")).isEqualTo("#main");
        assertThat(page.select("header nav[aria-label] a"))
                .extracting(e -> e.attr("href"))
                .containsExactly("/ui/contracts", "/ui/explain", "/ui/admin", "/ui/api");
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Contracts");
        assertThat(page.select("main#main h1").text()).isEqualTo("Contracts");
        assertThat(page.select("script"))
                .allSatisfy(s -> assertThat(s.attr("src")).startsWith("/ui/static/"));
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/ui/static/ui.css");
        UiPages.assertInert(page);
    }

    @Test
    void staticFileWhenKnownThenServedWithTypeAndHeaders() {
        Registry.Response css = registry.get("/ui/static/ui.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        UiPages.assertSecurityHeaders(css, "ui.css");
        Registry.Response js = registry.get("/ui/static/contracts.js");
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.body()).contains("addEventListener");
    }

    @Test
    void staticFileWhenUnknownOrTraversalThenHtml404() {
        for (String path : new String[] {
            "/ui/static/nope.js", "/ui/static/..%2Fopenapi.json", "/ui/static/UI.CSS", "/ui/static/ui.css.map"
        }) {
            Registry.Response response = UiPages.get(registry, path);
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("\"openapi\"");
        }
    }

    @Test
    void unknownPageWhenRequestedThenHtml404WithHeaders() {
        Document page = UiPages.page(registry, "/ui/no-such-page", 404);
        assertThat(page.select("main p.error").text()).contains("404");
        assertThat(page.select("main a[href=/ui/contracts]")).isNotEmpty();
        UiPages.assertInert(page);
    }

    @Test
    void uiRootWhenRequestedThenRedirectsToContracts() {
        assertThat(UiPages.get(registry, "/ui").header("Location")).isEqualTo("/ui/contracts");
        assertThat(UiPages.get(registry, "/ui/").status()).isEqualTo(303);
    }

    @Test
    void pagesWhenReadsNeedATokenThenHtml401AndNothingListed() {
        try (Registry guarded = Registry.start(Stores.fresh(), true)) {
            UiPages.assertStatus(guarded.publish(Contracts.of("identity.secret", "1.0.0")), 201);
            for (String path : new String[] {"/ui/contracts", "/ui/contracts/identity.secret", "/ui/admin"}) {
                Document page = UiPages.page(guarded, path, 401);
                assertThat(page.text()).as(path).doesNotContain("identity.secret");
            }
            UiPages.page(guarded, "/ui/api", 200); // the API description is public, as /openapi.json is
        }
    }

    @Test
    void apiRoutesWhenBrowserAsksThenStillJson() {
        Registry.Response response = UiPages.get(registry, "/contracts/nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
