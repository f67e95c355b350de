package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contract whose description, enum values, claim name, operation and $id carry markup and javascript: URLs: every
 * page shows them as text, and nothing in the HTML could run.
 */
class UiHostileContentTest {
    private static final String SCRIPT = "<script>alert('tc')</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String JS_URL = "javascript:alert(document.domain)";
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
        UiPages.assertStatus(registry.publish(hostile("1.0.0", "reader")), 201);
        UiPages.assertStatus(
                registry.put("/contracts/identity.evil/config", "{\"mode\":\"NONE\"}", Tokens.admin()), 200);
        UiPages.assertStatus(
                registry.post(
                        "/contracts/identity.evil/versions?acknowledge=authorization-widening",
                        hostile("1.1.0", IMG),
                        Tokens.admin()),
                201);
    }

    private static String hostile(String version, String extraRole) {
        ObjectNode node = Contracts.node("identity.evil", version);
        node.put("description", SCRIPT + " \"quoted\" & " + IMG);
        ((ObjectNode) node.path("x-contract")).put("owner", IMG);
        ((ObjectNode) node.path("x-contract")).put("description", SCRIPT);
        ObjectNode roles = (ObjectNode) node.path("properties").path("roles");
        roles.put("description", JS_URL + " " + SCRIPT);
        ((tools.jackson.databind.node.ArrayNode) roles.path("items").path("enum"))
                .add(SCRIPT)
                .add(JS_URL)
                .add(extraRole);
        ((ObjectNode) node.path("properties"))
                .putObject("x\"><svg onload=alert(1)>")
                .put("type", "string")
                .put("pattern", "^<script>$");
        ((ObjectNode) node.path("properties")).putObject("scope").put("type", "string");
        node.putObject("x-authorization")
                .putObject("operations")
                .putObject("<b onclick=alert(1)>op")
                .put("description", IMG)
                .putArray("scopes")
                .add(SCRIPT);
        return node.toString();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void everyPageWhenContractHostileThenMarkupShownAsTextAndNothingExecutable() {
        for (String path : List.of(
                "/ui/contracts",
                "/ui/contracts?q=" + encoded("<script>"),
                "/ui/contracts/identity.evil",
                "/ui/contracts/identity.evil?version=1.0.0",
                "/ui/contracts/identity.evil/compare?from=1.0.0&to=1.1.0",
                "/ui/admin")) {
            Registry.Response response = UiPages.get(registry, path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("<script>alert", "<img src=x", "<svg", "<b onclick");
            Document page = UiPages.page(registry, path, 200);
            UiPages.assertInert(page);
            assertThat(page.select("img, svg, iframe, object, embed")).as(path).isEmpty();
        }
    }

    @Test
    void contractPageWhenHostileThenTheTextIsShownLiterally() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.evil", 200);
        assertThat(page.select("dl.facts").text()).contains(IMG, SCRIPT);
        assertThat(page.select("#claims-table").text()).contains("x\"><svg onload=alert(1)>", "^<script>$", SCRIPT);
        assertThat(page.select("#claims-table").text()).contains(JS_URL);
        assertThat(page.select("#authorization-table").text()).contains("<b onclick=alert(1)>op", IMG, SCRIPT);
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.select("pre#raw-json").text()).contains(SCRIPT, IMG);
    }

    @Test
    void comparePageWhenHostileEnumValueAddedThenBeforeAfterIsText() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.evil/compare?from=1.0.0&to=1.1.0", 200);
        assertThat(page.select("#changes-table").text()).contains("onerror=alert(1)");
        assertThat(page.select("#changes-table .badge.authorization-widening")).isNotEmpty();
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
