package dev.tokencontract.contract.internal;

import dev.tokencontract.contract.BundledContract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The index of contracts bundled in {@code contract-schemas}, and version-range resolution over it. */
public final class BundledIndex {
    private static final String ROOT = "tokencontract/contracts/";
    private static final Pattern REFERENCE = Pattern.compile("([a-z0-9]+(?:[.-][a-z0-9]+)*)(?:@(.+))?");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:\\.(\\d+)(?:\\.(\\d+))?)?");

    private BundledIndex() {}

    /** A reference resolved to one bundled name and exact version. */
    public record Resolved(String name, String version) {}

    public static List<BundledContract> list() {
        List<BundledContract> contracts = new ArrayList<>();
        for (JsonNode entry : index().path("contracts").values()) {
            List<String> versions = new ArrayList<>();
            entry.path("versions").values().forEach(v -> versions.add(v.stringValue()));
            versions.sort(SemVer.ORDER);
            contracts.add(new BundledContract(entry.path("name").stringValue(), versions));
        }
        contracts.sort(Comparator.comparing(BundledContract::name));
        return contracts;
    }

    public static Resolved resolve(String reference) throws ContractException {
        Matcher matcher = REFERENCE.matcher(reference.trim());
        if (!matcher.matches()) {
            throw new ContractException("'" + Redact.value(reference)
                    + "' is neither a contract file nor a reference like " + "mcp-access-token@1.0.0");
        }
        String name = matcher.group(1);
        String range = matcher.group(2) == null ? "latest" : matcher.group(2);
        BundledContract contract = list().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ContractException("no bundled contract named '" + name + "'; bundled: "
                        + String.join(
                                ", ", list().stream().map(BundledContract::name).toList())));
        return new Resolved(name, pick(contract, range));
    }

    public static String read(Resolved resolved) throws ContractException {
        String resource = ROOT + resolved.name() + "/" + resolved.version() + ".json";
        try (InputStream in = BundledIndex.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ContractException(
                        "bundled contract " + resolved.name() + "@" + resolved.version() + " is listed but missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContractException("cannot read bundled contract " + resource + ": " + e.getMessage());
        }
    }

    private static String pick(BundledContract contract, String range) throws ContractException {
        if (range.equals("latest")) {
            List<String> releases =
                    contract.versions().stream().filter(v -> !v.contains("-")).toList();
            return releases.isEmpty() ? contract.latest() : releases.get(releases.size() - 1);
        }
        if (contract.versions().contains(range)) {
            return range;
        }
        Matcher matcher = RANGE.matcher(range);
        if (!matcher.matches() || matcher.group(3) != null) {
            throw new ContractException("no version " + Redact.value(range) + " of " + contract.name() + "; versions: "
                    + String.join(", ", contract.versions()));
        }
        String prefix =
                matcher.group(2) == null ? matcher.group(1) + "." : matcher.group(1) + "." + matcher.group(2) + ".";
        List<String> matching = contract.versions().stream()
                .filter(v -> v.startsWith(prefix) && !v.contains("-"))
                .toList();
        if (matching.isEmpty()) {
            throw new ContractException("no version of " + contract.name() + " matches " + range + "; versions: "
                    + String.join(", ", contract.versions()));
        }
        return matching.get(matching.size() - 1);
    }

    private static JsonNode index() {
        try (InputStream in = BundledIndex.class.getClassLoader().getResourceAsStream(ROOT + "index.json")) {
            if (in == null) {
                throw new IllegalStateException("contract-schemas is not on the classpath");
            }
            return StrictJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled contract index", e);
        }
    }
}
