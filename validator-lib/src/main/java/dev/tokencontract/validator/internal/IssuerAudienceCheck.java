package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Stage 5: {@code iss} equals the expected issuer exactly; {@code aud} names this resource. Audiences
 * compare as the MCP spec's canonical URIs: scheme and host case-insensitively, everything else exactly.
 */
public final class IssuerAudienceCheck {
    private IssuerAudienceCheck() {}

    /** {@code expectedIssuer} null means the caller chose to ignore the issuer. */
    public static void issuer(JsonNode claims, String expectedIssuer, List<Finding> findings) {
        if (expectedIssuer == null) {
            return;
        }
        JsonNode iss = claims.get("iss");
        if (iss == null) {
            findings.add(Finding.error(
                    FindingCode.ISS_MISSING, "/claims/iss", expectedIssuer, "(absent)", "The token names no issuer."));
            return;
        }
        String actual = iss.isString() ? iss.stringValue() : iss.toString();
        if (iss.isString() && actual.equals(expectedIssuer)) {
            return;
        }
        String why = "";
        if (stripSlash(actual).equals(stripSlash(expectedIssuer))) {
            why = " They differ only by a trailing slash, which still makes them different issuers.";
        } else if (actual.equalsIgnoreCase(expectedIssuer)) {
            why = " They differ only in letter case.";
        }
        findings.add(Finding.error(
                FindingCode.ISS_MISMATCH,
                "/claims/iss",
                expectedIssuer,
                Redact.value(actual),
                "The token was issued by " + Redact.value(actual) + ", not " + expectedIssuer + "." + why));
    }

    /** {@code expected} empty means the caller chose to ignore the audience. */
    public static void audience(JsonNode claims, Set<String> expected, List<Finding> findings) {
        if (expected.isEmpty()) {
            return;
        }
        JsonNode aud = claims.get("aud");
        String expectedText = expected.size() == 1 ? expected.iterator().next() : "one of " + expected;
        if (aud == null || (aud.isArray() && aud.isEmpty())) {
            findings.add(Finding.error(
                    FindingCode.AUD_MISSING, "/claims/aud", expectedText, "(absent)", "The token names no audience."));
            return;
        }
        List<String> audiences = new ArrayList<>();
        if (aud.isString()) {
            audiences.add(aud.stringValue());
        } else if (aud.isArray()) {
            aud.values().stream().filter(JsonNode::isString).forEach(a -> audiences.add(a.stringValue()));
        }
        for (String candidate : audiences) {
            if (expected.contains(candidate)) {
                return; // the usual case, and equal strings have equal canonical forms: no URI parsing per call
            }
        }
        for (String candidate : audiences) {
            for (String wanted : expected) {
                if (canonical(candidate).equals(canonical(wanted))) {
                    return;
                }
            }
        }
        String actual = aud.isString() ? aud.stringValue() : aud.toString();
        String why = audiences.stream()
                        .anyMatch(a ->
                                expected.stream().anyMatch(e -> stripSlash(a).equals(stripSlash(e))))
                ? " They differ only by a trailing slash; the MCP spec's canonical form has none."
                : "";
        findings.add(Finding.error(
                FindingCode.AUD_MISMATCH,
                "/claims/aud",
                expectedText,
                Redact.value(actual),
                "The token is for " + Redact.value(actual) + ", not this resource." + why));
    }

    /** Lower-cases scheme and host of absolute URIs; other strings compare as they are. */
    static String canonical(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return value;
            }
            String rest = value.substring(
                    uri.getScheme().length() + 3 + uri.getRawAuthority().length());
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getRawAuthority().toLowerCase(Locale.ROOT) + rest;
        } catch (Exception e) {
            return value;
        }
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
