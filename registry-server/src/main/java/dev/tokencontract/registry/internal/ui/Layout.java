package dev.tokencontract.registry.internal.ui;

/**
 * The frame every page shares: a skip link, a banner with the navigation, {@code <main>} with the page's
 * {@code <h1>}, a footer. Styles come from {@code /ui/static/ui.css} and scripts from the page's own files under
 * {@code /ui/static/}; nothing inline, so the strict Content-Security-Policy of {@link UiHeaders} holds.
 */
public final class Layout {
    public static final String STATIC = "/ui/static/";

    private Layout() {}

    public static String render(Page page) {
        Html html = new Html();
        html.open("html", "lang", "en").open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", page.title() + " · Tokencontract registry");
        html.empty("link", "rel", "stylesheet", "href", STATIC + "ui.css");
        html.empty("link", "rel", "icon", "href", STATIC + "favicon.svg", "type", "image/svg+xml");
        for (String script : page.scripts()) {
            html.script(STATIC + script);
        }
        html.close("head").open("body");
        html.element("a", "Skip to content", "class", "skip", "href", "#main");
        html.open("header", "class", "banner");
        html.link("/ui/contracts", "Tokencontract registry", "class", "brand");
        html.open("nav", "aria-label", "Main").open("ul");
        for (Page.Section section : Page.Section.values()) {
            html.open("li")
                    .link(section.path(), section.label(), "aria-current", section == page.section() ? "page" : null)
                    .close("li");
        }
        html.close("ul").close("nav").close("header");
        html.open("main", "id", "main", "tabindex", "-1");
        html.element("h1", page.title());
        page.main().accept(html);
        html.close("main");
        html.open("footer", "class", "footer");
        html.text("Tokencontract registry · ");
        html.link("/openapi.json", "openapi.json");
        html.text(" · pages read the same store as the ");
        html.link("/contracts", "JSON API");
        html.close("footer");
        html.close("body").close("html");
        return "<!doctype html>\n" + html;
    }
}
