package dev.tokencontract.maven;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.maven.internal.Problems;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Pins contracts in {@code tokencontract.lock}: each {@code NAME@RANGE} resolved at the registry to an exact version
 * and its sha-256 (the same file {@code tokencontract lock} writes; other entries are kept). Run on purpose
 * ({@code mvn tokencontract:lock}), never bound to a phase: re-pinning is a decision, not a build step.
 */
@Mojo(name = "lock", threadSafe = true)
public class LockMojo extends RegistryMojo {

    /** What to pin: {@code NAME@RANGE} references, e.g. {@code acme.crm-token@^1.0.0}. */
    @Parameter(property = "tokencontract.contracts")
    List<String> contracts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: lock skipped");
            return;
        }
        if (contracts == null || contracts.isEmpty()) {
            throw new MojoExecutionException("tokencontract: name what to pin: <contracts><contract>NAME@RANGE"
                    + "</contract></contracts> or -Dtokencontract.contracts=NAME@RANGE,...");
        }
        if (offline()) {
            throw new MojoExecutionException("tokencontract: lock needs the registry itself (an offline copy is never"
                    + " pinned); run it without -o");
        }
        Lockfile existing = null;
        if (Files.exists(lockfile.toPath())) {
            existing = readLockfile();
        }
        RegistryClient client = client(
                registry != null && !registry.isBlank() ? registry : existing == null ? null : registryOf(existing));
        Lockfile locked;
        try {
            locked = LockClient.of(client).lock(contracts, existing);
        } catch (RegistryException e) {
            String message = "tokencontract: cannot lock: " + Problems.text(e);
            if (e.kind() == RegistryException.Kind.UNREACHABLE) {
                throw new MojoExecutionException(message);
            }
            throw new MojoFailureException(message);
        } catch (LockfileException e) {
            Problems.logLockfile(getLog(), e);
            throw new MojoFailureException("tokencontract: " + e.getMessage());
        }
        try {
            locked.write(lockfile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("tokencontract: cannot write " + lockfile + ": " + e.getMessage());
        }
        getLog().info("Locked " + contracts.size() + (contracts.size() == 1 ? " contract" : " contracts") + " in "
                + lockfile + " (registry " + client.baseUrl() + "):");
        for (String reference : contracts) {
            LockEntry entry = locked.entry(ContractRef.parse(reference).name()).orElseThrow(); // lock() parsed it
            getLog().info("  " + reference + " -> " + entry.reference() + "  sha256 " + entry.sha256());
        }
    }
}
