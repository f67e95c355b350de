package dev.tokencontract.maven;

import dev.tokencontract.conformance.report.JUnitXml;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.maven.internal.ConformSuites;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a conformance suite of the kit, black-box, in {@code integration-test}: {@code consumer} (an MCP endpoint
 * accepts every conforming token and rejects each non-conforming one), {@code producer} (a token endpoint or command
 * only mints conforming tokens) or {@code carrier} (a hub forwards the user's identity intact). The JUnit XML goes to
 * {@code target/failsafe-reports}, where every CI looks; a failing property fails the build with its shrunk
 * counterexample.
 */
@Mojo(name = "conform", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class ConformMojo extends RegistryMojo {

    /** consumer, producer or carrier. */
    @Parameter(property = "tokencontract.conform.suite", required = true)
    String suite;

    /** A contract file, the name of a contract pinned in the lockfile, or a bundled {@code NAME@VERSION}. */
    @Parameter(property = "tokencontract.conform.contract", required = true)
    String contract;

    @Parameter(property = "tokencontract.conform.issuer")
    String issuer;

    /** The consumer's (or the producer's target) audience. */
    @Parameter(property = "tokencontract.conform.audience")
    String audience;

    /** consumer: the endpoint tokens are presented to. */
    @Parameter(property = "tokencontract.conform.endpoint")
    String endpoint;

    /** consumer: the endpoint is a stateful MCP server (each token opens a session with initialize). */
    @Parameter(property = "tokencontract.conform.mcpSession", defaultValue = "false")
    boolean mcpSession;

    /** consumer and carrier: a private JWK set to sign with; default: keys generated for this run. */
    @Parameter(property = "tokencontract.conform.signingKeys")
    File signingKeys;

    /** consumer and carrier: where the public JWKS of the signing keys is written for the party under test. */
    @Parameter(
            property = "tokencontract.conform.jwksOut",
            defaultValue = "${project.build.directory}/tokencontract/conform-jwks.json")
    File jwksOut;

    /** consumer and carrier: also serve that JWKS at {@code http://127.0.0.1:PORT/jwks.json} during the run. */
    @Parameter(property = "tokencontract.conform.serveJwksPort")
    Integer serveJwksPort;

    /** producer: the token endpoint inputs are POSTed to. */
    @Parameter(property = "tokencontract.conform.tokenEndpoint")
    String tokenEndpoint;

    /** producer: a command that reads an input on stdin and prints a token. */
    @Parameter
    List<String> command;

    /** producer: the producer's public JWK set. */
    @Parameter(property = "tokencontract.conform.jwks")
    File jwks;

    /** producer: the producer's public key (PEM). */
    @Parameter(property = "tokencontract.conform.pem")
    File pem;

    /** producer: a file holding the HMAC secret. */
    @Parameter(property = "tokencontract.conform.secretFile")
    File secretFile;

    /** producer: the environment variable holding the HMAC secret. */
    @Parameter(property = "tokencontract.conform.secretEnv")
    String secretEnv;

    /** carrier: the hub tokens are POSTed to. */
    @Parameter(property = "tokencontract.conform.hub")
    String hub;

    @Parameter(property = "tokencontract.conform.hubAudience")
    String hubAudience;

    @Parameter(property = "tokencontract.conform.downstreamAudience")
    String downstreamAudience;

    /** Examples per property. */
    @Parameter(property = "tokencontract.conform.tries", defaultValue = "100")
    int tries;

    /** Replays a run exactly; default: a random seed, printed. */
    @Parameter(property = "tokencontract.seed")
    Long seed;

    /** Where the JUnit XML is written ({@code TEST-tokencontract-SUITE.xml}). */
    @Parameter(
            property = "tokencontract.conform.reportsDirectory",
            defaultValue = "${project.build.directory}/failsafe-reports")
    File reportsDirectory;

    /** Maven's switch for integration tests: {@code -DskipITs} skips this goal too. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipITs) {
            getLog().info("tokencontract: conform skipped");
            return;
        }
        if (serveJwksPort != null && (serveJwksPort < 0 || serveJwksPort > 65_535)) {
            throw new MojoExecutionException("tokencontract: serveJwksPort must be from 0 to 65535");
        }
        if (tries < 1 || tries > 100_000) {
            throw new MojoExecutionException("tokencontract: tries must be from 1 to 100000, not " + tries);
        }
        Contract judged = contract();
        SuiteSettings settings = SuiteSettings.of(tries, seed != null ? seed : new SecureRandom().nextLong());
        SuiteResult result;
        try {
            if (jwksOut != null) {
                Files.createDirectories(jwksOut.toPath().toAbsolutePath().getParent());
            }
            result = ConformSuites.run(setup(judged), settings);
        } catch (IllegalArgumentException | UncheckedIOException | IOException | KeySourceException e) {
            throw new MojoExecutionException(
                    "tokencontract: conform " + suite + " could not run: " + Redact.shorten(e.getMessage(), 400));
        }
        if (result.passed()) {
            // one line per property; the coverage tables are in the JUnit XML's output, not the build log
            getLog().info(result.suite() + " suite, " + result.subject() + " (seed " + result.seed() + ")");
            result.properties()
                    .forEach(p -> getLog().info("  " + p.status() + " " + p.name()
                            + (p.reason() == null ? "" : ": " + Redact.shorten(p.reason(), 300))));
        } else {
            result.report().lines().forEach(getLog()::error);
        }
        Path report = reportsDirectory.toPath().resolve("TEST-tokencontract-" + suite + ".xml");
        try {
            Files.createDirectories(report.getParent());
            JUnitXml.write(List.of(result), Instant.now(), report);
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("tokencontract: cannot write " + report + ": " + e.getMessage());
        }
        getLog().info("JUnit XML written to " + report);
        if (result.passed()) {
            return;
        }
        String summary =
                "tokencontract: conform " + suite + ": " + result.failures().size() + " of "
                        + result.properties().size() + " properties failed (counterexamples above; replay with"
                        + " -Dtokencontract.seed=" + result.seed() + ")";
        if (result.couldNotRun()) {
            throw new MojoExecutionException("tokencontract: conform " + suite + " could not run against "
                    + result.subject() + " (see above; replay with -Dtokencontract.seed=" + result.seed() + ")");
        }
        throw new MojoFailureException(summary);
    }

    private ConformSuites.Setup setup(Contract judged) throws KeySourceException, MojoExecutionException {
        return new ConformSuites.Setup(
                suite,
                judged,
                issuer,
                audience,
                uri(endpoint, "endpoint"),
                mcpSession,
                signingKeys == null ? null : signingKeys.toPath(),
                jwksOut == null ? null : jwksOut.toPath(),
                serveJwksPort,
                uri(tokenEndpoint, "tokenEndpoint"),
                command,
                producerKeys(),
                uri(hub, "hub"),
                hubAudience,
                downstreamAudience);
    }

    /** The contract: a file, a lockfile pin (fetched from the registry, or the verified cache), or bundled. */
    private Contract contract() throws MojoExecutionException, MojoFailureException {
        try {
            Path file = Path.of(contract);
            if (Files.isRegularFile(file)) {
                return Contracts.fromFile(file);
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: a name or a reference
        } catch (ContractException e) {
            throw new MojoExecutionException(
                    "tokencontract: " + contract + " is not a valid contract: " + Redact.shorten(e.getMessage(), 300));
        }
        if (Files.isRegularFile(lockfile.toPath())) {
            Lockfile lock = readLockfile();
            Optional<LockEntry> pinned = lock.entry(contract);
            if (pinned.isPresent()) {
                try {
                    return LockClient.of(client(registryOf(lock)))
                            .fetchPinned(pinned.get())
                            .contract();
                } catch (RegistryException e) {
                    FetchMojo.fail(pinned.get(), e);
                }
            }
        }
        try {
            return Contracts.load(contract);
        } catch (ContractException e) {
            throw new MojoExecutionException("tokencontract: contract '" + Redact.shorten(contract, 200)
                    + "' is not a file, a lockfile pin or a bundled contract: " + Redact.shorten(e.getMessage(), 300));
        }
    }

    private KeySource producerKeys() throws KeySourceException, MojoExecutionException {
        int given = (jwks != null ? 1 : 0)
                + (pem != null ? 1 : 0)
                + (secretFile != null ? 1 : 0)
                + (secretEnv != null ? 1 : 0);
        if (given > 1) {
            throw new MojoExecutionException("tokencontract: give one of <jwks>, <pem>, <secretFile>, <secretEnv>");
        }
        if (jwks != null) {
            return KeySource.jwksFile(jwks.toPath());
        }
        if (pem != null) {
            return KeySource.pemFile(pem.toPath());
        }
        if (secretFile != null) {
            return KeySource.secretFile(secretFile.toPath());
        }
        return secretEnv != null ? KeySource.secretEnv(secretEnv) : null;
    }

    private static URI uri(String value, String parameter) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    "tokencontract: <" + parameter + "> is not an http(s) URL: " + Redact.shorten(value, 200));
        }
    }
}
