package dev.tokencontract.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.registry.internal.ui.UiHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Helpers for the web page tests: fetch a page as a browser would and parse it. */
final class UiPages {
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private UiPages() {}

    /** Asserts a publish (or other write) answered {@code status}, showing the problem when it did not. */
    static void assertStatus(Registry.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    /** GETs {@code path} with a browser's Accept header. */
    static Registry.Response get(Registry registry, String path) {
        return registry.get(path, "Accept", BROWSER_ACCEPT);
    }

    /** GETs {@code path}, asserts {@code status}, an HTML body and the security headers; the parsed page. */
    static Document page(Registry registry, String path, int status) {
        Registry.Response response = get(registry, path);
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(path).startsWith("text/html");
        assertSecurityHeaders(response, path);
        return Jsoup.parse(response.body(), registry.server.url() + path);
    }

    static void assertSecurityHeaders(Registry.Response response, String what) {
        assertThat(response.header("Content-Security-Policy")).as(what).isEqualTo(UiHeaders.CONTENT_SECURITY_POLICY);
        assertThat(response.header("Content-Security-Policy"))
                .as(what)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    /** No inline script, no inline style, no event-handler attribute, no javascript: URL anywhere in the page. */
    static void assertInert(Document page) {
        assertThat(page.select("script:not([src])")).as("inline scripts").isEmpty();
        assertThat(page.select("style")).as("style elements").isEmpty();
        assertThat(page.select("[style]")).as("style attributes").isEmpty();
        page.getAllElements()
                .forEach(element -> element.attributes().forEach(attribute -> {
                    assertThat(attribute.getKey())
                            .as("attribute on <%s>", element.tagName())
                            .doesNotStartWith("on");
                    if (attribute.getKey().equals("href")
                            || attribute.getKey().equals("src")
                            || attribute.getKey().equals("action")) {
                        assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT))
                                .as("URL on <%s>", element.tagName())
                                .doesNotStartWith("javascript:")
                                .doesNotStartWith("data:");
                    }
                }));
    }
}
