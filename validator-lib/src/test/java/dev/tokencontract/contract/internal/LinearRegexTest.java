package dev.tokencontract.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract patterns are ECMA-262; RE2/J runs them in linear time. Expected values below are ECMA-262's
 * (as a JavaScript engine answers {@code new RegExp(p, "u").test(s)}), where java.util.regex or plain RE2
 * would answer differently.
 */
class LinearRegexTest {

    private static boolean matches(String pattern, String input) {
        return LinearRegex.FACTORY.getRegularExpression(pattern).matches(input);
    }

    static Stream<Arguments> ecmaCases() {
        return Stream.of(
                // '.' excludes every ECMA line terminator, not only \n
                Arguments.of("^.$", "\u2028", false),
                Arguments.of("^.$", "\r", false),
                Arguments.of("^.$", "\u00e9", true),
                // \s is ECMA white space (NBSP, BOM, vertical tab), \S its complement
                Arguments.of("^\\s$", "\u00a0", true),
                Arguments.of("^\\s$", "\ufeff", true),
                Arguments.of("^\\S$", "\u3000", false),
                Arguments.of("^\\s$", "\u000b", true),
                // $ is the end of input (java.util.regex would also match before a final line break)
                Arguments.of("^abc$", "abc\n", false),
                Arguments.of("^abc$", "abc", true),
                // \\uXXXX, \\u{...}, surrogate pairs, \\xHH, \\cJ are code points
                Arguments.of("^\\u00e9$", "\u00e9", true),
                Arguments.of("^\\u{1F600}$", "\uD83D\uDE00", true),
                Arguments.of("^\\uD83D\\uDE00$", "\uD83D\uDE00", true),
                Arguments.of("^\\x41$", "A", true),
                Arguments.of("^\\cJ$", "\n", true),
                // [^] is any character, [] none; \\b in a class is a backspace
                Arguments.of("^[^]$", "\n", true),
                Arguments.of("^a[]", "a", false),
                Arguments.of("^[\\b]$", "\u0008", true),
                // named groups, escaped punctuation, unanchored search (JSON Schema's pattern), long-form properties
                Arguments.of("^(?<year>\\d{4})$", "2026", true),
                Arguments.of("^a\\/b$", "a/b", true),
                Arguments.of("crm", "my crm scope", true),
                Arguments.of("^\\p{Script=Greek}+$", "\u03b1\u03b2\u03b3", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("ecmaCases")
    void matchesWhenEcmaSemanticsDifferFromRe2ThenEcmaAnswer(String pattern, String input, boolean expected) {
        assertThat(matches(pattern, input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(?=a)b",
                "a(?!b)",
                "(?<=a)b",
                "(?<!a)b",
                "(a)\\1",
                "(?<n>a)\\k<n>",
                "(?i)abc",
                "a{1001}",
                "\\p{Foo=Bar}"
            })
    void unsupportedWhenLookaroundBackReferenceOrNonEcmaThenReasonGiven(String pattern) {
        assertThat(LinearRegex.unsupported(pattern)).as(pattern).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$",
                "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$",
                "(^| )code( |$)"
            })
    void unsupportedWhenBundledPatternThenSupported(String pattern) {
        assertThat(LinearRegex.unsupported(pattern)).as(pattern).isEmpty();
    }

    @Test
    void matchesWhenScopeHas10000ValuesThenNoStackOverflowAndCorrectAnswer() {
        String scopePattern = "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$";
        StringBuilder scope = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            scope.append(i == 0 ? "" : " ").append("crm.read").append(i);
        }
        assertThat(matches(scopePattern, scope.toString())).isTrue();
        assertThat(matches(scopePattern, scope + "  x")).isFalse();
        // java.util.regex recurses once per repetition of the group: this is what used to overflow
        java.util.regex.Pattern jdk = java.util.regex.Pattern.compile(scopePattern);
        boolean overflowed;
        try {
            jdk.matcher(scope).find();
            overflowed = false;
        } catch (StackOverflowError e) {
            overflowed = true;
        }
        assertThat(overflowed)
                .as("control: the JDK engine overflows on the same input")
                .isTrue();
    }

    @Test
    void matchesWhenCatastrophicPatternAndHostileInputThenAnswersWithoutHanging() {
        String input = "a".repeat(30_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(matches("^(a+)+$", input)).isFalse();
            assertThat(matches("^(a{1,10}){1,10}$", input)).isFalse();
            assertThat(matches("^[\\s\\S]*[\\s\\S]*[\\s\\S]*[\\s\\S]*x$", input))
                    .isFalse();
        });
    }
}
