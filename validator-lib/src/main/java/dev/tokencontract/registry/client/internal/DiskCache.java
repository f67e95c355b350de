package dev.tokencontract.registry.client.internal;

import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contracts fetched from one registry, on disk. Bodies are stored by digest ({@code blobs/<hex>.json},
 * written once, never changed); a small reference file per requested spec
 * ({@code <name>/<spec>.ref.json}) names the digest, ETag, resolved version and when the registry last
 * confirmed it. Every write is a temp file moved into place, so a reader never sees half a file, and every
 * read re-checks the body's digest, so a corrupted or edited cache is never used.
 */
public final class DiskCache {
    private final Path root;
    private final int maxBytes;

    /** A usable cached copy. */
    public record Entry(String etag, String digest, String version, Instant confirmedAt, byte[] body) {}

    /** The outcome of a lookup: a verified entry, nothing cached, or a cached copy that failed its check. */
    public record Lookup(Entry entry, String problem) {
        public static Lookup none() {
            return new Lookup(null, null);
        }
    }

    public DiskCache(Path cacheDir, URI base, int maxBytes) {
        this.root = cacheDir.resolve(registryKey(base));
        this.maxBytes = maxBytes;
    }

    /** One folder per registry: readable host and port, plus a digest of the whole base URL. */
    static String registryKey(URI base) {
        String host = (base.getHost() + "_" + (base.getPort() < 0 ? base.getScheme() : String.valueOf(base.getPort())))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "_");
        return host + "-"
                + Digests.of(base.toString().getBytes(StandardCharsets.UTF_8))
                        .substring(Digests.PREFIX.length(), Digests.PREFIX.length() + 12);
    }

    public Path root() {
        return root;
    }

    public Lookup read(VersionSpec spec) {
        Path ref = refFile(spec);
        if (!Files.isRegularFile(ref)) {
            return Lookup.none();
        }
        try {
            if (Files.size(ref) > 4096) {
                return new Lookup(null, "cache entry " + ref + " is too large");
            }
            StrictJson.Parsed parsed = StrictJson.parse(Files.readString(ref));
            JsonNode node = parsed.ok() ? parsed.node() : null;
            if (node == null
                    || !node.path("digest").isString()
                    || !node.path("version").isString()
                    || !node.path("confirmedAt").isString()) {
                return new Lookup(null, "cache entry " + ref + " is unreadable");
            }
            String digest = node.path("digest").stringValue();
            if (!digest.startsWith(Digests.PREFIX) || !Digests.isHex(digest.substring(Digests.PREFIX.length()))) {
                return new Lookup(null, "cache entry " + ref + " names no sha-256 digest");
            }
            Path blob = blobFile(digest);
            if (!Files.isRegularFile(blob) || Files.size(blob) > maxBytes) {
                return new Lookup(null, "cached body " + blob + " is missing or too large");
            }
            byte[] body = Files.readAllBytes(blob);
            if (!Digests.same(Digests.of(body), digest)) {
                return new Lookup(null, "cached body " + blob + " does not match its digest (changed on disk)");
            }
            String etag = node.path("etag").isString() ? node.path("etag").stringValue() : Digests.toEtag(digest);
            return new Lookup(
                    new Entry(
                            etag,
                            digest,
                            node.path("version").stringValue(),
                            Instant.parse(node.path("confirmedAt").stringValue()),
                            body),
                    null);
        } catch (IOException | DateTimeParseException e) {
            return new Lookup(null, "cache entry " + ref + " is unreadable: " + e.getMessage());
        }
    }

    /** Stores a verified body under its digest and points the spec's reference at it; failures are returned, not thrown. */
    public String write(VersionSpec spec, Entry entry) {
        try {
            Path blob = blobFile(entry.digest());
            if (!Files.isRegularFile(blob)) {
                atomicWrite(blob, entry.body());
            }
            ObjectNode ref = JsonNodeFactory.instance.objectNode();
            ref.put("etag", entry.etag());
            ref.put("digest", entry.digest());
            ref.put("version", entry.version());
            ref.put("confirmedAt", entry.confirmedAt().toString());
            atomicWrite(refFile(spec), ref.toString().getBytes(StandardCharsets.UTF_8));
            return null;
        } catch (IOException | RuntimeException e) {
            return "could not write the cache under " + root + ": " + e.getMessage();
        }
    }

    private Path refFile(VersionSpec spec) {
        String file = spec.spec().replace("^", "caret-").replace("~", "tilde-");
        return root.resolve(spec.name()).resolve(file + ".ref.json");
    }

    private Path blobFile(String digest) {
        return root.resolve("blobs").resolve(digest.substring(Digests.PREFIX.length()) + ".json");
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
