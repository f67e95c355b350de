package dev.tokencontract.registry.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlTest {
    private static final String HOSTILE = "</td><script>alert(1)</script>\"' onmouseover=alert(2) x=& \u0000";

    @Test
    void textWhenHostileThenParsedBackAsTheSameTextAndNoElement() {
        Document doc = Jsoup.parseBodyFragment(new Html().element("p", HOSTILE).toString());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.selectFirst("p").text())
                .isEqualTo(HOSTILE.replace("\u0000", "\uFFFD").strip());
    }

    @Test
    void attributeWhenHostileThenStaysInsideItsQuotes() {
        String out = new Html().empty("input", "value", HOSTILE, "id", "x").toString();
        Document doc = Jsoup.parseBodyFragment(out);
        assertThat(doc.selectFirst("input").attributes().size()).isEqualTo(2);
        assertThat(doc.selectFirst("input").attr("value")).startsWith("</td><script>");
        assertThat(out).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void linkWhenUrlNotRelativeOrHttpThenTextOnly() {
        for (String url : new String[] {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/x",
            "vbscript:x",
            "/\\evil.example",
            "java\tscript:x",
            "",
            null
        }) {
            Document doc = Jsoup.parseBodyFragment(new Html().link(url, "label").toString());
            assertThat(doc.select("a")).as(url).isEmpty();
            assertThat(doc.text()).as(url).isEqualTo("label");
        }
        for (String url :
                new String[] {"https://x.example/a?b=c", "http://localhost:8080/", "/ui/contracts", "#claims", "?q=a"
                }) {
            Document doc = Jsoup.parseBodyFragment(new Html().link(url, "label").toString());
            assertThat(doc.selectFirst("a").attr("href")).as(url).isEqualTo(url);
        }
    }

    @Test
    void openWhenScriptStyleOrHandlerRequestedThenRefused() {
        Html html = new Html();
        assertThatThrownBy(() -> html.open("script")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("style")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("iframe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("p", "onclick", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("p", "style", "color:red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("p", "a b", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("a", "href", "javascript:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.open("p", "class")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> html.empty("p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptWhenSameOriginFileThenDeferredWithoutBody() {
        assertThat(new Html().script("/ui/static/a.js").toString())
                .isEqualTo("<script src=\"/ui/static/a.js\" defer></script>");
        assertThatThrownBy(() -> new Html().script("data:text/javascript,alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void segmentWhenReservedCharactersThenPercentEncoded() {
        assertThat(Html.segment("a b/c?d&e#f")).isEqualTo("a%20b%2Fc%3Fd%26e%23f");
    }

    @Test
    void nullAttributeValueWhenGivenThenAttributeLeftOut() {
        assertThat(new Html().open("option", "selected", null, "value", "1").toString())
                .isEqualTo("<option value=\"1\">");
    }
}
