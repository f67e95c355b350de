package dev.tokencontract.conformance.suites;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Redact;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Short, safe renderings for counterexamples and failure messages: never a full token signature. */
final class Shown {
    private Shown() {}

    /** How a report names the party: its toString, unless that is a lambda's synthetic name. */
    static String party(Object party, String kind) {
        String text = String.valueOf(party);
        return text.contains("$$Lambda") || text.contains("$Lambda") ? "a Java " + kind : text;
    }

    static String claims(JsonNode claims) {
        return Redact.shorten(claims == null ? "null" : claims.toString(), 800);
    }

    /** A token as its first characters and length: enough to tell tokens apart, never the signature. */
    static String token(String token) {
        if (token == null) {
            return "(none)";
        }
        int dot = token.lastIndexOf('.');
        if (dot < 0) {
            return Redact.shorten(token, 12) + " (" + token.length() + " chars)";
        }
        return Redact.shorten(token.substring(0, Math.min(dot, 24)), 24) + "… (" + token.length() + " chars, signature "
                + Redact.signature(token.substring(dot + 1)) + ")";
    }

    static String findings(List<Finding> findings) {
        return findings.stream()
                .filter(Finding::rejects)
                .map(f -> f.code() + " at " + (f.pointer().isEmpty() ? "(token)" : f.pointer())
                        + (f.actual() == null
                                ? ""
                                : f.actual().startsWith("(")
                                        ? " " + Redact.shorten(f.actual(), 80)
                                        : " (" + Redact.shorten(f.actual(), 80) + ")"))
                .collect(Collectors.joining("; "));
    }
}
