package dev.tokencontract.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokencontract.mcp.internal.BearerHeader.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerHeaderTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Bearer abc.def.ghi | TOKEN",
                "bearer abc.def.ghi | TOKEN",
                "BEARER abc.def-_~+/= | TOKEN",
                "Bearer  abc | TOKEN",
                "Basic YWxpY2U6c2VjcmV0 | OTHER_SCHEME",
                "Digest x | OTHER_SCHEME",
                "Bearer | MALFORMED",
                "Bearer a b | MALFORMED",
                "Bearer a,b | MALFORMED",
                "Bearer a\"b | MALFORMED",
                "Bearer =abc | MALFORMED",
                "Bearerabc | OTHER_SCHEME",
                "'' | ABSENT",
            })
    void parseWhenOneHeaderThenKind(String header, Kind expected) {
        assertThat(BearerHeader.parse(List.of(header)).kind()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"abc, def", "abc, abc"})
    void parseWhenTwoHeadersThenMalformedEvenIfEqual(String first, String second) {
        assertThat(BearerHeader.parse(List.of("Bearer " + first, "Bearer " + second))
                        .kind())
                .isEqualTo(Kind.MALFORMED);
    }
}
