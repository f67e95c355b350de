package dev.tokencontract.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tokencontract serve}: the contract registry. This class only reads options; the registry's classes
 * are loaded by {@link ServeRunner} when serve actually runs, so other commands start as fast as before.
 */
final class ServeCommand implements Command {
    static final String DB_USER_ENV = "TOKENCONTRACT_DB_USER";
    static final String DB_PASSWORD_ENV = "TOKENCONTRACT_DB_PASSWORD";

    /** Everything serve was asked to do, validated. */
    record Settings(
            String host,
            int port,
            Path data,
            String db,
            Path dbPasswordFile,
            String issuer,
            String jwks,
            String audience,
            boolean requireReadToken,
            boolean dev,
            Duration shutdownGrace,
            List<URI> trustJwks,
            Duration searchBudget) {}

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String synopsis() {
        return "[options]";
    }

    @Override
    public String summary() {
        return "run the contract registry (REST API, H2 or PostgreSQL store)";
    }

    @Override
    public String details() {
        return """
                Serves the registry API (docs/registry-api.md) on http://HOST:PORT, over an embedded H2 store in
                --data, or over PostgreSQL with --db (several replicas may share one database). The bundled contracts
                are published at first start. Reads are anonymous unless --require-read-token.

                Writes need a bearer token from --issuer, signed by a key in --jwks, for --audience (default: the
                registry's own URL, http://HOST:PORT), that satisfies the bundled registry-publisher contract.
                Without --issuer/--jwks (and without --dev) every write answers 503 writes-disabled.

                --dev makes a throwaway signing key, trusts it, and writes a one-hour publisher token to
                DATA/dev-publisher.token. For trying things out on your machine only.

                The "Explain a token" page (/ui/explain, POST /ui/api/explain) verifies signatures with keys from
                --trust-jwks URLs (repeatable; fetched and cached like explain --jwks URL), in --dev also with the dev
                key, or with a public JWK set pasted into the request; never with keys a token points to.

                --search-budget bounds the wall-clock time one publish, dry run or compare page may spend searching
                for counterexample tokens (default 1 s; 0 never searches). The verdict never depends on it: only
                how many witnesses an answer carries, and which directions it lists as not searched.

                Database credentials never come from arguments: set TOKENCONTRACT_DB_USER and
                TOKENCONTRACT_DB_PASSWORD, or give --db-password-file.

                Exit: runs until stopped (SIGTERM or Ctrl-C: in-flight requests get --shutdown-grace seconds to
                finish, then are cut off; the store is closed either way); 2 usage error;
                3 store unavailable or port in use.
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder()
                .longOpt("port")
                .hasArg()
                .argName("PORT")
                .desc("port; default 8080, 0 picks a free one")
                .get());
        options.addOption(Option.builder()
                .longOpt("host")
                .hasArg()
                .argName("HOST")
                .desc("address to bind; default 127.0.0.1")
                .get());
        options.addOption(Option.builder()
                .longOpt("data")
                .hasArg()
                .argName("DIR")
                .desc("data directory; default ~/.tokencontract/registry")
                .get());
        options.addOption(Option.builder()
                .longOpt("db")
                .hasArg()
                .argName("JDBC_URL")
                .desc("jdbc:postgresql://HOST:PORT/DB instead of the embedded store")
                .get());
        options.addOption(Option.builder()
                .longOpt("db-password-file")
                .hasArg()
                .argName("FILE")
                .desc("file holding the database password")
                .get());
        options.addOption(Option.builder()
                .longOpt("issuer")
                .hasArg()
                .argName("ISS")
                .desc("issuer of publisher tokens (exact match)")
                .get());
        options.addOption(Option.builder()
                .longOpt("jwks")
                .hasArg()
                .argName("FILE|URL")
                .desc("keys of publisher tokens: a JWKS file or https URL")
                .get());
        options.addOption(Option.builder()
                .longOpt("audience")
                .hasArg()
                .argName("AUD")
                .desc("audience publisher tokens must name; default http://HOST:PORT")
                .get());
        options.addOption(Option.builder()
                .longOpt("require-read-token")
                .desc("reads need a token with scope contracts:read")
                .get());
        options.addOption(Option.builder()
                .longOpt("shutdown-grace")
                .hasArg()
                .argName("SECONDS")
                .desc("on SIGTERM, how long in-flight requests may finish; default 10")
                .get());
        options.addOption(Option.builder()
                .longOpt("search-budget")
                .hasArg()
                .argName("SECONDS")
                .desc("counterexample search time per request, 0 to 60; default 1")
                .get());
        options.addOption(Option.builder()
                .longOpt("dev")
                .desc("DEV MODE: a local signing key and a publisher token file")
                .get());
        options.addOption(Option.builder()
                .longOpt("trust-jwks")
                .hasArg()
                .argName("URL")
                .desc("JWKS URL whose keys the explain page trusts (repeat for several IdPs)")
                .get());
        options.addOption(Common.help());
        return options;
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("serve takes no arguments, got '"
                    + Terminal.safe(line.getArgList().get(0), 80) + "'");
        }
        return ServeRunner.run(settings(line, io), io);
    }

    static Settings settings(CommandLine line, Io io) throws UsageException {
        int port = port(line.getOptionValue("port", "8080"));
        String host = line.getOptionValue("host", "127.0.0.1");
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        Path data = path(
                line.getOptionValue(
                        "data",
                        Path.of(System.getProperty("user.home"), ".tokencontract", "registry")
                                .toString()),
                "--data");
        String db = line.getOptionValue("db");
        if (db != null) {
            String lower = db.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:postgresql:") && !lower.startsWith("jdbc:h2:")) {
                throw new UsageException("--db must be a jdbc:postgresql:// URL (or jdbc:h2:)");
            }
            if (lower.contains("password=")) {
                throw new UsageException(
                        "--db must not carry a password: set " + DB_PASSWORD_ENV + " or give --db-password-file");
            }
        }
        Path passwordFile = line.hasOption("db-password-file")
                ? path(line.getOptionValue("db-password-file"), "--db-password-file")
                : null;
        if (passwordFile != null && db == null) {
            throw new UsageException("--db-password-file needs --db");
        }
        String issuer = line.getOptionValue("issuer");
        String jwks = line.getOptionValue("jwks");
        boolean dev = line.hasOption("dev");
        if (dev && (issuer != null || jwks != null)) {
            throw new UsageException("--dev makes its own issuer and key: do not combine it with --issuer or --jwks");
        }
        if ((issuer == null) != (jwks == null)) {
            throw new UsageException("--issuer and --jwks go together: writes need both");
        }
        String audience = line.getOptionValue("audience");
        if (audience != null && audience.isBlank()) {
            throw new UsageException("--audience must not be empty");
        }
        boolean requireRead = line.hasOption("require-read-token");
        if (requireRead && issuer == null && !dev) {
            throw new UsageException("--require-read-token needs --issuer and --jwks (or --dev) to check read tokens");
        }
        return new Settings(
                host,
                port,
                data,
                db,
                passwordFile,
                issuer,
                jwks,
                audience,
                requireRead,
                dev,
                grace(line.getOptionValue("shutdown-grace", "10")),
                trustJwks(line),
                searchBudget(line.getOptionValue("search-budget", "1")));
    }

    private static List<URI> trustJwks(CommandLine line) throws UsageException {
        List<URI> urls = new ArrayList<>();
        String[] values = line.getOptionValues("trust-jwks");
        for (String value : values == null ? new String[0] : values) {
            try {
                URI uri = new URI(value.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                    urls.add(uri);
                    continue;
                }
            } catch (URISyntaxException e) {
                // fall through
            }
            throw new UsageException(
                    "--trust-jwks takes an http(s) URL of a JWK set, not '" + Terminal.safe(value, 80) + "'");
        }
        return List.copyOf(urls);
    }

    private static Duration searchBudget(String text) throws UsageException {
        try {
            double seconds = Double.parseDouble(text.strip());
            if (seconds >= 0 && seconds <= 60) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(
                "--search-budget must be a number of seconds from 0 to 60, not '" + Terminal.safe(text, 40) + "'");
    }

    private static Duration grace(String text) throws UsageException {
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 0 && seconds <= 300) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException(
                "--shutdown-grace must be a number of seconds from 0 to 300, not '" + Terminal.safe(text, 40) + "'");
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '" + Terminal.safe(text, 40) + "'");
    }

    private static Path path(String text, String option) throws UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " '" + Terminal.safe(text, 80) + "' is not a path");
        }
    }
}
