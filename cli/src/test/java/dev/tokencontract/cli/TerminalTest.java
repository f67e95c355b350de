package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void safeWhenEscapeSequenceThenShownInert() {
        assertThat(Terminal.safe("a\u001b[2Jb", 100)).isEqualTo("a\\u001b[2Jb");
    }

    @Test
    void safeWhenC1BidiZeroWidthOrNewlineThenEscaped() {
        assertThat(Terminal.safe("\u009b31m", 100)).isEqualTo("\\u009b31m");
        assertThat(Terminal.safe("admin\u202e", 100)).isEqualTo("admin\\u202e");
        assertThat(Terminal.safe("ad\u200bmin", 100)).isEqualTo("ad\\u200bmin");
        assertThat(Terminal.safe("a\nb\tc", 100)).isEqualTo("a\\u000ab\\u0009c");
    }

    @Test
    void safeWhenOrdinaryUnicodeThenKept() {
        assertThat(Terminal.safe("José 日本 😀", 100)).isEqualTo("José 日本 😀");
    }

    @Test
    void safeWhenLongerThanMaxThenCutWithLength() {
        assertThat(Terminal.safe("abcdefghij", 4)).isEqualTo("abcd… (10 chars)");
    }

    @Test
    void paintWhenColourOffThenPlainAndWhenOnThenAnsi() {
        assertThat(new Terminal(false).red("x")).isEqualTo("x");
        assertThat(new Terminal(true).red("x")).isEqualTo("\u001b[31mx\u001b[0m");
    }
}
