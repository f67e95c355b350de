package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** What {@code check-idp} and {@code check-resource} share: URL-or-file arguments, contract lists, file reading. */
final class IdpOptions {
    /** Metadata documents are small; the same cap as a fetched one. */
    static final int MAX_FILE_BYTES = 512 * 1024;

    private IdpOptions() {}

    static boolean isUrl(String value) {
        return value.startsWith("https://") || value.startsWith("http://");
    }

    static String single(CommandLine line, String what) throws UsageException {
        List<String> args = line.getArgList();
        if (args.size() != 1 || args.get(0).isBlank()) {
            throw new UsageException("expected one " + what + ", got " + args.size());
        }
        return args.get(0).strip();
    }

    /** The contracts named by {@code --contract} (repeatable), or the defaults. */
    static List<Contract> contracts(CommandLine line, String option, List<String> defaults) throws ContractException {
        List<Contract> contracts = new ArrayList<>();
        String[] given = line.getOptionValues(option);
        for (String reference : given == null ? defaults.toArray(String[]::new) : given) {
            contracts.add(Contracts.load(reference));
        }
        return contracts;
    }

    static String readFile(String option, String value) throws UsageException, IOException {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + "'" + Terminal.safe(value, 80) + "' is not a file path");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException(option + Terminal.safe(value, 200) + " is a directory, not a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(
                    option + "no file at " + Terminal.safe(value, 200) + " (give an https URL or a file)");
        }
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new IOException(value + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        // bytes that are not UTF-8 become U+FFFD, so the JSON check reports the file (not a decoder exception)
        return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }
}
