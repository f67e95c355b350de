package dev.tokencontract.cli;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingJson;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.validator.ValidationReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The text and JSON output of {@code access}. */
final class AccessText {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Terminal term;

    AccessText(Terminal term) {
        this.term = term;
    }

    void print(
            ValidationReport report,
            Contract contract,
            Optional<JsonNode> claims,
            List<AccessCommand.Answer> answers,
            PrintStream out) {
        AuthorizationRules rules = contract.authorization();
        out.println(term.bold("Access under " + contract.reference()) + " " + status(report));
        if (claims.isEmpty()) {
            out.println("  the token's claims could not be read; it may call nothing");
        } else {
            out.println("  sub     " + Terminal.safe(claims.get().path("sub").asString("(none)"), 120));
            out.println("  " + String.format("%-8s", rules.scopeClaim()) + list(rules.scopesIn(claims.get())));
            out.println("  " + String.format("%-8s", rules.rolesClaim()) + list(rules.rolesIn(claims.get())));
        }
        if (rules.operations().isEmpty()) {
            out.println("  " + term.yellow("the contract has no x-authorization operations: nothing is granted"));
        }
        out.println();
        int width = answers.stream().mapToInt(a -> a.operation().length()).max().orElse(0);
        width = Math.min(Math.max(width, 9), 40);
        // an unverified or rejected token is granted nothing: its answers say what it WOULD be allowed
        String allowedLabel = report.accepted() ? "ALLOWED" : "WOULD ALLOW";
        String deniedLabel = String.format("%-" + allowedLabel.length() + "s", "DENIED");
        for (AccessCommand.Answer answer : answers) {
            String name = String.format("%-" + width + "s", Terminal.safe(answer.operation(), 40));
            if (answer.allowed()) {
                out.println("  " + (report.accepted() ? term.green(allowedLabel) : term.yellow(allowedLabel)) + "  "
                        + name + (answer.description() == null ? "" : "  " + Terminal.safe(answer.description(), 120)));
            } else {
                out.println("  " + term.red(deniedLabel) + "  " + name + "  lacks "
                        + String.join(
                                ", ",
                                answer.missing().stream().map(AccessText::lack).toList()));
            }
        }
        out.println();
        out.println(verdictLine(report, answers));
    }

    private String status(ValidationReport report) {
        return switch (report.verdict()) {
            case ACCEPTED -> term.green("(VERIFIED)");
            case REJECTED -> term.red("(REJECTED: the token may call nothing; claims shown for diagnosis)");
            case UNCHECKED -> term.yellow("(HYPOTHETICAL: the token was not verified; a server grants it nothing)");
        };
    }

    private String verdictLine(ValidationReport report, List<AccessCommand.Answer> answers) {
        long allowed = answers.stream().filter(AccessCommand.Answer::allowed).count();
        String count = allowed + " of " + answers.size() + (answers.size() == 1 ? " operation" : " operations");
        return switch (report.verdict()) {
            case ACCEPTED ->
                term.bold(count + " allowed") + (answers.size() == 1 && allowed == 0 ? " (exit 1)" : " (exit 0)");
            case REJECTED ->
                term.red(term.bold("REJECTED")) + ": " + errors(report) + "; none allowed (as if valid: " + count
                        + ") (exit 1)";
            case UNCHECKED ->
                term.yellow(term.bold("HYPOTHETICAL")) + ": " + count + " would be allowed if the token were verified; "
                        + (report.findings().stream()
                                        .anyMatch(f ->
                                                f.code() == dev.tokencontract.finding.FindingCode.NO_KEY_CONFIGURED)
                                ? "pass --jwks, --pem, --secret-file or --secret-env"
                                : errors(report))
                        + " (exit 3)";
        };
    }

    private static String errors(ValidationReport report) {
        List<String> codes = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.code().name())
                .distinct()
                .toList();
        return codes.isEmpty() ? "not verified" : String.join(", ", codes);
    }

    private static String lack(String missing) {
        int colon = missing.indexOf(':');
        String kind = colon < 0 ? missing : missing.substring(0, colon);
        String value = colon < 0 ? "" : Terminal.safe(missing.substring(colon + 1), 80);
        return switch (kind) {
            case "scope" -> "scope " + value;
            case "role" -> "role " + value;
            case "operation" -> "an entry in x-authorization (never granted)";
            default -> Terminal.safe(missing, 80);
        };
    }

    private static String list(Set<String> values) {
        return values.isEmpty()
                ? "(none)"
                : String.join(
                        " ", values.stream().map(v -> Terminal.safe(v, 80)).toList());
    }

    static ObjectNode json(
            ValidationReport report, Contract contract, Optional<JsonNode> claims, List<AccessCommand.Answer> answers) {
        AuthorizationRules rules = contract.authorization();
        ObjectNode root = NODES.objectNode();
        root.put("contract", contract.reference());
        root.put("verdict", report.verdict().name());
        root.put("hypothetical", !report.accepted());
        ArrayNode scopes = root.putArray("scopes");
        ArrayNode roles = root.putArray("roles");
        claims.ifPresent(c -> {
            rules.scopesIn(c).forEach(scopes::add);
            rules.rolesIn(c).forEach(roles::add);
        });
        ArrayNode operations = root.putArray("operations");
        for (AccessCommand.Answer answer : answers) {
            ObjectNode node = operations.addObject();
            node.put("operation", answer.operation());
            node.put("allowed", answer.allowed() && report.accepted());
            node.put("allowedIfVerified", answer.allowed());
            ArrayNode missing = node.putArray("missing");
            answer.missing().forEach(missing::add);
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.add(FindingJson.toNode(finding));
        }
        return root;
    }
}
