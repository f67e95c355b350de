package dev.tokencontract.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The bearer token of {@code mode} and {@code deprecate} (scope {@code contracts:admin}): from
 * {@code --token-file FILE}, else {@code $TOKENCONTRACT_ADMIN_TOKEN}, else {@code $TOKENCONTRACT_TOKEN}; never
 * from an argument, never printed.
 */
final class AdminToken {
    static final String ENV = "TOKENCONTRACT_ADMIN_TOKEN";
    private static final int MAX_BYTES = 16 * 1024;

    private AdminToken() {}

    static Option option() {
        return Option.builder()
                .longOpt("token-file")
                .hasArg()
                .argName("FILE")
                .desc("file holding an admin bearer token (scope contracts:admin); default $" + ENV + ", then $"
                        + PublishCommand.TOKEN_ENV)
                .get();
    }

    static String read(CommandLine line, Io io) throws UsageException {
        String token;
        String source;
        if (line.hasOption("token-file")) {
            Path file = RegistryOptions.path(line.getOptionValue("token-file"), "--token-file");
            source = "--token-file " + Terminal.safe(file.toString(), 200);
            try {
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--token-file: no file at " + Terminal.safe(file.toString(), 200));
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new UsageException("--token-file: " + Terminal.safe(file.toString(), 200) + " is larger than "
                            + MAX_BYTES + " bytes; that is not a token");
                }
                token = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new UsageException("--token-file: cannot read " + Terminal.safe(file.toString(), 200));
            }
        } else if (io.env().get(ENV) != null) {
            token = io.env().get(ENV);
            source = "$" + ENV;
        } else if (io.env().get(PublishCommand.TOKEN_ENV) != null) {
            token = io.env().get(PublishCommand.TOKEN_ENV);
            source = "$" + PublishCommand.TOKEN_ENV;
        } else {
            throw new UsageException(
                    "no admin token: pass --token-file FILE or set " + ENV + " (tokens are never taken as arguments)");
        }
        token = token.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        if (token.isEmpty()) {
            throw new UsageException(source + " is empty");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UsageException(source + " holds characters a bearer token cannot have");
        }
        return token;
    }
}
