package dev.tokencontract.contract;

import dev.tokencontract.contract.internal.BundledIndex;
import dev.tokencontract.contract.internal.ContractLinter;
import dev.tokencontract.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads contracts: bundled ones by reference, files, and strings. Every contract is linted before it is
 * used, so a validator never runs on a contract that allows {@code none} or fetches remote schemas.
 */
public final class Contracts {
    /** The prefix that marks a reference as a file whatever its name: {@code file:my-contract}. */
    public static final String FILE_PREFIX = "file:";

    private Contracts() {}

    /**
     * Loads a contract by reference: a file given as a path ({@code file:contract.json}, or text with a
     * {@code /} or {@code \\}, or ending in {@code .json}), or a bundled contract as {@code name@1.0.0},
     * {@code name@1}, {@code name@1.0}, {@code name@latest} or plain {@code name} (the latest). A plain
     * name is always the bundled contract: a file of that name in the working directory is never read.
     */
    public static Contract load(String reference) throws ContractException {
        if (reference == null || reference.isBlank()) {
            throw new ContractException("no contract given");
        }
        if (reference.startsWith(FILE_PREFIX)) {
            return fromFile(path(reference.substring(FILE_PREFIX.length()), reference));
        }
        if (!reference.contains("@") && looksLikePath(reference)) {
            return fromFile(path(reference, reference));
        }
        return bundled(reference);
    }

    /** A bundled contract by {@code name@version-or-range}. */
    public static Contract bundled(String reference) throws ContractException {
        BundledIndex.Resolved resolved = BundledIndex.resolve(reference);
        return toContract(ContractLinter.lintBundled(BundledIndex.read(resolved)));
    }

    /** The bundled contracts and their versions. */
    public static List<BundledContract> listBundled() {
        return BundledIndex.list();
    }

    public static Contract fromFile(Path path) throws ContractException {
        return parse(readFile(path));
    }

    /** Parses, lints and compiles a contract document; throws with the lint findings when it fails. */
    public static Contract parse(String json) throws ContractException {
        return toContract(ContractLinter.lint(json == null ? "" : json));
    }

    private static Contract toContract(ContractLinter.Outcome outcome) throws ContractException {
        LintReport report = toReport(outcome);
        Optional<Contract> contract = report.contract();
        if (contract.isEmpty()) {
            long errors = report.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .count();
            throw new ContractException("the contract fails lint with " + errors + " error(s)", report.findings());
        }
        return contract.get();
    }

    /** Lints a contract document and returns every finding; never throws for any input. */
    public static LintReport lint(String json) {
        return toReport(ContractLinter.lint(json == null ? "" : json));
    }

    private static LintReport toReport(ContractLinter.Outcome outcome) {
        return new LintReport(
                outcome.findings(), Optional.ofNullable(outcome.contract()).map(Contract::new));
    }

    /** Reads a contract file with the same size cap as lint; a clear message when it cannot be read. */
    public static String readFile(Path path) throws ContractException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new ContractException("no contract file at " + path);
            }
            if (Files.size(path) > ContractLinter.MAX_BYTES) {
                throw new ContractException(
                        "contract file " + path + " is larger than " + ContractLinter.MAX_BYTES + " bytes");
            }
            return Files.readString(path);
        } catch (IOException e) {
            throw new ContractException("cannot read contract file " + path + ": " + e.getMessage());
        }
    }

    private static boolean looksLikePath(String reference) {
        try {
            Path.of(reference);
        } catch (InvalidPathException e) {
            return false; // not a path on this system (e.g. a NUL character): let the reference parser say why
        }
        return reference.endsWith(".json") || reference.contains("/") || reference.contains("\\");
    }

    private static Path path(String text, String reference) throws ContractException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ContractException("'" + dev.tokencontract.finding.Redact.value(reference)
                    + "' is not a file path on this system: " + e.getReason());
        }
    }
}
