package dev.tokencontract.registry.internal.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One page to render inside the {@link Layout}: its title, which navigation entry is current, the script files
 * it needs from {@code /ui/static/} (e.g. {@code "contracts.js"}) and what goes into {@code <main>}.
 *
 * @param title   the {@code <title>} and the page's {@code <h1>}
 * @param section the navigation entry marked {@code aria-current="page"}; null for none
 * @param scripts file names under {@code /ui/static/}, loaded with {@code defer}
 * @param main    writes the content after the {@code <h1>}
 */
public record Page(String title, Section section, List<String> scripts, Consumer<Html> main) {
    public Page {
        Objects.requireNonNull(title, "title");
        scripts = List.copyOf(scripts);
        Objects.requireNonNull(main, "main");
    }

    /** The top-level navigation: label and path. */
    public enum Section {
        CONTRACTS("Contracts", "/ui/contracts"),
        EXPLAIN("Explain a token", "/ui/explain"),
        ADMIN("Admin", "/ui/admin"),
        API("API", "/ui/api");

        private final String label;
        private final String path;

        Section(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        public String path() {
            return path;
        }
    }
}
