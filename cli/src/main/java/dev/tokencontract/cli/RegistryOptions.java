package dev.tokencontract.cli;

import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistrySettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code --registry} and {@code --cache-dir}, shared by publish, fetch, lock and verify-lock. */
final class RegistryOptions {
    /** Overrides the cache directory when {@code --cache-dir} is not given. */
    static final String CACHE_ENV = "TOKENCONTRACT_CACHE_DIR";

    private RegistryOptions() {}

    static Options add(Options options, boolean registryRequired) {
        options.addOption(Option.builder()
                .longOpt("registry")
                .hasArg()
                .argName("URL")
                .desc("registry base URL (https; http only to localhost); default $" + DefaultRegistry.ENV + ", then"
                        + " the nearest " + ProjectFile.NAME + (registryRequired ? "" : ", then the lockfile's"))
                .get());
        options.addOption(Option.builder()
                .longOpt("cache-dir")
                .hasArg()
                .argName("DIR")
                .desc("where fetched contracts are cached; default $" + CACHE_ENV + " or ~/.tokencontract/cache")
                .get());
        options.addOption(verbose());
        return options;
    }

    static Option verbose() {
        return Option.builder("v")
                .longOpt("verbose")
                .desc("say on stderr which registry, project file and lockfile are used")
                .get();
    }

    /**
     * The client of the registry {@link DefaultRegistry} chooses; a note on stderr names it when it came from
     * the environment or a project file (or always, with {@code --verbose}).
     */
    static RegistryClient client(
            CommandLine line, Io io, String command, String lockfileRegistry, java.nio.file.Path lockfile)
            throws UsageException {
        DefaultRegistry.Choice choice = DefaultRegistry.require(line, io, lockfileRegistry, lockfile);
        boolean implicit =
                !choice.source().equals("--registry") && !choice.source().startsWith("lockfile");
        String note = choice.url() + " " + choice.source();
        if ((implicit || line.hasOption("verbose")) && noted(io, note)) {
            io.err()
                    .println("tokencontract " + command + ": registry " + Terminal.safe(choice.url(), 200) + " (from "
                            + Terminal.safe(choice.source(), 240) + ")");
        }
        try {
            return RegistryClient.create(
                    choice.url(),
                    RegistrySettings.defaults().withCacheDir(cacheDir(line, io)).withClock(io.clock()));
        } catch (RegistryException e) {
            String from = choice.source().equals("--registry") ? "--registry" : "registry from " + choice.source();
            throw new UsageException(Terminal.safe(from, 240) + ": " + Terminal.safe(e.getMessage(), 200));
        }
    }

    /** Notes said on each stream already: diff OLD NEW with two registry references names the registry once. */
    private static final java.util.Map<java.io.PrintStream, java.util.Set<String>> NOTES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static boolean noted(Io io, String note) {
        return NOTES.computeIfAbsent(io.err(), e -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                .add(note);
    }

    static Path cacheDir(CommandLine line, Io io) throws UsageException {
        String value = line.getOptionValue("cache-dir", io.env().get(CACHE_ENV));
        if (value == null || value.isBlank()) {
            return RegistrySettings.defaultCacheDir();
        }
        return path(value, "--cache-dir");
    }

    static Path path(String value, String option) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": '" + Terminal.safe(value, 80) + "' is not a file path");
        }
    }
}
