package dev.tokencontract.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with captured streams, a fixed clock and a chosen environment. */
final class CliRun {
    /** The default "now" of in-process runs: 2026-11-26T00:30:00Z, inside the sample token's lifetime. */
    static final Instant NOW = Instant.parse("2026-11-26T00:30:00Z");

    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean terminal;
    private Main main = Main.standard();

    record Result(int exit, String out, String err) {}

    static CliRun cli() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    CliRun stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Pretend stdout is a terminal (as {@code System.console() != null} would say). */
    CliRun terminal() {
        this.terminal = true;
        return this;
    }

    CliRun main(Main replacement) {
        this.main = replacement;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(env),
                Clock.fixed(NOW, ZoneOffset.UTC),
                terminal);
        int exit = main.run(args, io);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
