package dev.tokencontract.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/** {@code --help}, {@code help <command>}, usage lines and {@code --version}. */
final class Help {
    private static final int WIDTH = 100;

    private Help() {}

    static String usageLine(Command command) {
        return "usage: tokencontract " + command.name() + " " + command.synopsis();
    }

    static void top(List<Command> commands, PrintStream out) {
        out.println("usage: tokencontract <command> [options]");
        out.println();
        out.println("Judge JWT access tokens against versioned claim contracts, and say exactly why.");
        out.println();
        out.println("Commands:");
        for (Command command : commands) {
            String left = command.name() + " "
                    + command.synopsis().replace("[options]", "").strip();
            if (left.length() < 20) {
                out.println("  " + String.format("%-20s", left) + command.summary());
            } else { // too long for the column: the summary goes on its own line, aligned
                out.println("  " + left);
                out.println("  " + " ".repeat(20) + command.summary());
            }
        }
        out.println("  " + String.format("%-20s", "help COMMAND") + "show the options of a command");
        out.println();
        out.println("Options:");
        out.println("  -h, --help          show this help");
        out.println("  -V, --version       print the version");
        out.println();
        out.println("Exit codes: 0 accepted, 1 rejected, 2 usage error, 3 could not check.");
        out.println(
                "Environment: NO_COLOR (any value) disables colour; TOKENCONTRACT_DEBUG shows stack traces of internal errors.");
        out.println("Registry: --registry URL, else $TOKENCONTRACT_REGISTRY, else the nearest .tokencontract.json"
                + " (see docs/cli.md).");
        out.println(
                "Example: pbpaste | tokencontract explain --jwks https://login.example.test/jwks --issuer https://login.example.test");
    }

    static void command(Command command, PrintStream out) {
        out.println(usageLine(command));
        out.println();
        out.println(command.summary().substring(0, 1).toUpperCase(Locale.ROOT)
                + command.summary().substring(1) + ".");
        out.println();
        StringBuilder table = new StringBuilder();
        try {
            TextHelpAppendable text = new TextHelpAppendable(table);
            text.setMaxWidth(WIDTH);
            HelpFormatter.builder()
                    .setHelpAppendable(text)
                    .setShowSince(false)
                    .get()
                    .printOptions(command.options());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The formatter pads every cell to the full width and ends with blank lines; keep only the text.
        table.toString()
                .lines()
                .map(String::stripTrailing)
                .filter(line -> !line.isEmpty())
                .forEach(out::println);
        out.println();
        out.print(command.details());
    }

    /** The project version, from a resource filtered at build time. */
    static String version() {
        try (InputStream in = Help.class.getResourceAsStream("/tokencontract-cli.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
