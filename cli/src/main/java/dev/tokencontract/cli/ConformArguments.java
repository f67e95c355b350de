package dev.tokencontract.cli;

import dev.tokencontract.conformance.suites.SuiteSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.apache.commons.cli.CommandLine;

/** The option values of {@code conform}, each checked with a one-line {@link UsageException}. */
final class ConformArguments {
    private static final SecureRandom SEEDS = new SecureRandom();

    private final CommandLine line;
    private final String suite;

    ConformArguments(CommandLine line, String suite) {
        this.line = line;
        this.suite = suite;
    }

    CommandLine line() {
        return line;
    }

    SuiteSettings settings() throws UsageException {
        int tries = SuiteSettings.DEFAULT_TRIES;
        if (line.hasOption("tries")) {
            String text = line.getOptionValue("tries").strip();
            if (!text.matches("[0-9]{1,7}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 1_000_000) {
                throw new UsageException(
                        "--tries: '" + Terminal.safe(text, 40) + "' is not a whole number from 1 to 1000000");
            }
            tries = Integer.parseInt(text);
        }
        long seed;
        if (line.hasOption("seed")) {
            String text = line.getOptionValue("seed").strip();
            try {
                seed = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--seed: '" + Terminal.safe(text, 40) + "' is not a whole number (a 64-bit seed)");
            }
        } else {
            seed = SEEDS.nextLong();
        }
        return SuiteSettings.of(tries, seed);
    }

    /** The JUnit XML path, checked before the run so a long run is not lost to a path it cannot write. */
    Path reportPath() throws UsageException {
        if (!line.hasOption("report")) {
            return null;
        }
        Path report = path("--report", line.getOptionValue("report"));
        if (Files.isDirectory(report)) {
            throw new UsageException(
                    "--report: '" + Terminal.safe(report.toString(), 80) + "' is a directory; name a file");
        }
        Path parent = report.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException(
                    "--report: no directory '" + Terminal.safe(String.valueOf(parent), 80) + "' to write it in");
        }
        if (!Files.isWritable(parent) || Files.exists(report) && !Files.isWritable(report)) {
            throw new UsageException("--report: '" + Terminal.safe(report.toString(), 80) + "' is not writable");
        }
        return report;
    }

    /** True when one of the key options (--jwks, --pem, --secret-file, --secret-env) is given. */
    boolean hasKeyOption() {
        return line.hasOption("jwks")
                || line.hasOption("pem")
                || line.hasOption("secret-file")
                || line.hasOption("secret-env");
    }

    /** A required option's value. */
    String required(String option) throws UsageException {
        String value = line.getOptionValue(option);
        if (value == null || value.isBlank()) {
            throw new UsageException(suite + " needs --" + option);
        }
        return value.strip();
    }

    /** A required http(s) URL. */
    URI url(String option) throws UsageException {
        String value = required(option);
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--" + option + ": '" + Terminal.safe(value, 80) + "' is not an http(s) URL");
        }
    }

    /** A loopback port from 0 to 65535, or -1 when the option is absent. */
    int port(String option) throws UsageException {
        if (!line.hasOption(option)) {
            return -1;
        }
        String text = line.getOptionValue(option).strip();
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
            throw new UsageException(
                    "--" + option + ": '" + Terminal.safe(text, 40) + "' is not a port from 0 to 65535");
        }
        return Integer.parseInt(text);
    }

    Path optionalPath(String option) throws UsageException {
        return line.hasOption(option) ? path("--" + option, line.getOptionValue(option)) : null;
    }

    /** Refuses options that belong to other suites, so a typo'd command line is not silently half-used. */
    void allowOnly(String... options) throws UsageException {
        java.util.Set<String> allowed = new java.util.HashSet<>(java.util.List.of(options));
        allowed.addAll(
                java.util.List.of("contract", "tries", "seed", "report", "help", "registry", "cache-dir", "verbose"));
        for (var option : line.getOptions()) {
            String name = option.getLongOpt() != null ? option.getLongOpt() : option.getOpt();
            if (!allowed.contains(name)) {
                throw new UsageException("--" + name + " does not apply to the " + suite + " suite");
            }
        }
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": '" + Terminal.safe(value, 80) + "' is not a file path");
        }
    }
}
