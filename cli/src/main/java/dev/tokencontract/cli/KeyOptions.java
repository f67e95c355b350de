package dev.tokencontract.cli;

import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;

/**
 * {@code --jwks}, {@code --pem}, {@code --secret-file}, {@code --secret-env}: at most one, and none
 * means {@link KeySource#none()} (decode and judge, never accept). Secrets are never taken from an
 * argument, so they stay out of shell history and process lists.
 */
final class KeyOptions {
    private KeyOptions() {}

    static OptionGroup group() {
        OptionGroup group = new OptionGroup();
        group.addOption(Option.builder()
                .longOpt("jwks")
                .hasArg()
                .argName("FILE|URL")
                .desc("JWK set file, or http(s) URL to fetch it from (2 s connect, 5 s read timeout)")
                .get());
        group.addOption(Option.builder()
                .longOpt("pem")
                .hasArg()
                .argName("FILE")
                .desc("PEM public key or certificate (RSA or EC)")
                .get());
        group.addOption(Option.builder()
                .longOpt("secret-file")
                .hasArg()
                .argName("FILE")
                .desc("HMAC secret in a file (one trailing newline is dropped)")
                .get());
        group.addOption(Option.builder()
                .longOpt("secret-env")
                .hasArg()
                .argName("NAME")
                .desc("HMAC secret in environment variable NAME")
                .get());
        return group;
    }

    /**
     * {@code --alg} (explain): the one algorithm a {@code --pem} key, or a JWK without {@code "alg"}, verifies
     * (RFC 8725 section 3.1); the caller also passes it to {@code TokenValidator.Builder#keyAlgorithm}.
     */
    static Option algOption() {
        return Option.builder()
                .longOpt("alg")
                .hasArg()
                .argName("ALG")
                .desc("the one algorithm a --pem key or a JWK without \"alg\" verifies, e.g. RS256 (needed when "
                        + "the contract allows several for the key type)")
                .get();
    }

    static KeySource from(CommandLine line) throws UsageException, KeySourceException {
        if (line.hasOption("jwks")) {
            String value = line.getOptionValue("jwks");
            if (value.startsWith("https://") || value.startsWith("http://")) {
                return KeySource.jwksUrl(uri(value));
            }
            return KeySource.jwksFile(path("--jwks", value));
        }
        if (line.hasOption("pem")) {
            Path pem = path("--pem", line.getOptionValue("pem"));
            return line.hasOption("alg") ? KeySource.pemFile(pem, line.getOptionValue("alg")) : KeySource.pemFile(pem);
        }
        if (line.hasOption("secret-file")) {
            return KeySource.secretFile(path("--secret-file", line.getOptionValue("secret-file")));
        }
        if (line.hasOption("secret-env")) {
            String name = line.getOptionValue("secret-env");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
                throw new UsageException(
                        "--secret-env takes the NAME of an environment variable, not the secret itself");
            }
            return KeySource.secretEnv(name);
        }
        return KeySource.none();
    }

    private static URI uri(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null) {
                throw new URISyntaxException(value, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--jwks: '" + Terminal.safe(value, 80) + "' is not a usable URL");
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
