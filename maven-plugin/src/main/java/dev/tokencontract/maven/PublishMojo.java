package dev.tokencontract.maven;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.maven.internal.CompatibilityVerdict;
import dev.tokencontract.maven.internal.Problems;
import dev.tokencontract.maven.internal.PublisherToken;
import dev.tokencontract.maven.internal.RegistryDryRun;
import dev.tokencontract.registry.client.PublishResult;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryProblem;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes every contract under {@code src/main/contracts} to the registry. The bearer token comes from
 * {@code tokenFile} or the environment variable {@code tokenEnv} (default {@code TOKENCONTRACT_TOKEN}), never from a
 * parameter. A refused publish fails the build with the registry's changes and counterexamples; a publish of the
 * same content again is fine (versions are immutable).
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends RegistryMojo {

    @Parameter(property = "tokencontract.contractsDirectory", defaultValue = "${project.basedir}/src/main/contracts")
    File contractsDirectory;

    /** A file holding the publisher's bearer token (and nothing else). Preferred over {@code tokenEnv}. */
    @Parameter(property = "tokencontract.tokenFile")
    File tokenFile;

    /** The environment variable that holds the publisher's bearer token, when no {@code tokenFile} is given. */
    @Parameter(property = "tokencontract.tokenEnv", defaultValue = "TOKENCONTRACT_TOKEN")
    String tokenEnv;

    /** Accept authorization-widening changes; refused otherwise under every mode but NONE. */
    @Parameter(property = "tokencontract.acknowledgeWidening", defaultValue = "false")
    boolean acknowledgeWidening;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: publish skipped");
            return;
        }
        List<Path> files = LintMojo.files(contractsDirectory, true);
        String token;
        try {
            token = PublisherToken.read(tokenFile == null ? null : tokenFile.toPath(), tokenEnv, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("tokencontract: " + e.getMessage());
        }
        RegistryClient client = client(registry);
        for (Path file : files) {
            String json;
            try {
                json = Contracts.readFile(file);
            } catch (ContractException e) {
                throw new MojoExecutionException("tokencontract: cannot read " + file + ": " + e.getMessage());
            }
            String reference = file.getFileName().toString();
            try {
                reference = Contracts.parse(json).reference();
                PublishResult result = client.publish(json, token, acknowledgeWidening);
                getLog().info("Published " + result.reference() + " from " + file + ": "
                        + (result.outcome() == PublishResult.Outcome.CREATED
                                ? "created (HTTP 201)"
                                : "already there with the same content (HTTP 200)")
                        + (result.digest() == null ? "" : " " + result.digest()));
            } catch (ContractException e) {
                Problems.log(getLog(), e.findings());
                throw new MojoFailureException("tokencontract: " + file + " fails lint; nothing was sent: "
                        + Redact.shorten(e.getMessage(), 300));
            } catch (RegistryException e) {
                refused(file, reference, e);
            }
        }
    }

    private void refused(Path file, String reference, RegistryException e)
            throws MojoFailureException, MojoExecutionException {
        RegistryProblem problem = e.problem().orElse(null);
        if (problem != null && problem.status() == 409 && "incompatible".equals(problem.code())) {
            CompatibilityVerdict verdict = RegistryDryRun.verdict(
                    reference, client(registry).baseUrl().toString(), problem.body(), acknowledgeWidening);
            verdict.lines().forEach(getLog()::error);
            throw new MojoFailureException("tokencontract: the registry refused " + file + ": " + Problems.text(e));
        }
        if (e.kind() == RegistryException.Kind.REFUSED
                && problem != null
                && problem.status() >= 400
                && problem.status() < 500
                && problem.status() != 401
                && problem.status() != 403) {
            throw new MojoFailureException("tokencontract: the registry refused " + file + ": " + Problems.text(e));
        }
        throw new MojoExecutionException("tokencontract: cannot publish " + file + ": " + Problems.text(e));
    }
}
