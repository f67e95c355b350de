package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract lock}: resolve ranges to exact versions and pin their digests in tokencontract.lock. */
final class LockCommand implements Command {

    @Override
    public String name() {
        return "lock";
    }

    @Override
    public String synopsis() {
        return "[options] NAME@RANGE...";
    }

    @Override
    public String summary() {
        return "pin contracts (exact version and sha-256) in tokencontract.lock";
    }

    @Override
    public String details() {
        return """
                Resolves each NAME@RANGE at the registry to an exact version, checks the body against its
                sha-256 ETag and writes name, version and sha256 to the lockfile (added to, or replacing, the
                entries already there; other entries are kept). Locking needs the registry itself: an
                offline copy is never pinned. See docs/registry-client.md for the format.

                Exit: 0 written, 1 a contract not found or refused, or the existing lockfile is unusable,
                2 usage error, 3 registry unreachable or the lockfile cannot be written.
                """;
    }

    @Override
    public Options options() {
        return Common.withFormatAndHelp(LockOptions.add(RegistryOptions.add(new Options(), false)));
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> references = line.getArgList();
        if (references.isEmpty()) {
            throw new UsageException("name at least one NAME@RANGE to lock");
        }
        Path path = LockOptions.path(line);
        Lockfile existing = null;
        if (Files.exists(path)) {
            try {
                existing = Lockfile.read(path);
            } catch (LockfileException e) {
                return LockOptions.unusable(name(), e, io);
            }
        }
        RegistryClient client = RegistryOptions.client(
                line, io, name(), existing == null ? null : existing.registry().orElse(null), path);
        Lockfile locked;
        try {
            locked = LockClient.of(client).lock(references, existing);
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.INVALID_REFERENCE) {
                throw new UsageException(Terminal.safe(e.getMessage(), 300));
            }
            return RegistryErrors.report(name(), e, format, io);
        } catch (LockfileException e) {
            return LockOptions.unusable(name(), e, io);
        }
        try {
            locked.write(path);
        } catch (IOException e) {
            io.err()
                    .println("tokencontract lock: cannot write " + Terminal.safe(path.toString(), 200) + ": "
                            + Terminal.safe(e.getMessage(), 200));
            return ExitCode.UNCHECKED;
        }
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("lockfile", path.toString());
            root.put("registry", client.baseUrl().toString());
            ArrayNode contracts = root.putArray("contracts");
            locked.entries()
                    .forEach(e -> contracts
                            .addObject()
                            .put("name", e.name())
                            .put("version", e.version())
                            .put("sha256", e.sha256()));
            io.out().print(ReportJson.write(root));
            return ExitCode.OK;
        }
        io.out()
                .println("Locked " + references.size() + (references.size() == 1 ? " contract" : " contracts") + " in "
                        + Terminal.safe(path.toString(), 200) + " (registry " + client.baseUrl() + "):");
        for (String reference : references) {
            LockEntry entry = locked.entry(ContractRef.parse(reference).name()).orElseThrow(); // lock() parsed it
            io.out()
                    .println("  " + Terminal.safe(reference, 120) + " -> " + entry.reference() + "  sha256 "
                            + entry.sha256());
        }
        int kept = locked.entries().size() - references.size();
        if (kept > 0) {
            io.out().println("  (" + kept + " other " + (kept == 1 ? "entry" : "entries") + " kept)");
        }
        return ExitCode.OK;
    }
}
