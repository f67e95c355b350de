package dev.tokencontract.cli;

import dev.tokencontract.finding.HumanTime;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.ValidatedToken;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Header, claims and signature preview as aligned name/value lines, with human times beside
 * {@code exp}, {@code iat}, {@code nbf} and {@code auth_time}. The signature is only ever previewed.
 */
final class TokenText {
    /** Longer values are cut, so a claim-bloated token (group overage) stays readable. */
    static final int MAX_VALUE_CHARS = 300;

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

    private final Terminal term;
    private final Instant reference;
    private final String referenceName;

    /**
     * @param reference     the instant times are compared with
     * @param referenceName how to name it, e.g. "the evaluation time" or "now"
     */
    TokenText(Terminal term, Instant reference, String referenceName) {
        this.term = term;
        this.reference = reference;
        this.referenceName = referenceName;
    }

    void print(DecodedToken token, PrintStream out) {
        section("header", token.header().orElse(null), out);
        section("claims", token.claims().orElse(null), out);
        out.println("  " + term.bold("signature") + "  " + Terminal.safe(token.signaturePreview(), 80) + ", "
                + token.signatureBytes() + " bytes");
    }

    private void section(String title, JsonNode object, PrintStream out) {
        out.println("  " + term.bold(title));
        if (object == null) {
            out.println("    " + term.dim("(unreadable; see the findings)"));
            return;
        }
        if (object.isEmpty()) {
            out.println("    " + term.dim("(empty)"));
        }
        int width = 0;
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            width = Math.max(
                    width, Math.min(24, Terminal.safe(member.getKey(), 40).length()));
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String name = Terminal.safe(member.getKey(), 40);
            String line = "    " + term.cyan(pad(name, width)) + "  " + value(member.getValue());
            String time = time(member.getKey(), member.getValue());
            out.println(time == null ? line : line + "  " + time);
        }
    }

    /** Strings as they are (an empty one as {@code ""}), anything else as compact JSON. */
    static String value(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().isEmpty() ? "\"\"" : Terminal.safe(node.stringValue(), MAX_VALUE_CHARS);
        }
        return Terminal.safe(node.toString(), MAX_VALUE_CHARS);
    }

    /** "2026-11-26T01:00:00Z (expired 3 h 12 min before the evaluation time)", or null. */
    String time(String claim, JsonNode node) {
        if (!TIME_CLAIMS.contains(claim)
                || !node.isIntegralNumber()
                || !node.canConvertToLong()
                || node.asLong() < 0
                || node.asLong() > ValidatedToken.MAX_NUMERIC_DATE) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(node.asLong());
        return term.dim(at + " (" + relation(claim, at) + ")");
    }

    private String relation(String claim, Instant at) {
        Duration gap = Duration.between(reference, at);
        if (gap.isZero()) {
            return "exactly " + referenceName;
        }
        String amount = HumanTime.format(gap) + (gap.isNegative() ? " before " : " after ") + referenceName;
        boolean past = gap.isNegative();
        return switch (claim) {
            case "exp" -> (past ? "expired " : "expires ") + amount;
            case "iat" -> "issued " + amount;
            case "nbf" -> (past ? "valid since " : "not valid until ") + amount;
            default -> "authenticated " + amount;
        };
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
