package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code GET /ui/explain}: a labelled form over the registry's token contracts, its promise about the token, inert. */
class ExplainPageTest {

    @Test
    void explainPageWhenRenderedThenEveryControlLabelledTokenContractsListedAndInert() throws Exception {
        try (Registry registry = Explains.registry()) {
            String discovery;
            try (java.io.InputStream in = getClass()
                    .getClassLoader()
                    .getResourceAsStream("tokencontract/contracts/oidc-discovery/1.0.0.json")) {
                discovery = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            registry.post("/contracts/oidc-discovery/versions", discovery, Tokens.admin());

            Document page = UiPages.page(registry, "/ui/explain", 200);

            UiPages.assertInert(page);
            assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("Explain a token");
            assertThat(page.select("script").attr("src")).isEqualTo("/ui/static/explain.js");
            for (Element control :
                    page.select("form#explain-form textarea, form#explain-form input, form#explain-form select")) {
                assertThat(page.select("label[for=" + control.id() + "]"))
                        .as("label for #%s", control.id())
                        .hasSize(1);
            }
            assertThat(page.select("#explain-contract option"))
                    .extracting(Element::val)
                    .containsExactly("identity.crm"); // the IdP-metadata contract cannot judge a token
            assertThat(page.select("form#explain-form").attr("action")).isEqualTo("/ui/api/explain");
            assertThat(page.select("form#explain-form").attr("method")).isEqualTo("post");
            assertThat(page.select("#result").attr("aria-live")).isEqualTo("polite");
            String privacy = page.select("#explain-privacy").text().toLowerCase(Locale.ROOT);
            assertThat(privacy)
                    .contains("only to this registry", "never logged, stored or cached", "64 kib", "600 a minute");
            assertThat(page.select("label[for=keys-trusted]").text()).contains("JWK set (3 keys)");
        }
    }

    @Test
    void explainPageWhenContractPreselectedByQueryThenSelectedAndHostileValuesOnlyEscaped() {
        try (Registry registry = Explains.registry()) {
            Document chosen = UiPages.page(registry, "/ui/explain?contract=identity.crm&version=1.0.0", 200);
            Document hostile = UiPages.page(
                    registry,
                    "/ui/explain?contract=%3Cscript%3E&version=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                    200);

            assertThat(chosen.select("#explain-contract option[selected]").val())
                    .isEqualTo("identity.crm");
            assertThat(chosen.select("#explain-version").attr("data-initial")).isEqualTo("1.0.0");
            UiPages.assertInert(hostile);
            assertThat(hostile.select("img")).isEmpty();
            assertThat(hostile.select("#explain-version").attr("data-initial")).startsWith("\"><img");
        }
    }

    @Test
    void explainScriptWhenServedThenWritesTextNeverMarkupAndStoresNothing() {
        try (Registry registry = Explains.registry()) {
            Registry.Response script = registry.get("/ui/static/explain.js");

            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header("Content-Type")).startsWith("text/javascript");
            assertThat(script.body())
                    .contains("textContent", "cache: \"no-store\"")
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                    .doesNotContain("localStorage", "sessionStorage", "document.cookie", "history.pushState");
        }
    }
}
