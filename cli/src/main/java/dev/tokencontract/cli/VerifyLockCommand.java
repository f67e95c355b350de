package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockVerification;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.registry.client.RegistryClient;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract verify-lock}: every pinned version still has its pinned sha-256. */
final class VerifyLockCommand implements Command {

    @Override
    public String name() {
        return "verify-lock";
    }

    @Override
    public String synopsis() {
        return "[options]";
    }

    @Override
    public String summary() {
        return "check that every pinned contract still has its pinned sha-256";
    }

    @Override
    public String details() {
        return """
                Fetches each pinned exact version (revalidating the cache) and compares its sha-256 with the
                lockfile. When the registry is unreachable, a cached copy counts only if its digest matches,
                and a warning says so. The registry is --registry, else $TOKENCONTRACT_REGISTRY, else the
                nearest .tokencontract.json's, else the one recorded in the lockfile.

                Exit: 0 every entry matches, 1 a digest mismatch, a version that vanished, or an unusable
                lockfile, 2 usage error, 3 some entry could not be checked (registry unreachable, no cache).
                """;
    }

    @Override
    public Options options() {
        return Common.withFormatAndHelp(LockOptions.add(RegistryOptions.add(new Options(), false)));
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("verify-lock takes no arguments (use --lockfile PATH)");
        }
        Path path = LockOptions.path(line);
        Lockfile lockfile;
        try {
            lockfile = Lockfile.read(path);
        } catch (LockfileException e) {
            return LockOptions.unusable(name(), e, io);
        }
        RegistryClient client =
                RegistryOptions.client(line, io, name(), lockfile.registry().orElse(null), path);
        LockVerification verification = LockClient.of(client).verify(lockfile);
        int exit = verification.passed()
                ? ExitCode.OK
                : verification.mismatched() ? ExitCode.REJECTED : ExitCode.UNCHECKED;
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(json(path, client, verification, exit)));
            return exit;
        }
        Terminal term = new Terminal(io.colour());
        io.out().println(term.bold("Lockfile " + Terminal.safe(path.toString(), 200)) + " against " + client.baseUrl());
        int width = lockfile.entries().stream()
                .mapToInt(e -> e.reference().length())
                .max()
                .orElse(0);
        for (LockVerification.EntryCheck check : verification.checks()) {
            String reference = check.entry().reference();
            io.out()
                    .println("  " + label(check.finding(), term) + "  " + reference
                            + " ".repeat(width - reference.length()) + "  " + Terminal.safe(detail(check), 400));
            for (Finding warning : check.warnings()) {
                io.out()
                        .println("      " + term.yellow("warning") + " " + warning.code() + ": "
                                + Terminal.safe(warning.message(), 400));
            }
        }
        long bad = verification.checks().stream().filter(c -> !c.verified()).count();
        int total = verification.checks().size();
        if (exit == ExitCode.OK) {
            io.out()
                    .println(term.green(term.bold("VERIFIED")) + ": " + total
                            + (total == 1 ? " entry matches its" : " entries match their")
                            + " pinned sha-256 (exit 0)");
        } else {
            io.out()
                    .println(term.red(term.bold("FAILED")) + ": " + bad + " of " + total
                            + (total == 1 ? " entry" : " entries")
                            + (exit == ExitCode.REJECTED
                                    ? (bad == 1 ? " does" : " do") + " not match the lockfile (exit 1)"
                                    : " could not be checked (exit 3)"));
        }
        return exit;
    }

    private static String label(Finding finding, Terminal term) {
        return switch (finding.code()) {
            case LOCK_ENTRY_VERIFIED -> term.green("ok       ");
            case LOCK_DIGEST_MISMATCH -> term.red("MISMATCH ");
            case LOCK_VERSION_MISSING -> term.red("MISSING  ");
            default -> term.yellow("UNCHECKED");
        };
    }

    private static String detail(LockVerification.EntryCheck check) {
        Finding finding = check.finding();
        String message = finding.message();
        String prefix = check.entry().reference();
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length()).replaceFirst("^[: ]+", "");
        }
        return finding.code() == FindingCode.LOCK_ENTRY_VERIFIED ? message : message + " [" + finding.code() + "]";
    }

    private static ObjectNode json(Path path, RegistryClient client, LockVerification verification, int exit) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("lockfile", path.toString());
        root.put("registry", client.baseUrl().toString());
        root.put("passed", verification.passed());
        root.put("exitCode", exit);
        ArrayNode entries = root.putArray("entries");
        for (LockVerification.EntryCheck check : verification.checks()) {
            ObjectNode entry = entries.addObject();
            entry.put("name", check.entry().name());
            entry.put("version", check.entry().version());
            entry.put("sha256", check.entry().sha256());
            entry.put("verified", check.verified());
            entry.put("source", check.source() == null ? null : check.source().name());
            entry.set("finding", ReportJson.toNode(check.finding()));
            ArrayNode warnings = entry.putArray("warnings");
            check.warnings().forEach(w -> warnings.add(ReportJson.toNode(w)));
        }
        return root;
    }
}
