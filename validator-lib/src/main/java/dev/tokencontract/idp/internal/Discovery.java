package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.finding.Severity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Tries well-known URLs in order and keeps the first JSON object. Problems at URLs tried before the one that
 * answered become warnings; when none answers, they are the errors, with {@code DISCOVERY_NOT_FOUND}.
 */
public final class Discovery {
    private Discovery() {}

    /** The document found (if any), the URL it came from, and every finding of the attempts. */
    public record Found(Optional<JsonNode> document, Optional<URI> url, List<Finding> findings) {}

    public static Found first(SafeFetch fetch, List<URI> candidates, String pointer, String what) {
        List<Finding> problems = new ArrayList<>();
        for (URI candidate : candidates) {
            SafeFetch.Answer answer = fetch.getJson(candidate, pointer);
            if (answer.ok()) {
                List<Finding> findings = new ArrayList<>();
                problems.stream()
                        .filter(p -> p.code() != FindingCode.FETCH_FAILED
                                || !String.valueOf(p.actual()).startsWith("HTTP 404"))
                        .map(Discovery::asWarning)
                        .forEach(findings::add);
                findings.add(Finding.info(
                        FindingCode.DISCOVERY_DOCUMENT_FOUND,
                        pointer,
                        what + " found at " + Redact.value(answer.finalUri().toString())
                                + (answer.finalUri().equals(candidate)
                                        ? ""
                                        : " (redirected from " + Redact.value(candidate.toString()) + ")")
                                + tried(candidates, candidate)));
                return new Found(Optional.of(answer.json()), Optional.of(answer.finalUri()), findings);
            }
            problems.add(answer.problem());
        }
        List<Finding> findings = new ArrayList<>();
        problems.stream().filter(p -> p.code() != FindingCode.FETCH_FAILED).forEach(findings::add);
        findings.add(Finding.error(
                FindingCode.DISCOVERY_NOT_FOUND,
                pointer,
                "a JSON " + what + " at one of the well-known URLs",
                summary(problems),
                "No " + what + " at "
                        + String.join(
                                ", ", candidates.stream().map(URI::toString).toList()) + "."));
        return new Found(Optional.empty(), Optional.empty(), findings);
    }

    private static String tried(List<URI> candidates, URI found) {
        int index = candidates.indexOf(found);
        return index == 0 ? "" : " after " + index + " other well-known URL" + (index == 1 ? "" : "s");
    }

    private static String summary(List<Finding> problems) {
        return String.join(
                "; ",
                problems.stream()
                        .map(p -> p.code() + " " + Redact.shorten(p.actual(), 60))
                        .toList());
    }

    private static Finding asWarning(Finding f) {
        return new Finding(
                f.code(),
                Severity.WARNING,
                f.pointer(),
                f.expected(),
                f.actual(),
                f.message() + " (a later well-known URL answered)",
                f.hint());
    }
}
