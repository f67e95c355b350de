package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The contracts list and the contract page, over a real registry on port 0, parsed as HTML. */
class UiContractPagesTest {
    private static Registry registry;

    @BeforeAll
    static void start() {
        registry = Registry.start();
        assertThat(registry.publish(Contracts.of("identity.crm", "1.0.0")).status())
                .isEqualTo(201);
        assertThat(registry.publish(Contracts.described("identity.crm", "1.0.1", "CRM tokens"))
                        .status())
                .isEqualTo(201);
        assertThat(registry.publish(Contracts.of("billing.api", "2.3.0")).status())
                .isEqualTo(201);
        ObjectNode withAuthorization = Contracts.node("identity.hr", "1.0.0");
        withAuthorization
                .putObject("x-authorization")
                .put("scopeClaim", "scope")
                .put("rolesClaim", "roles")
                .putObject("operations")
                .putObject("lookupEmployee")
                .put("description", "Read an employee.")
                .putArray("roles")
                .add("reader");
        assertThat(registry.publish(withAuthorization.toString()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void contractsWhenPublishedThenOneRowEachWithKindOwnerLatestStateAndMode() {
        Document page = UiPages.page(registry, "/ui/contracts", 200);
        List<Element> rows = page.select("table#contracts tbody tr");
        assertThat(rows)
                .extracting(r -> r.selectFirst("th").text())
                .containsExactly("billing.api", "identity.crm", "identity.hr");
        Element crm = rows.get(1);
        assertThat(crm.select("td").eachText())
                .containsExactly("jwt-access-token", "identity-team", "1.0.1", "active", "FULL_TRANSITIVE");
        assertThat(crm.selectFirst("th a").attr("href")).isEqualTo("/ui/contracts/identity.crm");
        assertThat(page.select("label[for=contract-filter]")).hasSize(1);
        assertThat(page.select("script[src=/ui/static/contracts.js]")).hasSize(1);
    }

    @Test
    void contractsWhenQueryGivenThenNonMatchingRowsHiddenWithoutScript() {
        Document page = UiPages.page(registry, "/ui/contracts?q=IDENTITY.", 200);
        assertThat(page.select("table#contracts tbody tr:not([hidden]) th").eachText())
                .containsExactly("identity.crm", "identity.hr");
        assertThat(page.select("table#contracts tbody tr[hidden] th").eachText())
                .containsExactly("billing.api");
        assertThat(page.select("#contract-filter").attr("value")).isEqualTo("IDENTITY.");
        assertThat(page.select("#contract-matches").text()).startsWith("2 match");
    }

    @Test
    void contractPageWhenLatestThenClaimsTableRowsComeFromTheSchema() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm", 200);
        assertThat(page.select("h1").text()).isEqualTo("identity.crm");
        assertThat(page.select("#version option[selected]").attr("value")).isEqualTo("1.0.1");
        List<Element> rows = page.select("#claims-table tbody tr");
        assertThat(rows).extracting(r -> r.selectFirst("th").text()).containsExactly("aud", "exp", "iss", "roles");
        assertThat(rows.get(2).select("td").eachText())
                .startsWith("string", "required")
                .contains("format uri");
        assertThat(rows.get(0).select("td").get(0).text()).isEqualTo("string or array of string");
        assertThat(rows.get(1).select("td").get(1).text()).isEqualTo("required");
        assertThat(rows.get(1).select("td").get(2).text()).contains("minimum 0", "maximum 253402300799");
        assertThat(rows.get(3).select("td").get(0).text()).isEqualTo("array of enumeration");
        assertThat(rows.get(3).select("td").get(1).text()).isEqualTo("optional");
        assertThat(rows.get(3).select("td").get(2).text()).contains("items enum [\"reader\",\"writer\"]");
        UiPages.assertInert(page);
    }

    @Test
    void contractPageWhenRenderedThenJoseAndAuthorizationTables() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.hr", 200);
        assertThat(page.select("#jose-table tbody tr"))
                .extracting(r -> r.text())
                .containsExactly("alg RS256", "typ at+jwt, application/at+jwt");
        Element operation = page.selectFirst("#authorization-table tbody tr");
        assertThat(operation.selectFirst("th").text()).isEqualTo("lookupEmployee");
        assertThat(operation.select("td").eachText()).containsExactly("—", "reader", "Read an employee.");
        Document noRules = UiPages.page(registry, "/ui/contracts/billing.api", 200);
        assertThat(noRules.select("#authorization + p").text()).contains("no x-authorization");
    }

    @Test
    void contractPageWhenPinShownThenItsSha256IsTheServedBytesDigest() throws Exception {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm?version=1.0.0", 200);
        String served = registry.get("/contracts/identity.crm/versions/1.0.0").body();
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(served.getBytes(StandardCharsets.UTF_8)));
        assertThat(Registry.JSON.readTree(page.select("#pin-line").text()))
                .isEqualTo(Registry.JSON.readTree(
                        "{\"name\":\"identity.crm\",\"version\":\"1.0.0\",\"sha256\":\"" + sha + "\"}"));
        assertThat(page.select("button[data-copy=pin-line]")).hasSize(1);
        assertThat(page.select("button[data-copy=raw-json]")).hasSize(1);
        assertThat(Registry.JSON.readTree(page.select("pre#raw-json").text()))
                .isEqualTo(Registry.JSON.readTree(served));
        assertThat(page.text()).contains("tokencontract lock identity.crm@1.0.0 --registry " + registry.server.url());
    }

    @Test
    void contractPageWhenSeveralVersionsThenEveryVersionListedNewestFirstWithCompareLinks() {
        Document page = UiPages.page(registry, "/ui/contracts/identity.crm", 200);
        List<Element> rows = page.select("#versions ~ table tbody tr");
        assertThat(rows).extracting(r -> r.selectFirst("th").text()).containsExactly("1.0.1", "1.0.0");
        assertThat(rows.get(0).select("td").get(1).text()).startsWith("sha-256:");
        assertThat(rows.get(0).select("td").get(2).text()).startsWith("ci@identity.example");
        assertThat(rows.get(0).select("a[href*=compare]").attr("href"))
                .isEqualTo("/ui/contracts/identity.crm/compare?from=1.0.0&to=1.0.1");
    }

    @Test
    void contractPageWhenUnknownNameOrVersionThenHtml404() {
        assertThat(UiPages.page(registry, "/ui/contracts/no.such", 404)
                        .select("p.error")
                        .text())
                .contains("no contract named 'no.such'");
        assertThat(UiPages.page(registry, "/ui/contracts/identity.crm?version=9.9.9", 404)
                        .select("p.error")
                        .text())
                .contains("9.9.9");
        assertThat(UiPages.page(registry, "/ui/contracts/identity.crm/compare?from=1.0.0&to=7.0.0", 404)
                        .select("p.error")
                        .text())
                .contains("7.0.0");
    }

    @Test
    void contractPageWhenMalformedNameOrVersionThenHtml400WithoutEcho() {
        Document badName = UiPages.page(registry, "/ui/contracts/%3Cscript%3E", 400);
        assertThat(badName.select("p.error").text()).contains("contract names are");
        UiPages.assertInert(badName);
        Document badVersion = UiPages.page(registry, "/ui/contracts/identity.crm?version=%3Cimg%20src=x%3E", 400);
        assertThat(badVersion.html()).doesNotContain("<img src=x>");
        UiPages.assertInert(badVersion);
    }

    @Test
    void pagesWhenHeadRequestedThenSameStatusNoBody() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(
                java.net.http.HttpRequest.newBuilder(registry.uri("/ui/contracts/identity.crm"))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
