package dev.tokencontract.cli;

import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidatedToken;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** Parsing of command lines and option values; every problem becomes a one-line {@link UsageException}. */
final class Arguments {
    private static final long MAX_LEEWAY_SECONDS = TokenValidator.MAX_LEEWAY.getSeconds();

    private Arguments() {}

    /** Output formats of {@code --format}. */
    enum Format {
        TEXT,
        JSON
    }

    static CommandLine parse(Command command, String[] args) throws UsageException {
        // No partial matching: "--iss" must not silently mean "--issuer".
        DefaultParser parser =
                DefaultParser.builder().setAllowPartialMatching(false).get();
        try {
            return parser.parse(command.options(), args);
        } catch (UnrecognizedOptionException e) {
            List<String> known = command.options().getOptions().stream()
                    .map(o -> o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt())
                    .toList();
            throw new UsageException(
                    "unknown option '" + Terminal.safe(e.getOption(), 80) + "'" + Suggest.hint(e.getOption(), known));
        } catch (MissingArgumentException e) {
            throw new UsageException("option " + display(e.getOption()) + " needs a value");
        } catch (AlreadySelectedException e) {
            throw new UsageException("options " + display(e.getOptionGroup().getSelected()) + " and "
                    + display(e.getOption()) + " cannot be combined: give one key source");
        } catch (ParseException e) {
            throw new UsageException(Terminal.safe(e.getMessage(), 200));
        }
    }

    /** {@code --format text|json}, default text. */
    static Format format(CommandLine line) throws UsageException {
        String value = line.getOptionValue("format", "text");
        return switch (value) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default ->
                throw new UsageException("--format must be text or json, not '" + Terminal.safe(value, 40) + "'");
        };
    }

    /** {@code --at}: an ISO-8601 instant or offset date-time, or epoch seconds. */
    /** The {@code --at} instant when given, otherwise now by the command's clock. */
    static Instant at(CommandLine line, Io io) throws UsageException {
        return line.hasOption("at")
                ? instant(line.getOptionValue("at"))
                : io.clock().instant();
    }

    static Instant instant(String value) throws UsageException {
        String text = value.strip();
        if (!text.isEmpty() && asciiDigits(text)) {
            if (text.length() > 12 || Long.parseLong(text) > ValidatedToken.MAX_NUMERIC_DATE) {
                throw new UsageException("--at: " + Terminal.safe(text, 40) + " is beyond year 9999");
            }
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new UsageException("--at: '" + Terminal.safe(text, 40)
                        + "' is neither an ISO-8601 instant (2026-11-26T00:30:00Z) nor epoch seconds");
            }
        }
    }

    /** {@code --leeway}: whole seconds from 0 to 600. */
    static Duration leeway(String value) throws UsageException {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 4 || !asciiDigits(text) || Long.parseLong(text) > MAX_LEEWAY_SECONDS) {
            throw new UsageException("--leeway: '" + Terminal.safe(text, 40)
                    + "' is not a whole number of seconds from 0 to " + MAX_LEEWAY_SECONDS);
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    /** 0-9 only: Character.isDigit (and Long.parseLong) also take Arabic-Indic, full-width and other digits. */
    private static boolean asciiDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String display(Option option) {
        return option.getLongOpt() != null ? "--" + option.getLongOpt() : "-" + option.getOpt();
    }

    private static String display(String selected) {
        return selected.length() == 1 ? "-" + selected : "--" + selected;
    }
}
