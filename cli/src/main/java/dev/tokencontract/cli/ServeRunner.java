package dev.tokencontract.cli;

import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.registry.BundledSeed;
import dev.tokencontract.registry.DevIssuer;
import dev.tokencontract.registry.PublisherAuth;
import dev.tokencontract.registry.RegistryLimits;
import dev.tokencontract.registry.RegistryServer;
import dev.tokencontract.registry.store.ContractStore;
import dev.tokencontract.registry.store.ContractStores;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Runs {@code serve}: opens the store, seeds it, starts the server and blocks until the process is stopped. */
final class ServeRunner {
    static final String DEV_TOKEN_FILE = "dev-publisher.token";
    static final String DEV_JWKS_FILE = "dev-jwks.json";

    private ServeRunner() {}

    static int run(ServeCommand.Settings settings, Io io) throws UsageException {
        Clock clock = Clock.systemUTC();
        PublisherAuth publishers = null;
        DevIssuer dev = null;
        if (settings.dev()) {
            dev = DevIssuer.generate(clock);
            publishers = dev.publishers();
        } else if (settings.issuer() != null) {
            publishers = new PublisherAuth(
                    keys(settings.jwks()), settings.issuer(), Optional.ofNullable(settings.audience()));
        }
        if (dev != null && settings.audience() != null) {
            publishers = new PublisherAuth(publishers.keys(), publishers.issuer(), Optional.of(settings.audience()));
        }
        // the port first: a busy port must not leave a created or seeded store behind
        PortClaim claim;
        try {
            claim = PortClaim.bind(settings.host(), settings.port());
        } catch (IOException e) {
            io.err()
                    .println("tokencontract serve: cannot listen on " + settings.host() + ":" + settings.port() + ": "
                            + Terminal.safe(bindReason(e), 300));
            return ExitCode.UNCHECKED;
        }
        int port = claim.port();
        ContractStore store;
        try {
            store = settings.db() == null
                    ? ContractStores.embedded(settings.data())
                    : ContractStores.open(
                            settings.db(), io.env().get(ServeCommand.DB_USER_ENV), password(settings, io));
        } catch (RuntimeException e) {
            release(claim);
            io.err()
                    .println("tokencontract serve: store unavailable: "
                            + Terminal.safe(String.valueOf(e.getMessage()), 300));
            return ExitCode.UNCHECKED;
        }
        try {
            for (String line : BundledSeed.seed(store, clock)) {
                io.out().println(line);
            }
        } catch (RuntimeException e) {
            closeQuietly(store, io);
            io.err()
                    .println("tokencontract serve: store unavailable: "
                            + Terminal.safe(String.valueOf(e.getMessage()), 300));
            return ExitCode.UNCHECKED;
        }
        List<String> missing = store.acknowledgedButMissing();
        if (!missing.isEmpty()) {
            io.out()
                    .println("warning: the audit records " + missing.size()
                            + " published version(s) the store does not hold"
                            + " (lost before commits were durable, or removed by hand); their numbers stay reserved for the"
                            + " audited content: "
                            + Terminal.safe(String.join(", ", missing.subList(0, Math.min(10, missing.size()))), 600));
        }
        RegistryServer.Builder builder = RegistryServer.builder()
                .store(store)
                .clock(clock)
                .shutdownGrace(settings.shutdownGrace())
                .limits(RegistryLimits.defaults().withSearchBudget(settings.searchBudget()))
                .counterexamples(ContractCounterexamples.standard())
                .requireReadToken(settings.requireReadToken())
                .requestLog(line -> {
                    io.out().println(line);
                    io.out().flush();
                });
        if (publishers != null) {
            builder.publishers(publishers);
        }
        settings.trustJwks().forEach(url -> builder.trustForExplain(KeySource.jwksUrl(url)));
        if (dev != null) {
            builder.trustForExplain(dev.publishers().keys()); // --dev: the dev issuer's own tokens explain as signed
        }
        RegistryServer server;
        try {
            RegistryServer built = builder.build();
            release(claim);
            server = built.start(settings.host(), port);
        } catch (RuntimeException e) {
            release(claim);
            closeQuietly(store, io);
            io.err()
                    .println("tokencontract serve: cannot listen on " + settings.host() + ":" + port + ": "
                            + Terminal.safe(rootMessage(e), 300));
            return ExitCode.UNCHECKED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.stop(); // never throws: an expired grace is a line in the log
                            } finally {
                                closeQuietly(store, io);
                            }
                            io.out().println("tokencontract registry stopped (store closed)");
                            io.out().flush();
                            stopped.countDown();
                        },
                        "tokencontract-serve-stop"));
        // the dev files exist before the URL is printed: whoever waits for the URL can use them at once
        Path tokenFile = dev == null ? null : writeDevFiles(dev, server, settings.data(), io);
        io.out()
                .println("tokencontract registry listening on " + server.url() + " (store: "
                        + (settings.db() == null
                                ? settings.data().toAbsolutePath().normalize()
                                : redactUrl(settings.db()))
                        + ")");
        if (dev != null) {
            announceDev(tokenFile, settings.data(), server, io);
        } else if (publishers == null) {
            io.out()
                    .println(
                            "writes are disabled (503 writes-disabled): start with --issuer and --jwks, or --dev to try it out");
        } else {
            io.out()
                    .println("writes need tokens from " + settings.issuer() + " for audience "
                            + server.audience().orElseThrow());
        }
        io.out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /** Closes the store on every way out; a failure to close is one line, never a stack trace. */
    private static void closeQuietly(ContractStore store, Io io) {
        try {
            store.close();
        } catch (RuntimeException e) {
            io.err()
                    .println("tokencontract serve: closing the store failed: "
                            + Terminal.safe(String.valueOf(e.getMessage()), 300));
        }
    }

    private static void release(PortClaim claim) {
        try {
            claim.close();
        } catch (IOException e) {
            // closing a listening socket that never accepted anything does not fail in practice; nothing to undo
        }
    }

    /** "the port is in use" rather than the JDK's "Address already in use (Bind failed)". */
    private static String bindReason(IOException e) {
        return e instanceof java.net.BindException
                        && String.valueOf(e.getMessage()).contains("in use")
                ? "the port is in use"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Path writeDevFiles(DevIssuer dev, RegistryServer server, Path data, Io io) {
        Path tokenFile = data.resolve(DEV_TOKEN_FILE).toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
            Files.writeString(data.resolve(DEV_JWKS_FILE), dev.publicJwks() + "\n", StandardCharsets.UTF_8);
            writePrivate(tokenFile, dev.publisherToken(server.audience().orElseThrow()) + "\n");
        } catch (IOException e) {
            io.err().println("tokencontract serve: cannot write the dev token: " + Terminal.safe(e.getMessage(), 200));
        }
        return tokenFile;
    }

    private static void announceDev(Path tokenFile, Path data, RegistryServer server, Io io) {
        Path jwksFile = data.resolve(DEV_JWKS_FILE).toAbsolutePath().normalize();
        io.out().println("""
                ************************************************************************
                DEV MODE: a throwaway key signs publisher tokens. Not for production.
                ************************************************************************
                publisher token (valid %d min, all scopes, every namespace): %s
                its public key: %s
                publish a contract:
                  curl -X POST -H "Authorization: Bearer $(cat %s)" -H "Content-Type: application/json" --data-binary @contract.json \\
                       %s/contracts/NAME/versions""".formatted(
                        DevIssuer.TOKEN_LIFETIME.toMinutes(), tokenFile, jwksFile, tokenFile, server.url()));
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static KeySource keys(String jwks) throws UsageException {
        try {
            if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
                return KeySource.jwksUrl(URI.create(jwks));
            }
            return KeySource.jwksFile(Path.of(jwks));
        } catch (KeySourceException | IllegalArgumentException e) {
            throw new UsageException("--jwks: " + Terminal.safe(String.valueOf(e.getMessage()), 200));
        }
    }

    private static String password(ServeCommand.Settings settings, Io io) {
        if (settings.dbPasswordFile() != null) {
            try {
                return Files.readString(settings.dbPasswordFile(), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read --db-password-file: " + e.getMessage());
            }
        }
        return io.env().get(ServeCommand.DB_PASSWORD_ENV);
    }

    private static String redactUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
