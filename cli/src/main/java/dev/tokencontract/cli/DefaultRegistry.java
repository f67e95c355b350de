package dev.tokencontract.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * Which registry a command talks to: {@code --registry URL}, else {@code $TOKENCONTRACT_REGISTRY}, else the
 * {@code registry} of the nearest {@value ProjectFile#NAME} found upward from the working directory, else (for
 * commands that read a lockfile) the registry the lockfile records. The answer says where it came from, for
 * {@code --verbose} and for error messages.
 */
final class DefaultRegistry {
    static final String ENV = "TOKENCONTRACT_REGISTRY";

    /** A registry URL and where it was found ({@code --registry}, {@code $TOKENCONTRACT_REGISTRY}, a file). */
    record Choice(String url, String source) {}

    private DefaultRegistry() {}

    /**
     * @param lockfileRegistry the URL a lockfile records, or {@code null}; used last
     * @param lockfile         the lockfile's path, for the source description; may be {@code null}
     */
    static Optional<Choice> choose(CommandLine line, Io io, String lockfileRegistry, Path lockfile)
            throws UsageException {
        String option = line.hasOption("registry") ? line.getOptionValue("registry") : null;
        if (option != null) {
            if (option.isBlank()) {
                throw new UsageException("--registry must not be blank");
            }
            return Optional.of(new Choice(option.strip(), "--registry"));
        }
        String env = io.env().get(ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(new Choice(env.strip(), "$" + ENV));
        }
        Optional<ProjectFile.Found> project = ProjectFile.find(workingDirectory());
        if (project.isPresent() && project.get().registry().isPresent()) {
            String url = project.get().registry().get().strip();
            if (url.isEmpty()) {
                throw new UsageException("project file "
                        + Terminal.safe(project.get().path().toString(), 200) + ": 'registry' is empty");
            }
            return Optional.of(new Choice(url, "project file " + project.get().path()));
        }
        if (lockfileRegistry != null) {
            return Optional.of(new Choice(lockfileRegistry, "lockfile " + (lockfile == null ? "" : lockfile)));
        }
        return Optional.empty();
    }

    /** As {@link #choose}, but a usage error naming every place looked at when there is no registry. */
    static Choice require(CommandLine line, Io io, String lockfileRegistry, Path lockfile) throws UsageException {
        return choose(line, io, lockfileRegistry, lockfile)
                .orElseThrow(() -> new UsageException("no registry: pass --registry URL, set " + ENV + ", or put"
                        + " {\"registry\": \"https://...\"} in a " + ProjectFile.NAME + " file in this directory or"
                        + " above" + (lockfile == null ? "" : " (the lockfile records none)")));
    }

    /** The process's working directory, where the project file and lockfile searches start. */
    static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
