package dev.tokencontract.maven;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.maven.internal.Problems;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistrySettings;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal that talks to a registry or reads {@code tokencontract.lock} shares: the registry URL, the
 * lockfile, the cache, timeouts and Maven's offline mode. A goal that runs with {@code -o} (or
 * {@code -Dtokencontract.offline}) never contacts the registry: it is answered from the verified cache.
 */
abstract class RegistryMojo extends AbstractMojo {

    /** The registry's base URL (https, or http to loopback). Defaults to the one the lockfile records. */
    @Parameter(property = "tokencontract.registry")
    String registry;

    /** The lockfile, in the same format as {@code tokencontract lock} writes. */
    @Parameter(property = "tokencontract.lockfile", defaultValue = "${project.basedir}/" + Lockfile.FILE_NAME)
    File lockfile;

    /** Where fetched contracts are cached (shared with the CLI by default), checked against their sha-256 on use. */
    @Parameter(property = "tokencontract.cacheDir", defaultValue = "${user.home}/.tokencontract/cache")
    File cacheDir;

    /** Maven's own offline switch ({@code mvn -o}). */
    @Parameter(defaultValue = "${settings.offline}", readonly = true)
    boolean mavenOffline;

    /** Never contact the registry; use the verified cache only (also on with {@code mvn -o}). */
    @Parameter(property = "tokencontract.offline", defaultValue = "false")
    boolean offline;

    /** Seconds allowed to connect to the registry. */
    @Parameter(property = "tokencontract.connectTimeoutSeconds", defaultValue = "2")
    int connectTimeoutSeconds;

    /** Seconds allowed for one whole exchange with the registry. */
    @Parameter(property = "tokencontract.readTimeoutSeconds", defaultValue = "10")
    int readTimeoutSeconds;

    /** Skip this goal. */
    @Parameter(property = "tokencontract.skip", defaultValue = "false")
    boolean skip;

    boolean offline() {
        return offline || mavenOffline;
    }

    RegistrySettings settings() throws MojoExecutionException {
        if (connectTimeoutSeconds < 1 || readTimeoutSeconds < 1) {
            throw new MojoExecutionException(
                    "tokencontract: timeouts are whole seconds, at least 1 (connectTimeoutSeconds="
                            + connectTimeoutSeconds + ", readTimeoutSeconds=" + readTimeoutSeconds + ")");
        }
        return RegistrySettings.defaults()
                .withCacheDir(cacheDir.toPath())
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds));
    }

    /** A client of {@code url}; an offline one under {@code -o}. */
    RegistryClient client(String url) throws MojoExecutionException {
        if (url == null || url.isBlank()) {
            throw new MojoExecutionException("tokencontract: no registry URL: set <registry> in the plugin's"
                    + " configuration or -Dtokencontract.registry=URL (or lock once so the lockfile records it)");
        }
        try {
            return offline() ? RegistryClient.offline(url, settings()) : RegistryClient.create(url, settings());
        } catch (RegistryException e) {
            throw new MojoExecutionException("tokencontract: the registry URL is not acceptable: " + Problems.text(e));
        }
    }

    /** The lockfile, which must exist and be well-formed. */
    Lockfile readLockfile() throws MojoFailureException, MojoExecutionException {
        if (!Files.isRegularFile(lockfile.toPath())) {
            throw new MojoExecutionException("tokencontract: no lockfile at " + lockfile
                    + ": create it with `mvn tokencontract:lock` (or `tokencontract lock NAME@RANGE`)");
        }
        try {
            return Lockfile.read(lockfile.toPath());
        } catch (LockfileException e) {
            Problems.logLockfile(getLog(), e);
            throw new MojoFailureException("tokencontract: " + e.getMessage() + " (see the errors above)");
        }
    }

    /** {@link #registry}, or the URL the lockfile records. */
    String registryOf(Lockfile lock) {
        return registry != null && !registry.isBlank()
                ? registry
                : lock.registry().orElse(null);
    }
}
