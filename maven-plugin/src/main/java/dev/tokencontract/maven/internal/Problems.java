package dev.tokencontract.maven.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.lock.LockfileException;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryProblem;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Failures and findings as build-log lines: one screen, never a stack trace. */
public final class Problems {
    private Problems() {}

    /** A registry failure in one line: its message, plus the registry's own detail when it sent a problem. */
    public static String text(RegistryException e) {
        String message = Redact.shorten(String.valueOf(e.getMessage()), 400);
        String detail = e.problem()
                .map(RegistryProblem::detail)
                .filter(d -> d != null && !message.contains(d))
                .map(d -> ": " + Redact.shorten(d, 300))
                .orElse("");
        return message + detail;
    }

    public static void logLockfile(Log log, LockfileException e) {
        for (String problem : e.problems()) {
            log.error("  " + Redact.shorten(problem, 300));
        }
    }

    /** A finding the way {@code tokencontract lint} prints it: severity, code, pointer, then the details indented. */
    public static List<String> lines(Finding finding) {
        List<String> lines = new ArrayList<>();
        String severity = switch (finding.severity()) {
            case ERROR -> "ERROR  ";
            case WARNING -> "WARNING";
            case INFO -> "INFO   ";
        };
        String pointer = finding.pointer().isEmpty() ? "" : "  " + Redact.shorten(finding.pointer(), 120);
        lines.add("  " + severity + "  " + finding.code().name() + pointer);
        String indent = "           ";
        lines.add(indent + Redact.shorten(finding.message(), 400));
        if (finding.expected() != null) {
            lines.add(indent + "expected " + Redact.shorten(finding.expected(), 300));
        }
        if (finding.actual() != null) {
            lines.add(indent + "actual   " + Redact.shorten(finding.actual(), 300));
        }
        if (finding.hint() != null) {
            lines.add(indent + "hint     " + Redact.shorten(finding.hint(), 400));
        }
        return lines;
    }

    /** Logs each finding at the level its severity calls for. */
    public static void log(Log log, List<Finding> findings) {
        for (Finding finding : findings) {
            for (String line : lines(finding)) {
                switch (finding.severity()) {
                    case ERROR -> log.error(line);
                    case WARNING -> log.warn(line);
                    case INFO -> log.info(line);
                }
            }
        }
    }
}
