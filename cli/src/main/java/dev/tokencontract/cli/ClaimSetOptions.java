package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options {@code example} and {@code mint} share: {@code --seed}, {@code --claim}, {@code --at}, {@code --ttl},
 * and the one CONTRACT argument.
 */
final class ClaimSetOptions {
    /** Ten years: a test token needs no more, and the contract usually caps it far lower. */
    static final long MAX_TTL_SECONDS = 10L * 366 * 24 * 3600;

    private ClaimSetOptions() {}

    static Options addTo(Options options) {
        options.addOption(Option.builder()
                .longOpt("seed")
                .hasArg()
                .argName("N")
                .desc("seed of the generator (a whole number); same seed, same claims. Default: random, printed")
                .get());
        options.addOption(Option.builder()
                .longOpt("claim")
                .hasArg()
                .argName("NAME=VALUE")
                .desc("set a claim (repeat for several); VALUE is JSON when it parses as JSON, else text; "
                        + "NAME starting with / is a JSON pointer (/act/sub)")
                .get());
        options.addOption(Common.at("issue time (iat, nbf) instead of now"));
        options.addOption(Option.builder()
                .longOpt("ttl")
                .hasArg()
                .argName("DURATION")
                .desc("lifetime, exp - iat: seconds, or a number with s, m, h or d (90s, 10m, 2h); default 10m, "
                        + "never beyond the contract's maxLifetimeSeconds")
                .get());
        return options;
    }

    /** The single CONTRACT argument (a bundled name@version or a file), loaded; exit 3 on failure. */
    static String contractArgument(CommandLine line, String usage) throws UsageException {
        if (line.getArgList().size() != 1) {
            throw new UsageException(line.getArgList().isEmpty() ? "no CONTRACT given" : usage);
        }
        return line.getArgList().get(0);
    }

    static Contract load(String reference) throws ContractException {
        return Contracts.load(reference);
    }

    /** {@code --seed}, or a fresh random seed (the command prints it so the run can be repeated). */
    static Optional<Long> seed(CommandLine line) throws UsageException {
        if (!line.hasOption("seed")) {
            return Optional.empty();
        }
        String text = line.getOptionValue("seed").strip();
        if (!text.matches("-?[0-9]{1,19}")) {
            throw new UsageException("--seed: '" + Terminal.safe(text, 40) + "' is not a whole number");
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: '" + Terminal.safe(text, 40) + "' does not fit in 64 bits");
        }
    }

    static long randomSeed() {
        return new SplittableRandom().nextLong();
    }

    static Instant issuedAt(CommandLine line, Io io) throws UsageException {
        return Arguments.at(line, io);
    }

    /** {@code --ttl}: {@code 600}, {@code 600s}, {@code 10m}, {@code 2h}, {@code 1d}; positive, at most ten years. */
    static Optional<Duration> ttl(CommandLine line) throws UsageException {
        if (!line.hasOption("ttl")) {
            return Optional.empty();
        }
        String text = line.getOptionValue("ttl").strip();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([0-9]{1,12})([smhd]?)").matcher(text);
        if (!m.matches()) {
            throw new UsageException("--ttl: '" + Terminal.safe(text, 40)
                    + "' is not a duration: give seconds, or a number with s, m, h or d (10m)");
        }
        long unit = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        long seconds = Long.parseLong(m.group(1));
        if (seconds == 0 || seconds > MAX_TTL_SECONDS / unit) {
            throw new UsageException("--ttl: '" + Terminal.safe(text, 40) + "' must be positive and at most ten years");
        }
        return Optional.of(Duration.ofSeconds(seconds * unit));
    }
}
