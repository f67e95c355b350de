package dev.tokencontract.cli;

import dev.tokencontract.compat.ChangeClass;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.client.RegistryProblem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The way forward after a publish the registry refused with 409: for {@code incompatible}, what would get the
 * change published (a new contract name, the widening acknowledgement, a mode that tolerates the refused
 * classes); for {@code version-conflict}, a new version number. Printed after the problem itself.
 */
final class RefusalAdvice {
    private static final Pattern EXACT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(-.*)?");

    private RefusalAdvice() {}

    /** The advice lines (each starting with two spaces), or none for problems other than these 409s. */
    static List<String> lines(RegistryProblem problem, String document) {
        JsonNode contract = StrictJson.parse(document == null ? "" : document).node();
        String name = text(contract, "name", "NAME");
        String version = text(contract, "version", "VERSION");
        if ("incompatible".equals(problem.code())) {
            return incompatible(problem, name);
        }
        if ("version-conflict".equals(problem.code())) {
            return List.of(
                    "  way forward: published versions never change; give your document a new version in"
                            + " x-contract.version (e.g. " + next(version) + ") and publish that.",
                    "  (the same bytes as the published " + name + "@" + version + " would be accepted again: 200)");
        }
        return List.of();
    }

    private static List<String> incompatible(RegistryProblem problem, String name) {
        JsonNode body = problem.body();
        String mode =
                body != null && body.path("mode").isString() ? body.path("mode").stringValue() : "its mode";
        Set<ChangeClass> refused = EnumSet.noneOf(ChangeClass.class);
        JsonNode refusedChanges = body == null ? null : body.path("refused");
        List<JsonNode> changes = refusedChanges != null && refusedChanges.isArray()
                ? refusedChanges.values().stream().toList()
                : problem.changes().stream()
                        .filter(c -> c.path("refused").asBoolean(false))
                        .toList();
        for (JsonNode change : changes) {
            for (JsonNode c : change.path("classes").values()) {
                for (ChangeClass known : ChangeClass.values()) {
                    if (known.name().equals(c.asString(""))) {
                        refused.add(known);
                    }
                }
            }
        }
        boolean widening = refused.remove(ChangeClass.AUTHORIZATION_WIDENING);
        refused.remove(ChangeClass.COSMETIC);
        CompatibilityMode current = CompatibilityMode.parse(mode);
        if (current != null) {
            // a change in two classes (widening and producer-breaking) may be refused for one of them only
            refused.retainAll(current.refused());
        }
        List<String> lines = new ArrayList<>();
        lines.add("  way forward (published versions never change):");
        if (widening) {
            lines.add("    - the change grants more access (authorization widening): if that is intended, publish again"
                    + " with --acknowledge-widening" + (refused.isEmpty() ? "" : " (and deal with the other changes)"));
        }
        if (!refused.isEmpty()) {
            lines.add(
                    "    - publish the new shape under a new contract name (e.g. " + name + "-v2) that consumers adopt"
                            + " on purpose; a new major version of " + name + " is judged under " + mode
                            + " against the earlier versions like any other, so it is refused too");
            CompatibilityMode tolerant = tolerant(refused);
            lines.add("    - if your policy allows it, weaken the mode: tokencontract mode " + name + " "
                    + tolerant.name()
                    + " (admin token), then publish again; consumers or producers on older versions may then break");
        }
        return lines;
    }

    /** The strongest mode that refuses none of {@code classes}. */
    private static CompatibilityMode tolerant(Set<ChangeClass> classes) {
        boolean consumers = classes.contains(ChangeClass.BREAKING_FOR_CONSUMERS);
        boolean producers = classes.contains(ChangeClass.BREAKING_FOR_PRODUCERS);
        if (consumers && producers || !consumers && !producers) {
            return CompatibilityMode.NONE;
        }
        return consumers ? CompatibilityMode.FORWARD_TRANSITIVE : CompatibilityMode.BACKWARD_TRANSITIVE;
    }

    private static String next(String version) {
        Matcher m = EXACT.matcher(version);
        if (!m.matches()) {
            return "a higher version";
        }
        return m.group(1) + "." + m.group(2) + "." + (Long.parseLong(m.group(3)) + 1);
    }

    private static String text(JsonNode contract, String field, String fallback) {
        JsonNode value = contract == null ? null : contract.path("x-contract").path(field);
        return value != null && value.isString() ? Terminal.safe(value.stringValue(), 130) : fallback;
    }
}
