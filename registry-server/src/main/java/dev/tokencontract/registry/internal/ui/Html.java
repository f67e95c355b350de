package dev.tokencontract.registry.internal.ui;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTML writer that escapes by construction: text and attribute values always go through {@link #escape},
 * attribute values are always double-quoted, URL attributes ({@code href}, {@code src}, {@code action}) accept
 * only relative or http(s) URLs, and inline scripts, inline styles and event-handler attributes cannot be
 * written at all (the pages' Content-Security-Policy forbids them anyway). There is no method that writes raw
 * markup: a page cannot forget to escape a contract-derived string, because it cannot write one unescaped.
 *
 * <pre>{@code
 * Html html = new Html();
 * html.open("p", "class", "note").text(contract.description()).close("p");
 * html.link("/ui/contracts/" + Html.segment(name), name);
 * }</pre>
 * Tag and attribute names are programmer-chosen constants and are checked; only values and text carry data.
 * Not thread-safe: one per response.
 */
public final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("meta", "link", "input", "br", "hr", "img");
    private static final Set<String> FORBIDDEN_TAGS = Set.of("script", "style", "iframe", "object", "embed", "base");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction");

    private final StringBuilder out;

    public Html() {
        this(8192);
    }

    public Html(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** {@code <tag a="v" ...>} with attributes given as name, value pairs; a null value leaves the attribute out. */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    public Html close(String tag) {
        out.append("</").append(tag(tag)).append('>');
        return this;
    }

    /** A void element ({@code meta}, {@code link}, {@code input}, {@code br}, {@code hr}, {@code img}). */
    public Html empty(String tag, String... attributes) {
        if (!VOID.contains(tag)) {
            throw new IllegalArgumentException("<" + tag + "> is not a void element");
        }
        return open(tag, attributes);
    }

    /** {@code <tag ...>text</tag>}, the text escaped. */
    public Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text; null writes nothing. */
    public Html text(Object text) {
        if (text != null) {
            escapeInto(String.valueOf(text), out);
        }
        return this;
    }

    /**
     * A link when {@code href} is a safe URL (see {@link #safeUrl}); otherwise the text alone in a {@code span}, so
     * a {@code javascript:} or {@code data:} URL from a contract is shown, never followed.
     */
    public Html link(String href, Object text, String... attributes) {
        if (!safeUrl(href)) {
            return element("span", text, attributes);
        }
        String[] all = new String[attributes.length + 2];
        all[0] = "href";
        all[1] = href;
        System.arraycopy(attributes, 0, all, 2, attributes.length);
        return element("a", text, all);
    }

    /** {@code <script src defer>}: the only way a page gets script, from a same-origin file. */
    public Html script(String src) {
        out.append("<script");
        attributes(new String[] {"src", src});
        out.append(" defer></script>");
        return this;
    }

    /** The document so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** True for a relative URL ({@code /x}, {@code ?q}, {@code #f}, not {@code //host}) or an http(s) URL. */
    public static boolean safeUrl(String url) {
        if (url == null || url.isEmpty() || url.chars().anyMatch(c -> c <= ' ' || c == '\\' || c == 0x7f)) {
            return false;
        }
        if (url.startsWith("/")) {
            return !url.startsWith("//");
        }
        if (url.startsWith("?") || url.startsWith("#")) {
            return true;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** One URL path segment or query value, percent-encoded (UTF-8). */
    public static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** {@code & < > " '} as character references: safe in text and in quoted attribute values. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escapeInto(text, sb);
        return sb.toString();
    }

    private static void escapeInto(String text, StringBuilder sb) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\0' -> sb.append('\uFFFD');
                default -> sb.append(c);
            }
        }
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            if (!NAME.matcher(name).matches() || name.startsWith("on") || name.equals("style")) {
                throw new IllegalArgumentException("attribute '" + name + "' is not allowed");
            }
            if (value == null) {
                continue;
            }
            if (URL_ATTRIBUTES.contains(name) && !safeUrl(value)) {
                throw new IllegalArgumentException(name + " must be a relative or http(s) URL");
            }
            out.append(' ').append(name).append("=\"");
            escapeInto(value, out);
            out.append('"');
        }
    }

    private static String tag(String tag) {
        if (!NAME.matcher(tag).matches() || FORBIDDEN_TAGS.contains(tag)) {
            throw new IllegalArgumentException("tag <" + tag + "> is not allowed");
        }
        return tag;
    }
}
