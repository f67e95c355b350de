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
                .desc("registry base URL (https; http only to localhost)"
                        + (registryRequired ? "" : "; default: the one in the lockfile"))
                .get());
        options.addOption(Option.builder()
                .longOpt("cache-dir")
                .hasArg()
                .argName("DIR")
                .desc("where fetched contracts are cached; default $" + CACHE_ENV + " or ~/.tokencontract/cache")
                .get());
        return options;
    }

    /** The client for {@code url}; a refused URL is a usage error. */
    static RegistryClient client(String url, CommandLine line, Io io) throws UsageException {
        if (url == null || url.isBlank()) {
            throw new UsageException("--registry URL is required");
        }
        try {
            return RegistryClient.create(
                    url,
                    RegistrySettings.defaults().withCacheDir(cacheDir(line, io)).withClock(io.clock()));
        } catch (RegistryException e) {
            throw new UsageException("--registry: " + Terminal.safe(e.getMessage(), 200));
        }
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
