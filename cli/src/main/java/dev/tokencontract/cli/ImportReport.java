package dev.tokencontract.cli;

import dev.tokencontract.contract.LintReport;
import dev.tokencontract.contract.SchemaImport;
import dev.tokencontract.contract.SchemaImportException;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What {@code tokencontract import} prints: the change list, lint, and where the document went (text or JSON). */
final class ImportReport {
    private final Path input;
    private final Path out;
    private final Arguments.Format format;
    private final Io io;

    ImportReport(Path input, Path out, Arguments.Format format, Io io) {
        this.input = input;
        this.out = out;
        this.format = format;
        this.io = io;
    }

    int refused(SchemaImportException e) {
        if (format == Arguments.Format.JSON) {
            ObjectNode root = base("REFUSED");
            root.put("message", e.getMessage());
            root.set("problems", changes(e.problems()));
            io.out().print(ReportJson.write(root));
        } else {
            io.err()
                    .println("tokencontract import: " + Terminal.safe(input.toString(), 200) + ": "
                            + Terminal.safe(e.getMessage(), 300));
            printChanges(e.problems(), io.err());
            io.err().println("Nothing written (exit 1)");
        }
        return ExitCode.REJECTED;
    }

    void converted(
            SchemaImport.Result result,
            SchemaImport.Header header,
            LintReport lint,
            JsonNode document,
            String json,
            int exit) {
        if (format == Arguments.Format.JSON) {
            ObjectNode root = base(exit == ExitCode.OK ? "CONVERTED" : "LINT_FAILED");
            root.put("from", result.from().label());
            root.put("contract", header == null ? null : header.name() + "@" + header.version());
            root.set("changes", changes(changes(result, header, document)));
            ArrayNode findings = root.putArray("findings");
            if (lint != null) {
                lint.findings().forEach(f -> findings.add(ReportJson.toNode(f)));
            }
            root.put("exitCode", exit);
            if (out == null) {
                root.set("document", document);
            }
            io.out().print(ReportJson.write(root));
            return;
        }
        if (out == null) {
            io.out().print(json);
        }
        PrintStream report = out == null ? io.err() : io.out();
        String what = header == null
                ? "a JSON Schema 2020-12 schema"
                : header.name() + "@" + header.version() + " (kind "
                        + header.kind().id() + ")";
        List<SchemaImport.Change> changes = changes(result, header, document);
        int count = changes.size();
        report.println("Imported " + Terminal.safe(input.toString(), 200) + " ("
                + result.from().label() + ") as " + Terminal.safe(what, 200) + ": " + count
                + (count == 1 ? " change" : " changes"));
        printChanges(changes, report);
        if (lint != null) {
            long errors = ImportCommand.count(lint.findings(), Severity.ERROR);
            long warnings = ImportCommand.count(lint.findings(), Severity.WARNING);
            report.println("Lint: " + (lint.passed() ? "PASSED" : "FAILED") + ", " + errors
                    + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
            for (Finding finding : lint.findings()) {
                report.println("  " + finding.severity() + " " + finding.code() + " "
                        + Terminal.safe(finding.pointer(), 120) + ": " + Terminal.safe(finding.message(), 300));
            }
        }
        String where = out == null ? "Wrote the document to stdout" : "Wrote " + Terminal.safe(out.toString(), 200);
        report.println(
                where + (exit == ExitCode.OK ? "" : "; fix the lint errors before using it") + " (exit " + exit + ")");
    }

    /** The conversion's changes, and the root {@code $id} a contract replaces with its own. */
    private static List<SchemaImport.Change> changes(
            SchemaImport.Result result, SchemaImport.Header header, JsonNode document) {
        JsonNode originalId = result.schema().path("$id");
        if (header == null || !originalId.isString() || originalId.equals(document.path("$id"))) {
            return result.changes();
        }
        List<SchemaImport.Change> changes = new java.util.ArrayList<>(result.changes());
        changes.add(
                new SchemaImport.Change(
                        result.from() == SchemaImport.Draft.DRAFT_04 ? "/id" : "/$id",
                        "\"" + originalId.stringValue() + "\" -> \""
                                + document.path("$id").stringValue()
                                + "\" (a contract's $id names it; every reference is a '#' fragment, so none depends on the old one)"));
        return changes;
    }

    private ObjectNode base(String outcome) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("outcome", outcome);
        root.put("file", input.toString());
        root.put("out", out == null ? null : out.toString());
        return root;
    }

    private static ArrayNode changes(List<SchemaImport.Change> changes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        changes.forEach(c -> array.addObject().put("pointer", c.pointer()).put("description", c.description()));
        return array;
    }

    private static void printChanges(List<SchemaImport.Change> changes, PrintStream to) {
        int width = Math.min(
                48,
                changes.stream()
                        .mapToInt(c -> Math.max(1, c.pointer().length()))
                        .max()
                        .orElse(1));
        for (SchemaImport.Change change : changes) {
            String pointer = change.pointer().isEmpty() ? "(root)" : change.pointer();
            to.println(
                    "  " + pad(Terminal.safe(pointer, 200), width) + "  " + Terminal.safe(change.description(), 400));
        }
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
