package dev.tokencontract.maven;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.maven.internal.Problems;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fetches exactly the contracts {@code tokencontract.lock} pins (each version, only with its pinned sha-256) and
 * writes them to {@code target/classes/tokencontract/NAME.json}, so the application and its tests load the pinned
 * bytes from the classpath. Offline ({@code -o}), the verified cache answers. A changed digest fails the build.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FetchMojo extends RegistryMojo {

    /** Where the pinned contract documents are written, one {@code NAME.json} each. */
    @Parameter(
            property = "tokencontract.fetch.outputDirectory",
            defaultValue = "${project.build.outputDirectory}/tokencontract")
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("tokencontract: fetch skipped");
            return;
        }
        Lockfile lock = readLockfile();
        LockClient locks = LockClient.of(client(registryOf(lock)));
        for (LockEntry entry : lock.entries()) {
            FetchedContract fetched;
            try {
                fetched = locks.fetchPinned(entry);
            } catch (RegistryException e) {
                fail(entry, e);
                return;
            }
            Problems.log(getLog(), fetched.warnings());
            Path target = outputDirectory.toPath().resolve(entry.name() + ".json");
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, fetched.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("tokencontract: cannot write " + target + ": " + e.getMessage());
            }
            getLog().info("Fetched " + entry.reference() + " sha256 " + entry.sha256() + " ("
                    + fetched.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ") -> "
                    + target);
        }
    }

    /** A wrong or vanished pin fails the build; a registry that cannot be reached (and no cache) is a setup error. */
    static void fail(LockEntry entry, RegistryException e) throws MojoFailureException, MojoExecutionException {
        String message = "tokencontract: " + entry.reference() + ": " + Problems.text(e);
        if (e.kind() == RegistryException.Kind.BAD_RESPONSE || e.kind() == RegistryException.Kind.NOT_FOUND) {
            throw new MojoFailureException(message
                    + "\n  The registry and " + Lockfile.FILE_NAME + " disagree. If the registry is right, re-pin with"
                    + " `mvn tokencontract:lock` or `tokencontract lock " + Redact.shorten(entry.name(), 100)
                    + "@RANGE`; if not, find out who changed it.");
        }
        throw new MojoExecutionException(message);
    }
}
