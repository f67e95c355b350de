package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenInputTest {

    private static Io stdin(byte[] bytes) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Io(new ByteArrayInputStream(bytes), sink, sink, Map.of(), Clock.systemUTC(), false);
    }

    @Test
    void cleanWhenBearerPrefixThenStripped() {
        assertThat(TokenInput.clean("Bearer eyJh.eyJc.sig")).isEqualTo("eyJh.eyJc.sig");
        assertThat(TokenInput.clean("  bearer\teyJh.eyJc.sig\n")).isEqualTo("eyJh.eyJc.sig");
    }

    @Test
    void cleanWhenWholeAuthorizationHeaderPastedThenOnlyTokenRemains() {
        assertThat(TokenInput.clean("Authorization: Bearer eyJh.eyJc.sig")).isEqualTo("eyJh.eyJc.sig");
    }

    @Test
    void cleanWhenTokenWrappedOverLinesOrQuotedThenJoined() {
        assertThat(TokenInput.clean("\"eyJh.\n  eyJc.\r\n sig\"\n")).isEqualTo("eyJh.eyJc.sig");
    }

    @Test
    void cleanWhenBearerIsPartOfAWordThenKept() {
        assertThat(TokenInput.clean("Bearerish.token.x")).isEqualTo("Bearerish.token.x");
    }

    @Test
    void runWhenStdinCannotBeReadThenCouldNotCheckExit3NotInternalError() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Is a directory");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Io io = new Io(
                broken, out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Clock.systemUTC(), false);

        int exit = Main.standard().run(new String[] {"explain"}, io);

        assertThat(exit).isEqualTo(ExitCode.UNCHECKED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("tokencontract explain: cannot read the token from stdin: Is a directory\n")
                .doesNotContain("internal error");
    }

    @Test
    void readWhenNoArgumentThenReadsStdin() throws Exception {
        Io io = stdin("Bearer eyJh.eyJc.sig\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TokenInput.read(List.of(), io)).isEqualTo("eyJh.eyJc.sig");
    }

    @Test
    void readWhenArgumentIsDashThenReadsStdin() throws Exception {
        Io io = stdin("eyJh.eyJc.sig".getBytes(StandardCharsets.UTF_8));

        assertThat(TokenInput.read(List.of("-"), io)).isEqualTo("eyJh.eyJc.sig");
    }

    @Test
    void readWhenArgumentGivenThenStdinIgnored() throws Exception {
        Io io = stdin("from.stdin.x".getBytes(StandardCharsets.UTF_8));

        assertThat(TokenInput.read(List.of("from.arg.x"), io)).isEqualTo("from.arg.x");
    }

    @Test
    void readWhenStdinEmptyOrOnlyBearerThenUsageError() {
        assertThatThrownBy(() -> TokenInput.read(List.of(), stdin(new byte[0])))
                .isInstanceOf(UsageException.class)
                .hasMessage("no token given: pass it as the argument or on stdin");
        assertThatThrownBy(() -> TokenInput.read(List.of(), stdin("Bearer \n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void readWhenStdinOverOneMebibyteThenUsageErrorWithoutReadingItAll() {
        byte[] big = new byte[TokenInput.MAX_STDIN_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> TokenInput.read(List.of(), stdin(big)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("more than 1048576 bytes");
    }

    @Test
    void readWhenStdinExactlyOneMebibyteThenAccepted() throws Exception {
        byte[] big = new byte[TokenInput.MAX_STDIN_BYTES];
        java.util.Arrays.fill(big, (byte) 'a');

        assertThat(TokenInput.read(List.of(), stdin(big))).hasSize(TokenInput.MAX_STDIN_BYTES);
    }

    @Test
    void readWhenTwoArgumentsThenUsageError() {
        assertThatThrownBy(() -> TokenInput.read(List.of("a.b.c", "d.e.f"), stdin(new byte[0])))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("expected at most one TOKEN argument, got 2");
    }

    @Test
    void readWhenBinaryGarbageOnStdinThenPassedOnForTheShapeCheck() throws Exception {
        byte[] garbage = {(byte) 0xff, 0x00, (byte) 0xfe, 0x1b, '[', '2', 'J', (byte) 0xc3};

        assertThat(TokenInput.read(List.of(), stdin(garbage))).isNotEmpty().contains("\ufffd");
    }
}
