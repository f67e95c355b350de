package dev.tokencontract.maven;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.maven.internal.ContractSources;
import dev.tokencontract.maven.internal.Problems;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints every contract under {@code src/main/contracts} (meta-schema and semantic rules, as
 * {@code tokencontract lint}); the build fails when any has an error. Warnings are printed and pass.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class LintMojo extends AbstractMojo {

    /** Where the project's contracts are: every {@code *.json} below it is linted. */
    @Parameter(property = "tokencontract.contractsDirectory", defaultValue = "${project.basedir}/src/main/contracts")
    File contractsDirectory;

    /** Fail when the directory holds no contract at all (off: a module without contracts passes). */
    @Parameter(property = "tokencontract.failIfNoContracts", defaultValue = "false")
    boolean failIfNoContracts;

    @Parameter(property = "tokencontract.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: lint skipped");
            return;
        }
        List<Path> files = files(contractsDirectory, failIfNoContracts);
        List<String> failed = new ArrayList<>();
        for (Path file : files) {
            String document;
            try {
                document = Contracts.readFile(file);
            } catch (ContractException e) {
                getLog().error("Lint of " + file + ": " + Redact.shorten(e.getMessage(), 300));
                failed.add(file.getFileName().toString());
                continue;
            }
            LintReport report = Contracts.lint(document);
            long errors = report.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .count();
            long warnings = report.findings().stream()
                    .filter(f -> f.severity() == Severity.WARNING)
                    .count();
            String counts = errors
                    + (errors == 1 ? " error, " : " errors, ")
                    + warnings
                    + (warnings == 1 ? " warning" : " warnings");
            if (report.passed()) {
                getLog().info("Lint of " + file + ": PASSED "
                        + report.contract().map(c -> c.reference() + ", ").orElse("") + counts);
            } else {
                getLog().error("Lint of " + file + ": FAILED " + counts);
                failed.add(file.getFileName().toString());
            }
            Problems.log(getLog(), report.findings());
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("tokencontract: " + failed.size() + " of " + files.size()
                    + " contracts failed lint: " + String.join(", ", failed) + " (findings above)");
        }
    }

    /** The contract files, or a setup error for a missing directory when contracts are required. */
    static List<Path> files(File directory, boolean required) throws MojoExecutionException {
        List<Path> files;
        try {
            files = ContractSources.find(directory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("tokencontract: cannot list " + directory + ": " + e.getMessage());
        }
        if (files.isEmpty() && required) {
            throw new MojoExecutionException("tokencontract: no contract (*.json) under " + directory);
        }
        return files;
    }
}
