package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.lock.LockClient;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * Where a command's contract comes from, wherever one is taken ({@code explain --contract}, {@code diff OLD NEW},
 * {@code conform --contract/--against}, {@code lint}):
 *
 * <ul>
 *   <li>{@code registry:NAME@RANGE}: fetched through the registry client (cache, digest check, offline copy and
 *       deprecation warnings on stderr) from the registry {@link DefaultRegistry} chooses;
 *   <li>{@code lock:NAME}: the version the nearest {@code tokencontract.lock} pins, from the local cache when it is
 *       there (no request), otherwise fetched; either way only bytes with the pinned sha-256 are used;
 *   <li>anything else: a bundled reference or a file, as {@link Contracts#load}.
 * </ul>
 *
 * A malformed reference is a usage error; a contract that cannot be obtained is a {@link ContractException}
 * (exit 3, "could not check"), with "did you mean" for names the registry or the lockfile knows.
 */
final class ContractSource {
    static final String REGISTRY = "registry:";
    static final String LOCK = "lock:";

    /** A contract, its document as text, and where it came from (for messages). */
    record Loaded(Contract contract, String json, String origin) {}

    /** A reference whose syntax and registry are settled; loading may then run on another thread. */
    interface Pending {
        Loaded load() throws ContractException;
    }

    private ContractSource() {}

    /** True for {@code registry:} and {@code lock:} references. */
    static boolean isRegistryReference(String text) {
        return text != null && (text.startsWith(REGISTRY) || text.startsWith(LOCK));
    }

    static Contract load(String text, CommandLine line, Io io, String command)
            throws UsageException, ContractException {
        return prepare(text, line, io, command).load().contract();
    }

    /** Checks the reference now (usage errors), and returns how to load it. */
    static Pending prepare(String text, CommandLine line, Io io, String command) throws UsageException {
        if (text != null && text.startsWith(REGISTRY)) {
            return registry(text.substring(REGISTRY.length()), line, io, command);
        }
        if (text != null && text.startsWith(LOCK)) {
            return lock(text.substring(LOCK.length()), line, io, command);
        }
        return () -> {
            try {
                return new Loaded(Contracts.load(text), null, String.valueOf(text));
            } catch (ContractException e) {
                throw withBundledSuggestion(text, e);
            }
        };
    }

    private static Pending registry(String reference, CommandLine line, Io io, String command) throws UsageException {
        ContractRef ref = parse(reference, REGISTRY, "registry:mcp-access-token@^1.0.0");
        RegistryClient client = RegistryOptions.client(line, io, command, null, null);
        return () -> {
            try {
                FetchedContract fetched = client.fetch(ref.toString());
                warn(fetched, io, command);
                return new Loaded(fetched.contract(), fetched.json(), REGISTRY + fetched.reference());
            } catch (RegistryException e) {
                throw unavailable(REGISTRY + ref, e, client.baseUrl().toString(), names(client, ref.name(), e));
            }
        };
    }

    private static Pending lock(String name, CommandLine line, Io io, String command) throws UsageException {
        if (name.contains("@")) {
            throw new UsageException("'" + Terminal.safe(LOCK + name, 80)
                    + "': lock: takes a contract name only; the version is the one the lockfile pins");
        }
        parse(name, LOCK, "lock:mcp-access-token");
        Path path = ProjectFile.findUpward(DefaultRegistry.workingDirectory(), Lockfile.FILE_NAME)
                .orElseThrow(() -> new UsageException("'" + Terminal.safe(LOCK + name, 80) + "': no "
                        + Lockfile.FILE_NAME + " in this directory or above; create one with tokencontract lock"));
        Lockfile lockfile;
        try {
            lockfile = Lockfile.read(path);
        } catch (LockfileException e) {
            throw new UsageException("lockfile " + Terminal.safe(path.toString(), 200) + " is not acceptable: "
                    + Terminal.safe(
                            String.join("; ", e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems()), 300));
        }
        if (line.hasOption("verbose")) {
            io.err().println("tokencontract " + command + ": lockfile " + Terminal.safe(path.toString(), 200));
        }
        List<String> pinned = lockfile.entries().stream().map(LockEntry::name).toList();
        Optional<LockEntry> entry =
                lockfile.entries().stream().filter(e -> e.name().equals(name)).findFirst();
        if (entry.isEmpty()) {
            throw new UsageException("lockfile " + Terminal.safe(path.toString(), 200) + " pins no '"
                    + Terminal.safe(name, 130) + "'" + Suggest.hint(name, pinned) + " (it pins: "
                    + (pinned.isEmpty() ? "nothing" : Terminal.safe(String.join(", ", pinned), 300)) + ")");
        }
        RegistryClient client =
                RegistryOptions.client(line, io, command, lockfile.registry().orElse(null), path);
        LockClient locks = LockClient.of(client);
        return () -> {
            try {
                FetchedContract fetched;
                try {
                    fetched = locks.cachedPinned(entry.get());
                } catch (RegistryException notCached) {
                    if (notCached.kind() != RegistryException.Kind.UNREACHABLE) {
                        throw notCached; // a cached copy with other bytes than the pin: never fall back
                    }
                    fetched = locks.fetchPinned(entry.get()); // not cached yet: the pinned version, digest-checked
                    warn(fetched, io, command);
                }
                return new Loaded(fetched.contract(), fetched.json(), LOCK + fetched.reference());
            } catch (RegistryException e) {
                throw unavailable(
                        LOCK + name + " (" + entry.get().reference() + ")",
                        e,
                        client.baseUrl().toString(),
                        "");
            }
        };
    }

    private static ContractRef parse(String reference, String prefix, String example) throws UsageException {
        if (reference.isBlank()) {
            throw new UsageException("'" + prefix + "' needs a contract name, e.g. " + example);
        }
        try {
            return ContractRef.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + Terminal.safe(prefix + reference, 80) + "' is not a contract reference like "
                    + example + ": " + e.getMessage());
        }
    }

    private static void warn(FetchedContract fetched, Io io, String command) {
        for (Finding warning : fetched.warnings()) {
            io.err()
                    .println("tokencontract " + command + ": warning: " + warning.code() + ": "
                            + Terminal.safe(warning.message(), 400));
        }
    }

    /** {@code "; did you mean 'x'?"} from the registry's names when it has no such contract; else nothing. */
    private static String names(RegistryClient client, String name, RegistryException e) {
        boolean noContract = e.kind() == RegistryException.Kind.NOT_FOUND
                && e.problem().map(p -> "contract-not-found".equals(p.code())).orElse(true);
        if (!noContract) {
            return "";
        }
        try {
            return Suggest.hint(name, client.contractNames());
        } catch (RegistryException | RuntimeException listFailed) {
            return ""; // a suggestion is a courtesy: its failure must not hide the real error
        }
    }

    private static ContractException unavailable(String what, RegistryException e, String registry, String suggestion) {
        String detail = e.problem()
                .map(dev.tokencontract.registry.client.RegistryProblem::detail)
                .filter(d -> d != null && !d.isBlank() && !e.getMessage().contains(d))
                .map(d -> ": " + Terminal.safe(d, 300))
                .orElse("");
        String message = Terminal.safe(what, 200) + ": " + e.getMessage() + detail + suggestion;
        if (e.kind() == RegistryException.Kind.UNREACHABLE && !e.getMessage().contains(registry)) {
            message += " (registry " + registry + ")";
        }
        return new ContractException(message, e.findings());
    }

    private static ContractException withBundledSuggestion(String text, ContractException e) {
        if (text == null || e.getMessage() == null || !e.getMessage().startsWith("no bundled contract named")) {
            return e;
        }
        String name = text.contains("@") ? text.substring(0, text.indexOf('@')) : text;
        List<String> bundled = Contracts.listBundled().stream()
                .map(dev.tokencontract.contract.BundledContract::name)
                .toList();
        String hint = Suggest.hint(name, bundled);
        return hint.isEmpty() ? e : new ContractException(e.getMessage() + hint, e.findings());
    }
}
