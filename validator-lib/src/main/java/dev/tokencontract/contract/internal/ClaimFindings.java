package dev.tokencontract.contract.internal;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns the schema engine's errors into a bounded list of findings. Errors of one schema rule at one
 * place, differing only in array indices ({@code /claims/roles/0} … {@code /claims/roles/5999}), become one
 * finding that says how many items break the rule; at most {@value #MAX_FINDINGS} findings and about
 * {@value #MAX_REPORT_CHARS} characters are listed, then one {@code CONTRACT_FINDINGS_CAPPED} says how many
 * more there were. Only the listed errors are ever described, so the cost stays linear in the token.
 */
final class ClaimFindings {
    /** At most this many contract findings per report. */
    static final int MAX_FINDINGS = 50;
    /**
     * Budget for the listed findings' text, counting a non-ASCII character as 6 (its {@code \\uXXXX} escape in
     * ASCII-only JSON output), so every report stays far below 64 KiB.
     */
    static final int MAX_REPORT_CHARS = 24_000;
    /** Pointers longer than this are cut (a hostile claim name can be 20 KB long). */
    static final int MAX_POINTER_CHARS = 200;

    private ClaimFindings() {}

    /** One group of errors: the first one, and how many errors fell into the group. */
    private static final class Group {
        final Error first;
        int count;

        Group(Error first) {
            this.first = first;
        }
    }

    static List<Finding> of(List<Error> errors, String prefix, BiFunction<Error, String, Finding> toFinding) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Error error : errors) {
            groups.computeIfAbsent(key(error), k -> new Group(error)).count++;
        }
        List<Finding> findings = new ArrayList<>(Math.min(groups.size(), MAX_FINDINGS + 1));
        int budget = MAX_REPORT_CHARS;
        int listedErrors = 0;
        for (Group group : groups.values()) {
            if (findings.size() == MAX_FINDINGS) {
                break;
            }
            Finding finding = bounded(toFinding.apply(group.first, prefix), group);
            int cost = cost(finding);
            if (cost > budget) {
                break;
            }
            budget -= cost;
            findings.add(finding);
            listedErrors += group.count;
        }
        int left = errors.size() - listedErrors;
        if (left > 0) {
            findings.add(Finding.info(
                    FindingCode.CONTRACT_FINDINGS_CAPPED,
                    prefix,
                    String.format(
                            "%,d more violation(s) of the contract are not listed (%,d in all); the report lists at most %d findings.",
                            left, errors.size(), MAX_FINDINGS)));
        }
        return findings;
    }

    /** The rule (keyword and schema location) and the place, with array indices left out. */
    private static String key(Error error) {
        StringBuilder key = new StringBuilder();
        key.append(error.getKeyword())
                .append(' ')
                .append(error.getSchemaLocation())
                .append(' ');
        NodePath path = error.getInstanceLocation();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                Object element = path.getElement(i);
                key.append('/').append(element instanceof Integer ? "*" : String.valueOf(element));
            }
        }
        if (error.getProperty() != null) {
            key.append(" ").append(error.getProperty());
        }
        return key.toString();
    }

    private static Finding bounded(Finding finding, Group group) {
        String pointer = finding.pointer().length() > MAX_POINTER_CHARS
                ? finding.pointer().substring(0, MAX_POINTER_CHARS) + "…"
                : finding.pointer();
        String message = finding.message();
        if (group.count > 1) {
            message = message + String.format(" (%,d places break this rule; this is the first)", group.count);
        }
        return new Finding(
                finding.code(),
                finding.severity(),
                pointer,
                finding.expected(),
                finding.actual(),
                message,
                finding.hint());
    }

    private static int cost(Finding finding) {
        return cost(finding.pointer())
                + cost(finding.expected())
                + cost(finding.actual())
                + cost(finding.message())
                + cost(finding.hint())
                + 120; // field names, code, stage, severity, indentation
    }

    private static int cost(String text) {
        if (text == null) {
            return 4;
        }
        int cost = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            cost += c < 0x80 ? (c < 0x20 || c == '"' || c == '\\' ? 6 : 1) : 6;
        }
        return cost;
    }
}
