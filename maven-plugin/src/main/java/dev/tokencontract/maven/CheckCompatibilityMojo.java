package dev.tokencontract.maven;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.conformance.suites.ContractCounterexamples;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.maven.internal.BaselineCheck;
import dev.tokencontract.maven.internal.CompatibilityVerdict;
import dev.tokencontract.maven.internal.ContractSources;
import dev.tokencontract.maven.internal.Problems;
import dev.tokencontract.maven.internal.RegistryDryRun;
import dev.tokencontract.registry.client.RegistryException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every local contract against the versions already published: by default the registry's own judgement
 * (its dry run, under the contract's mode there, with counterexample tokens), or, with {@code baseline}, against
 * baseline files under {@code mode}. The build fails on any refused change, listing every change and a witness.
 * Authorization widening is refused unless {@code acknowledgeWidening} is set explicitly.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCompatibilityMojo extends RegistryMojo {

    @Parameter(property = "tokencontract.contractsDirectory", defaultValue = "${project.basedir}/src/main/contracts")
    File contractsDirectory;

    /**
     * A contract file, or a directory of them, holding earlier versions to compare with instead of the registry
     * (each local contract is compared with the baselines of its name and a lower version).
     */
    @Parameter(property = "tokencontract.baseline")
    File baseline;

    /** The mode for baseline checks (the registry applies each contract's own mode): NONE, BACKWARD, ... */
    @Parameter(property = "tokencontract.mode", defaultValue = "FULL_TRANSITIVE")
    String mode;

    /**
     * Accept authorization-widening changes (a role, a scope, an alg added). Refused otherwise under every mode but
     * NONE: say so here, in the pom or with -Dtokencontract.acknowledgeWidening=true, for the one build that needs it.
     */
    @Parameter(property = "tokencontract.acknowledgeWidening", defaultValue = "false")
    boolean acknowledgeWidening;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: check-compatibility skipped");
            return;
        }
        List<Path> files = LintMojo.files(contractsDirectory, false);
        if (files.isEmpty()) {
            getLog().info("tokencontract: no contract under " + contractsDirectory + "; nothing to check");
            return;
        }
        List<Contract> baselines = baseline == null ? null : baselines();
        CompatibilityMode baselineMode = baselineMode();
        List<String> incompatible = new ArrayList<>();
        for (Path file : files) {
            Contract local = load(file, "contract");
            CompatibilityVerdict verdict = baselines == null
                    ? againstRegistry(local, file)
                    : BaselineCheck.check(
                            local,
                            baselines,
                            "baseline " + baseline,
                            baselineMode,
                            acknowledgeWidening,
                            ContractCounterexamples.standard());
            for (String line : verdict.lines()) {
                if (verdict.compatible()) {
                    getLog().info(line);
                } else {
                    getLog().error(line);
                }
            }
            if (!verdict.compatible()) {
                incompatible.add(local.reference() + ": " + verdict.verdictLine());
            }
        }
        if (!incompatible.isEmpty()) {
            throw new MojoFailureException("tokencontract: " + incompatible.size() + " of " + files.size()
                    + (files.size() == 1 ? " contract is" : " contracts are")
                    + " incompatible with the published versions (changes and counterexamples above):\n  "
                    + String.join("\n  ", incompatible));
        }
    }

    private CompatibilityVerdict againstRegistry(Contract local, Path file)
            throws MojoExecutionException, MojoFailureException {
        if (offline()) {
            throw new MojoExecutionException("tokencontract: offline, so " + local.reference()
                    + " cannot be checked against the registry; set <baseline> to check against files, or"
                    + " -Dtokencontract.skip=true to skip the check knowingly");
        }
        String url = registry;
        if ((url == null || url.isBlank()) && Files.isRegularFile(lockfile.toPath())) {
            url = registryOf(readLockfile());
        }
        client(url); // the same URL rules and the same clear error as every other goal
        try {
            return RegistryDryRun.check(
                    url,
                    local.name(),
                    local.version(),
                    text(file),
                    acknowledgeWidening,
                    Duration.ofSeconds(connectTimeoutSeconds),
                    Duration.ofSeconds(readTimeoutSeconds));
        } catch (RegistryException e) {
            throw new MojoExecutionException("tokencontract: could not check " + local.reference()
                    + " against the registry: " + Problems.text(e));
        }
    }

    private static String text(Path file) throws MojoExecutionException {
        try {
            return Contracts.readFile(file); // the bytes a publish would send
        } catch (ContractException e) {
            throw new MojoExecutionException("tokencontract: cannot read " + file + ": " + e.getMessage());
        }
    }

    private List<Contract> baselines() throws MojoExecutionException {
        List<Path> files;
        if (baseline.isFile()) {
            files = List.of(baseline.toPath());
        } else {
            try {
                files = ContractSources.find(baseline.toPath());
            } catch (IOException e) {
                throw new MojoExecutionException("tokencontract: cannot list " + baseline + ": " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new MojoExecutionException("tokencontract: no baseline contract at " + baseline);
            }
        }
        List<Contract> contracts = new ArrayList<>();
        for (Path file : files) {
            contracts.add(load(file, "baseline"));
        }
        return contracts;
    }

    private CompatibilityMode baselineMode() throws MojoExecutionException {
        CompatibilityMode parsed = CompatibilityMode.parse(mode);
        if (parsed == null) {
            throw new MojoExecutionException("tokencontract: mode must be one of "
                    + Arrays.toString(CompatibilityMode.values()) + ", not '" + Redact.shorten(mode, 40) + "'");
        }
        return parsed;
    }

    private Contract load(Path file, String what) throws MojoExecutionException {
        try {
            return Contracts.fromFile(file);
        } catch (ContractException e) {
            Problems.log(getLog(), e.findings());
            throw new MojoExecutionException("tokencontract: the " + what + " " + file + " is not a valid contract: "
                    + Redact.shorten(e.getMessage(), 300) + " (run the lint goal for every finding)");
        }
    }
}
