package dev.tokencontract.maven;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockVerification;
import dev.tokencontract.lock.LockVerification.EntryCheck;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.registry.client.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks that every contract {@code tokencontract.lock} pins still has its pinned sha-256 (as
 * {@code tokencontract verify-lock}). Offline ({@code -o}), the cached copies are checked and the registry is not
 * contacted. A changed digest or a vanished version fails the build; an entry that could not be checked at all
 * (registry unreachable, nothing cached) stops it as a setup error.
 */
@Mojo(name = "verify-lock", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class VerifyLockMojo extends RegistryMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: verify-lock skipped");
            return;
        }
        Lockfile lock = readLockfile();
        RegistryClient client = client(registryOf(lock));
        LockVerification verification = LockClient.of(client).verify(lock);
        getLog().info("Lockfile " + lockfile + " against " + client.baseUrl() + (offline() ? " (offline)" : ""));
        List<String> bad = new ArrayList<>();
        for (EntryCheck check : verification.checks()) {
            String line = "  " + label(check) + "  " + Redact.shorten(detail(check), 500);
            if (check.verified()) {
                getLog().info(line);
            } else {
                getLog().error(line);
                bad.add(check.entry().reference() + " [" + check.finding().code() + "]");
            }
            for (Finding warning : check.warnings()) {
                getLog().warn("      " + warning.code() + ": " + Redact.shorten(warning.message(), 400));
            }
        }
        int total = verification.checks().size();
        if (verification.passed()) {
            getLog().info("VERIFIED: " + total + (total == 1 ? " entry matches its" : " entries match their")
                    + " pinned sha-256");
            return;
        }
        String summary = "tokencontract: " + bad.size() + " of " + total + " lockfile entries ";
        if (verification.mismatched()) {
            throw new MojoFailureException(summary + "do not match the registry: " + String.join(", ", bad)
                    + "\n  If the registry is right, re-pin with `mvn tokencontract:lock` or `tokencontract lock"
                    + " NAME@RANGE`; if not, find out who changed it.");
        }
        throw new MojoExecutionException(summary + "could not be checked: " + String.join(", ", bad)
                + (offline() ? " (offline: fetch them once online so the cache holds them)" : ""));
    }

    private static String label(EntryCheck check) {
        return switch (check.finding().code()) {
            case LOCK_ENTRY_VERIFIED -> "ok       ";
            case LOCK_DIGEST_MISMATCH -> "MISMATCH ";
            case LOCK_VERSION_MISSING -> "MISSING  ";
            default -> "UNCHECKED";
        };
    }

    private static String detail(EntryCheck check) {
        return check.verified()
                ? check.finding().message()
                : check.finding().message() + " [" + check.finding().code() + "]";
    }
}
