package dev.tokencontract.conformance.generate.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokencontract.conformance.engine.Gen;
import dev.tokencontract.conformance.engine.Property;
import dev.tokencontract.conformance.engine.PropertyResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$",
                "^\\d{3}-\\d{4}$",
                "\\w+@\\w+\\.com",
                "^(foo|bar|baz)+$",
                "colou?r",
                "a.c",
                "^[^a-z]*$",
                "\\s\\S\\D\\W",
                "^(?:ab|cd){2,3}$",
                "^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$",
                "[\\u00e0-\\u00ff]",
                "\\u{1F600}",
                "^\\p{Lu}\\p{Ll}+$",
                "^$",
                "x*",
                "^a{2}b{1,}c{0,2}$",
                "[-a]",
                "[a-]",
                "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\",
                "^\\cJ$",
                "\\t\\n\\r\\f\\v",
                "^[\\d\\s]+$",
                "a{",
                "^[^]x$"
            })
    void patternWhenStringsGeneratedThenEveryOneContainsAMatch(String pattern) {
        Regex regex = Regex.compile(pattern);
        Pattern java = Pattern.compile(javaFlavour(pattern));
        assertThat(regex.unsupported()).isEmpty();
        Property.forAll(in -> regex.generate(in, 0, -1))
                .tries(200)
                .seed(pattern.hashCode())
                .check(text -> assertThat(java.matcher(text).find())
                        .as("/%s/ finds a match in %s", pattern, text)
                        .isTrue());
    }

    @Test
    void unanchoredPatternWhenGeneratedThenSometimesSurroundedByOtherText() {
        Regex regex = Regex.compile("ab");
        Property.forAll((Gen<String>) in -> regex.generate(in, 0, -1))
                .tries(300)
                .seed(5)
                .requireCoverage("exactly ab", "padded")
                .check(text -> {
                    Property.label(text.equals("ab") ? "exactly ab" : "padded");
                    assertThat(text).contains("ab");
                });
    }

    @Test
    void lengthBoundsWhenGivenThenRespected() {
        Regex regex = Regex.compile("[a-z]+");
        Property.forAll(in -> regex.generate(in, 10, 12))
                .tries(200)
                .seed(8)
                .check(text -> assertThat(text.codePointCount(0, text.length())).isBetween(10, 12));
    }

    @Test
    void anchoredPatternWhenMinLengthUnreachableThenRejectedWithReason() {
        Regex regex = Regex.compile("^ab$");
        PropertyResult<String> result = Property.forAll(in -> regex.generate(in, 5, -1))
                .tries(5)
                .seed(1)
                .run(text -> {});
        assertThat(result.lastRejection()).contains("no string matching /^ab$/ with length 5..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?=a)a", "(?!b)a", "(?<=a)b", "(?<!a)b", "\\bword\\b", "(?<n>a)\\k<n>"})
    void unsupportedConstructWhenCompiledThenReportedByName(String pattern) {
        assertThat(Regex.compile(pattern).unsupported())
                .isNotEmpty()
                .allSatisfy(construct -> assertThat(construct)
                        .containsAnyOf("backreference", "lookahead", "lookbehind", "word boundary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "a)", "[a", "*a", "a{3,1}", "[z-a]", "\\", "(?x)", "\\x4", "\\p{NoSuchProperty}"})
    void invalidPatternWhenCompiledThenSyntaxErrorWithOffset(String pattern) {
        assertThatThrownBy(() -> Regex.compile(pattern))
                .isInstanceOf(RegexSyntaxException.class)
                .hasMessageContaining("at offset")
                .hasMessageContaining(pattern);
    }

    @Test
    void hostilyNestedPatternWhenCompiledThenSyntaxErrorNotStackOverflow() {
        String pattern = "(".repeat(100_000) + "a" + ")".repeat(100_000);
        assertThatThrownBy(() -> Regex.compile(pattern))
                .isInstanceOf(RegexSyntaxException.class)
                .hasMessageContaining("groups nested deeper than 256")
                .hasMessageContaining("...");
    }

    @Test
    void hugeRepetitionWhenGeneratedThenRejectedNotExhaustingMemory() {
        Regex regex = Regex.compile("^a{100000000}$");
        PropertyResult<String> result = Property.forAll(in -> regex.generate(in, 0, -1))
                .tries(2)
                .seed(1)
                .run(text -> {});
        assertThat(result.tries()).isZero();
        assertThat(result.lastRejection()).contains("choices");
    }

    @Test
    void digitPatternWhenShrunkThenSmallestDigits() {
        Regex regex = Regex.compile("^\\d{4}$");
        PropertyResult<String> result = Property.forAll(in -> regex.generate(in, 0, -1))
                .seed(3)
                .run(text -> assertThat(Integer.parseInt(text)).isLessThan(5000));
        assertThat(result.counterexample()).isEqualTo("5000");
    }

    /** The test patterns use ECMA syntax Java reads the same way, except \\v, \\cJ, \\u{...}, [^] and a lone {. */
    private static String javaFlavour(String pattern) {
        if (pattern.equals("a{")) {
            return "a\\{";
        }
        return pattern.replace("\\v", "\\x0B")
                .replace("\\cJ", "\\n")
                .replace("\\u{1F600}", "\\x{1F600}")
                .replace("[^]", "[\\s\\S]");
    }

    @Test
    void emptyClassWhenGeneratedThenGivesUpSayingNoMatch() {
        Regex regex = Regex.compile("^[]]?$");
        PropertyResult<String> result = Property.forAll(in -> regex.generate(in, 0, -1))
                .tries(3)
                .seed(1)
                .run(text -> {});
        assertThat(result.tries()).isZero();
        assertThat(result.lastRejection()).contains("no string matching /^[]]?$/");
    }
}
