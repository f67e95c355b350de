package dev.tokencontract.cli;

import dev.tokencontract.json.StrictJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --claim NAME=VALUE} of {@code example} and {@code mint}. VALUE is JSON when it parses as JSON
 * ({@code 42}, {@code true}, {@code ["admin"]}, {@code "123"}), otherwise the text itself. NAME is a top-level
 * claim taken literally (so {@code https://example.com/roles} works); a NAME starting with {@code /} is a JSON
 * pointer ({@code /act/sub}) whose missing parents are created as objects. The same claim twice is refused.
 */
record ClaimOverrides(List<Override> overrides) {
    /** Longer values belong in a contract, not a command line; also bounds what one argument can cost. */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    static final int MAX_NAME_CHARS = 255;
    private static final int MAX_DEPTH = 16;

    /** One override: the path of object member names, and the value. */
    record Override(String display, List<String> path, JsonNode value) {}

    ClaimOverrides {
        overrides = List.copyOf(overrides);
    }

    static ClaimOverrides parse(String[] arguments) throws UsageException {
        List<Override> out = new ArrayList<>();
        for (String argument : arguments == null ? new String[0] : arguments) {
            Override override = parseOne(argument);
            for (Override earlier : out) {
                if (startsWith(earlier.path(), override.path()) || startsWith(override.path(), earlier.path())) {
                    throw new UsageException("--claim " + Terminal.safe(override.display(), 80)
                            + " is given twice (or inside another --claim): give each claim once");
                }
            }
            out.add(override);
        }
        return new ClaimOverrides(out);
    }

    /** True when {@code path} is {@code prefix} or lies inside it (member names compared, not joined text). */
    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static Override parseOne(String argument) throws UsageException {
        int equals = argument.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(
                    "--claim takes NAME=VALUE, e.g. --claim tenant_id=acme or --claim 'roles=[\"admin\"]'");
        }
        String name = argument.substring(0, equals);
        String text = argument.substring(equals + 1);
        if (name.length() > MAX_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("--claim: the name '" + Terminal.safe(name, 40) + "' is longer than "
                    + MAX_NAME_CHARS + " characters or holds control characters");
        }
        if (text.length() > MAX_VALUE_CHARS) {
            throw new UsageException("--claim " + Terminal.safe(name, 40) + ": the value is longer than "
                    + MAX_VALUE_CHARS + " characters");
        }
        return new Override(name, path(name), value(name, text));
    }

    private static List<String> path(String name) throws UsageException {
        if (!name.startsWith("/")) {
            return List.of(name);
        }
        List<String> path = new ArrayList<>();
        for (String token : name.substring(1).split("/", -1)) {
            if (token.isEmpty()) {
                throw new UsageException(
                        "--claim " + Terminal.safe(name, 80) + ": a pointer has no empty member names");
            }
            path.add(token.replace("~1", "/").replace("~0", "~"));
        }
        if (path.size() > MAX_DEPTH) {
            throw new UsageException("--claim " + Terminal.safe(name, 80) + ": deeper than " + MAX_DEPTH + " levels");
        }
        return List.copyOf(path);
    }

    private static JsonNode value(String name, String text) throws UsageException {
        String trimmed = text.strip();
        boolean looksLikeJson = trimmed.startsWith("{")
                || trimmed.startsWith("[")
                || trimmed.startsWith("\"")
                || trimmed.equals("true")
                || trimmed.equals("false")
                || trimmed.equals("null")
                || trimmed.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
        if (!looksLikeJson) {
            return JsonNodeFactory.instance.stringNode(text);
        }
        StrictJson.Parsed parsed = StrictJson.parse(trimmed);
        if (!parsed.ok()) { // a value that starts like JSON but is not: say so rather than guess
            throw new UsageException("--claim " + Terminal.safe(name, 40) + ": the value starts like JSON but is not ("
                    + Terminal.safe(parsed.detail(), 120) + "); quote a string as '\"...\"'");
        }
        return parsed.node();
    }

    /** A copy of {@code claims} with every override applied in order. */
    ObjectNode applyTo(ObjectNode claims) throws UsageException {
        ObjectNode copy = claims.deepCopy();
        for (Override override : overrides) {
            ObjectNode parent = copy;
            List<String> path = override.path();
            for (String member : path.subList(0, path.size() - 1)) {
                JsonNode child = parent.get(member);
                if (child == null) {
                    child = parent.putObject(member);
                } else if (!child.isObject()) {
                    throw new UsageException("--claim " + Terminal.safe(override.display(), 80) + ": '"
                            + Terminal.safe(member, 40) + "' is not an object in the claim set");
                }
                parent = (ObjectNode) child;
            }
            parent.set(path.get(path.size() - 1), override.value().deepCopy());
        }
        return copy;
    }

    boolean sets(String claim) {
        return overrides.stream()
                .anyMatch(o -> o.path().size() == 1 && o.path().get(0).equals(claim));
    }
}
