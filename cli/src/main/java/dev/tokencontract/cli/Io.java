package dev.tokencontract.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world: streams, environment, clock, and whether stdout is
 * a terminal. Tests pass their own; {@link #system()} is the real process.
 *
 * @param in       the token when none is given as an argument
 * @param out      reports
 * @param err      errors, usage and warnings
 * @param env      environment variables ({@code NO_COLOR}, {@code TOKENCONTRACT_DEBUG})
 * @param clock    "now" when {@code --at} is not given
 * @param terminal true when talking to a person at a terminal (colour allowed unless {@code NO_COLOR})
 */
record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Clock clock, boolean terminal) {

    static Io system() {
        // UTF-8 whatever the locale says: previews and claims hold non-ASCII text.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new Io(System.in, out, err, System.getenv(), Clock.systemUTC(), System.console() != null);
    }

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set to anything (even empty). */
    boolean colour() {
        return terminal && !env.containsKey("NO_COLOR");
    }

    /** {@code TOKENCONTRACT_DEBUG} set to anything: show stack traces of internal errors. */
    boolean debug() {
        return env.containsKey("TOKENCONTRACT_DEBUG");
    }
}
