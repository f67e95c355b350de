package dev.tokencontract.registry.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {
    @Test
    void prefersHtmlWhenBrowsersAcceptThenTrue() {
        assertThat(AcceptHeader.prefersHtml(
                        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"))
                .isTrue(); // Chromium
        assertThat(AcceptHeader.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .isTrue(); // Firefox
        assertThat(AcceptHeader.prefersHtml("text/*")).isTrue();
    }

    @Test
    void prefersHtmlWhenApiClientsAcceptThenFalse() {
        assertThat(AcceptHeader.prefersHtml(null)).isFalse();
        assertThat(AcceptHeader.prefersHtml("*/*")).isFalse();
        assertThat(AcceptHeader.prefersHtml("application/json")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html;q=0.5, application/json"))
                .isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html, application/json")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html;q=0, */*")).isFalse();
    }

    @Test
    void prefersHtmlWhenMalformedOrHugeThenFalse() {
        assertThat(AcceptHeader.prefersHtml("text/html;q=abc")).isFalse();
        assertThat(AcceptHeader.prefersHtml("garbage, ;;;, /")).isFalse();
        assertThat(AcceptHeader.prefersHtml("text/html," + "x/y,".repeat(2000))).isFalse();
    }
}
