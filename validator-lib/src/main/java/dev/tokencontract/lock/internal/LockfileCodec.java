package dev.tokencontract.lock.internal;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.lock.LockEntry;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads lockfile JSON strictly: duplicate members, unknown fields, wrong types, malformed names, versions
 * or digests, duplicate entries and oversized files are each reported with a JSON pointer; nothing is
 * guessed.
 */
public final class LockfileCodec {
    public static final int FORMAT_VERSION = 1;
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ENTRIES = 1000;
    private static final Set<String> TOP = Set.of("lockfileVersion", "registry", "contracts");
    private static final Set<String> ENTRY = Set.of("name", "version", "sha256");

    private LockfileCodec() {}

    /** What a lockfile holds once read; {@code problems} is empty when it is acceptable. */
    public record Decoded(String registry, List<LockEntry> entries, List<String> problems) {}

    public static Decoded decode(String text) {
        List<String> problems = new ArrayList<>();
        if (text.length() > MAX_BYTES) {
            return new Decoded(null, List.of(), List.of("the lockfile is larger than " + MAX_BYTES + " bytes"));
        }
        StrictJson.Parsed parsed = StrictJson.parse(text);
        if (!parsed.ok()) {
            return new Decoded(
                    null,
                    List.of(),
                    List.of("not JSON (" + parsed.problem().name().toLowerCase().replace('_', ' ') + "): "
                            + parsed.detail()));
        }
        JsonNode root = parsed.node();
        if (!root.isObject()) {
            return new Decoded(null, List.of(), List.of("the lockfile must be one JSON object"));
        }
        root.propertyNames().forEach(field -> {
            if (!TOP.contains(field)) {
                problems.add("/" + Redact.value(field) + ": unknown field");
            }
        });
        JsonNode format = root.get("lockfileVersion");
        if (format == null || !format.isIntegralNumber()) {
            problems.add("/lockfileVersion: must be the integer " + FORMAT_VERSION);
        } else if (format.asInt() != FORMAT_VERSION) {
            problems.add("/lockfileVersion: version " + Redact.value(format.toString())
                    + " is not supported by this tool (it reads " + FORMAT_VERSION + ")");
        }
        String registry = null;
        JsonNode registryNode = root.get("registry");
        if (registryNode != null && !registryNode.isNull()) {
            if (!registryNode.isString()) {
                problems.add("/registry: must be a URL string");
            } else {
                registry = registryNode.stringValue();
                try {
                    RegistryClient.checkBaseUrl(registry);
                } catch (RegistryException e) {
                    problems.add("/registry: " + e.getMessage());
                }
            }
        }
        List<LockEntry> entries = entries(root.get("contracts"), problems);
        return new Decoded(registry, problems.isEmpty() ? entries : List.of(), problems);
    }

    private static List<LockEntry> entries(JsonNode contracts, List<String> problems) {
        List<LockEntry> entries = new ArrayList<>();
        if (contracts == null || !contracts.isArray()) {
            problems.add("/contracts: must be an array of {name, version, sha256}");
            return entries;
        }
        if (contracts.size() > MAX_ENTRIES) {
            problems.add("/contracts: more than " + MAX_ENTRIES + " entries");
            return entries;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < contracts.size(); i++) {
            String at = "/contracts/" + i;
            JsonNode item = contracts.get(i);
            if (!item.isObject()) {
                problems.add(at + ": must be an object {name, version, sha256}");
                continue;
            }
            item.propertyNames().forEach(field -> {
                if (!ENTRY.contains(field)) {
                    problems.add(at + "/" + Redact.value(field) + ": unknown field");
                }
            });
            String name = string(item, "name", at, problems);
            String version = string(item, "version", at, problems);
            String sha256 = string(item, "sha256", at, problems);
            if (name == null || version == null || sha256 == null) {
                continue;
            }
            ContractRef ref;
            try {
                ref = new ContractRef(name, version);
            } catch (IllegalArgumentException e) {
                problems.add(at + ": '" + Redact.value(name + "@" + version)
                        + "' is not a contract reference like mcp-access-token@^1.0.0: " + e.getMessage());
                continue;
            }
            if (!ref.isExact()) {
                problems.add(at + "/version: '" + Redact.value(version)
                        + "' is not an exact version; a lockfile pins exact versions");
                continue;
            }
            if (!PinnedDigest.isHex(sha256)) {
                problems.add(at + "/sha256: must be 64 lower-case hex characters");
                continue;
            }
            if (!names.add(name)) {
                problems.add(at + "/name: " + name + " is pinned more than once");
                continue;
            }
            entries.add(new LockEntry(name, version, sha256));
        }
        return entries;
    }

    private static String string(JsonNode item, String field, String at, List<String> problems) {
        JsonNode value = item.get(field);
        if (value == null || !value.isString()) {
            problems.add(at + "/" + field + ": must be a string");
            return null;
        }
        return value.stringValue();
    }
}
