package dev.tokencontract.lock;

import dev.tokencontract.lock.internal.LockfileCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tokencontract.lock}: the exact version and SHA-256 of every contract a build uses, so the build
 * fetches exactly what it was tested against and fails when a pinned digest no longer matches.
 * Immutable; entries are kept sorted by name, one per name. The format (JSON) is in
 * {@code docs/registry-client.md}:
 *
 * <pre>{@code
 * {
 *   "lockfileVersion": 1,
 *   "registry": "https://registry.example.test",
 *   "contracts": [
 *     { "name": "mcp-access-token", "version": "1.0.0", "sha256": "9f2c...e1" }
 *   ]
 * }
 * }</pre>
 */
public final class Lockfile {
    /** The file name builds use. */
    public static final String FILE_NAME = "tokencontract.lock";

    private static final JsonMapper WRITER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String registry;
    private final List<LockEntry> entries;

    private Lockfile(String registry, List<LockEntry> entries) {
        this.registry = registry;
        List<LockEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(LockEntry::name));
        this.entries = List.copyOf(sorted);
    }

    /** A lockfile of these entries; {@code registry} (may be {@code null}) is recorded for verify-lock. */
    public static Lockfile of(String registry, List<LockEntry> entries) throws LockfileException {
        Lockfile lockfile = new Lockfile(registry, entries);
        parse(lockfile.toJson()); // the same checks as reading: names, exact versions, digests, no duplicates
        return lockfile;
    }

    public static Lockfile read(Path path) throws LockfileException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new LockfileException("no lockfile at " + path, List.of());
            }
            if (Files.size(path) > LockfileCodec.MAX_BYTES) {
                throw new LockfileException(
                        "lockfile " + path + " is larger than " + LockfileCodec.MAX_BYTES + " bytes", List.of());
            }
            return parse(Files.readString(path, StandardCharsets.UTF_8), "lockfile " + path);
        } catch (IOException e) {
            throw new LockfileException("cannot read lockfile " + path + ": " + e.getMessage(), List.of());
        }
    }

    public static Lockfile parse(String json) throws LockfileException {
        return parse(json, "lockfile");
    }

    private static Lockfile parse(String json, String what) throws LockfileException {
        LockfileCodec.Decoded decoded = LockfileCodec.decode(json == null ? "" : json);
        if (!decoded.problems().isEmpty()) {
            throw new LockfileException(what + " is not acceptable", decoded.problems());
        }
        return new Lockfile(decoded.registry(), decoded.entries());
    }

    /** The registry URL the lockfile was made against, if recorded. */
    public Optional<String> registry() {
        return Optional.ofNullable(registry);
    }

    public List<LockEntry> entries() {
        return entries;
    }

    public Optional<LockEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** This lockfile with {@code entry} added, replacing any entry of the same name. */
    public Lockfile with(LockEntry entry) throws LockfileException {
        List<LockEntry> next = new ArrayList<>(
                entries.stream().filter(e -> !e.name().equals(entry.name())).toList());
        next.add(entry);
        return of(registry, next);
    }

    /** This lockfile recording another registry URL. */
    public Lockfile withRegistry(String url) throws LockfileException {
        return of(url, entries);
    }

    /** Pretty-printed JSON, entries sorted by name, with a final newline (diff-friendly). */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("lockfileVersion", LockfileCodec.FORMAT_VERSION);
        if (registry != null) {
            root.put("registry", registry);
        }
        ArrayNode contracts = root.putArray("contracts");
        for (LockEntry entry : entries) {
            contracts
                    .addObject()
                    .put("name", entry.name())
                    .put("version", entry.version())
                    .put("sha256", entry.sha256());
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return WRITER.writer().with(printer).writeValueAsString(root) + "\n";
    }

    /** Writes the lockfile atomically (a temp file moved over the old one). */
    public void write(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".tokencontract-lock-", ".part");
        try {
            Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lockfile that
                && java.util.Objects.equals(registry, that.registry)
                && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(registry, entries);
    }

    @Override
    public String toString() {
        return "Lockfile" + entries;
    }
}
