package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.store.ContractStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin and API pages, labels and landmarks on every page, and that no page writes: the store is wrapped in
 * a recorder of write calls, and every page is fetched after setup.
 */
class UiAdminAndApiPagesTest {
    private static final Set<String> WRITES = Set.of("publish", "setMode", "setState", "appendAudit");
    private static final List<String> writes = new CopyOnWriteArrayList<>();
    private static Registry registry;

    @BeforeAll
    static void start() {
        ContractStore real = Stores.fresh();
        ContractStore recording = (ContractStore) Proxy.newProxyInstance(
                ContractStore.class.getClassLoader(), new Class<?>[] {ContractStore.class}, (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        registry = Registry.start(recording, false);
        UiPages.assertStatus(registry.publish(Contracts.of("identity.crm", "1.0.0")), 201);
        UiPages.assertStatus(registry.publish(Contracts.described("identity.crm", "1.0.1", "described")), 201);
        UiPages.assertStatus(registry.publish(Contracts.of("billing.api", "1.0.0")), 201);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static List<String> pages() {
        return List.of(
                "/ui/contracts",
                "/ui/contracts?q=crm",
                "/ui/contracts/identity.crm",
                "/ui/contracts/identity.crm?version=1.0.0",
                "/ui/contracts/identity.crm/compare",
                "/ui/contracts/identity.crm/compare?from=1.0.0&to=1.0.1",
                "/ui/admin",
                "/ui/api",
                "/ui/contracts/no.such",
                "/ui/nothing-here");
    }

    @Test
    void everyPageWhenFetchedThenNoStoreWrite() {
        writes.clear();
        for (String path : pages()) {
            UiPages.get(registry, path);
            UiPages.get(registry, path);
        }
        assertThat(writes).isEmpty();
    }

    @Test
    void everyPageWhenFetchedThenHeadersLandmarksLabelsAndNoInlineCode() {
        for (String path : pages()) {
            int status = path.contains("no.such") || path.contains("nothing-here") ? 404 : 200;
            Document page = UiPages.page(registry, path, status);
            assertThat(page.select("main#main")).as(path).hasSize(1);
            assertThat(page.select("nav[aria-label]")).as(path).isNotEmpty();
            assertThat(page.select("h1")).as(path).hasSize(1);
            for (Element field : page.select("input, select, textarea")) {
                assertThat(page.select("label[for=" + field.id() + "]"))
                        .as("%s: label for #%s", path, field.id())
                        .hasSize(1);
            }
            page.select("[aria-labelledby], [aria-describedby]").forEach(e -> {
                for (String attr : List.of("aria-labelledby", "aria-describedby")) {
                    if (e.hasAttr(attr)) {
                        assertThat(page.getElementById(e.attr(attr)))
                                .as("%s: #%s", path, e.attr(attr))
                                .isNotNull();
                    }
                }
            });
            UiPages.assertInert(page);
        }
    }

    @Test
    void everyPageWhenWeighedWithItsScriptsAndStylesThenUnder200KB() {
        for (String path : pages()) {
            Registry.Response response = UiPages.get(registry, path);
            Document page = org.jsoup.Jsoup.parse(response.body(), registry.server.url());
            long bytes = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            List<String> assets = new ArrayList<>(page.select("script[src]").eachAttr("src"));
            assets.addAll(page.select("link[rel=stylesheet]").eachAttr("href"));
            for (String asset : assets) {
                bytes += registry.get(asset).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            assertThat(bytes).as(path).isLessThan(200 * 1024);
        }
    }

    @Test
    void adminPageWhenRenderedThenTokenFieldIsAPasswordWithoutNameAndScriptIsAFile() {
        Document page = UiPages.page(registry, "/ui/admin", 200);
        Element token = page.getElementById("admin-token");
        assertThat(token.attr("type")).isEqualTo("password");
        assertThat(token.hasAttr("name"))
                .as("a field without a name is never submitted in a URL")
                .isFalse();
        assertThat(page.select("input[name], select[name]")).isEmpty();
        assertThat(page.select("script[src=/ui/static/admin.js]")).hasSize(1);
        assertThat(page.select("#mode-contract option").eachAttr("value"))
                .containsExactly("billing.api", "identity.crm");
        assertThat(page.select("#mode-value option").eachAttr("value")).contains("NONE", "FULL_TRANSITIVE");
        String script = registry.get("/ui/static/admin.js").body();
        assertThat(script).contains("sessionStorage").doesNotContain("localStorage", "document.cookie", "innerHTML");
    }

    @Test
    void adminApiWhenTokenWrongOrMissingThenTheProblemTheAdminScriptShows() {
        Registry.Response missing = registry.get("/audit?limit=5");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("detail").asString()).isNotBlank();
        Registry.Response reader = registry.get("/audit?limit=5", "Authorization", "Bearer " + Tokens.reader());
        assertThat(reader.status()).isEqualTo(403);
        Registry.Response admin = registry.get("/audit?limit=5", "Authorization", "Bearer " + Tokens.admin());
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().path("entries").size()).isGreaterThan(0);
    }

    @Test
    void apiPageWhenRenderedThenEveryOperationOfTheOpenApiDocumentHasASection() {
        Document page = UiPages.page(registry, "/ui/api", 200);
        JsonNode api = registry.get("/openapi.json").json();
        List<String> expected = new ArrayList<>();
        api.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> expected.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(page.select("section.operation h2 code").eachText()).containsExactlyElementsOf(expected);
        Element publish = page.select("section.operation").stream()
                .filter(s -> s.selectFirst("h2").text().equals("POST /contracts/{name}/versions"))
                .findFirst()
                .orElseThrow();
        assertThat(publish.select("table caption").eachText()).contains("Responses");
        assertThat(publish.text()).contains("201", "409");
        assertThat(page.select("details summary").eachText()).contains("Problem");
        assertThat(page.select("nav[aria-label=Operations] a")).hasSize(expected.size());
    }
}
