package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryProblem;
import java.io.PrintStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A failed registry operation for people (stderr: the cause, then the registry's problem with each change
 * or finding on its own line) or for programs ({@code --format json}: the problem document passed through
 * on stdout, or {@code {"error": ...}} when the registry sent none).
 */
final class RegistryErrors {
    private RegistryErrors() {}

    /** 1 the registry refused or sent something untrustworthy; 2 a bad reference; 3 unreachable. */
    static int exitCode(RegistryException e) {
        return switch (e.kind()) {
            case UNREACHABLE -> ExitCode.UNCHECKED;
            case INVALID_REFERENCE -> ExitCode.USAGE;
            case NOT_FOUND, REFUSED, BAD_RESPONSE, INVALID_URL -> ExitCode.REJECTED;
        };
    }

    static int report(String command, RegistryException e, Arguments.Format format, Io io) {
        int exit = exitCode(e);
        if (format == Arguments.Format.JSON) {
            JsonNode body = e.problem()
                    .map(RegistryProblem::body)
                    .filter(b -> !b.isEmpty())
                    .orElse(null);
            if (body == null) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.put("error", e.kind().name());
                error.put("message", e.getMessage());
                e.problem().ifPresent(p -> error.put("status", p.status()));
                error.put("exitCode", exit);
                e.findings().forEach(f -> error.withArray("findings").add(ReportJson.toNode(f)));
                body = error;
            }
            io.out().print(ReportJson.write(body));
        }
        PrintStream err = io.err();
        err.println("tokencontract " + command + ": " + Terminal.safe(e.getMessage(), 400));
        e.problem().ifPresent(problem -> printProblem(problem, err));
        for (Finding finding : e.findings()) {
            err.println("  " + finding.severity() + " " + finding.code() + " " + Terminal.safe(finding.pointer(), 120)
                    + ": " + Terminal.safe(finding.message(), 300));
        }
        return exit;
    }

    static void printProblem(RegistryProblem problem, PrintStream err) {
        String title = problem.title() == null ? "(no problem document)" : Terminal.safe(problem.title(), 200);
        err.println("  " + problem.status() + " " + title
                + (problem.code() == null ? "" : " [" + Terminal.safe(problem.code(), 80) + "]"));
        if (problem.detail() != null) {
            err.println("  " + Terminal.safe(problem.detail(), 600));
        }
        if (!problem.changes().isEmpty()) {
            err.println("  changes:");
            for (JsonNode change : problem.changes()) {
                err.println("    " + changeLine(change));
            }
        }
        if (!problem.counterexamples().isEmpty()) {
            err.println("  counterexamples (claims one version accepts and the other rejects):");
            for (JsonNode found : problem.counterexamples()) {
                err.println("    " + text(found, "direction") + " against " + text(found, "against") + ": rejected by "
                        + text(found, "rule") + " at " + text(found, "pointer") + " (seed " + text(found, "seed")
                        + ")");
                err.println("      " + Terminal.safe(found.path("claims").toString(), 1000));
            }
        }
        if (!problem.findings().isEmpty()) {
            err.println("  findings:");
            for (JsonNode finding : problem.findings()) {
                err.println("    " + text(finding, "severity") + " " + text(finding, "code") + " "
                        + text(finding, "pointer") + ": " + text(finding, "message"));
            }
        }
    }

    /** {@code REFUSED BREAKING_FOR_CONSUMERS ENUM_VALUE_REMOVED /pointer: explanation (before X, after Y)}. */
    private static String changeLine(JsonNode change) {
        boolean refused = change.path("refused").asBoolean(false);
        StringBuilder classes = new StringBuilder();
        change.path("classes")
                .values()
                .forEach(c -> classes.append(classes.length() == 0 ? "" : ",").append(c.asString("")));
        String line = (refused ? "REFUSED " : "allowed ") + Terminal.safe(classes.toString(), 120) + " "
                + text(change, "kind") + " " + text(change, "pointer") + ": " + text(change, "explanation");
        if (change.has("before") || change.has("after")) {
            line += " (before " + value(change.get("before")) + ", after " + value(change.get("after")) + ")";
        }
        if (change.path("against").isString()) {
            line += " [against " + Terminal.safe(change.path("against").asString(), 40) + "]";
        }
        return line;
    }

    /** A before/after value: a string as itself (the registry sends JSON fragments as strings), anything else as JSON. */
    private static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "-";
        }
        return Terminal.safe(node.isString() ? node.asString() : node.toString(), 160);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "-";
        }
        return Terminal.safe(value.isString() ? value.asString() : value.toString(), 300);
    }
}
