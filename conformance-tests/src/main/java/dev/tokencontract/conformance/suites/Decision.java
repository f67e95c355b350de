package dev.tokencontract.conformance.suites;

import dev.tokencontract.conformance.http.ChallengeProblem;
import java.util.List;
import java.util.Objects;

/**
 * What a consumer did with a token: accepted it, rejected it, or answered something that is neither (an
 * HTTP 500, a 302). A rejection over HTTP carries the problems of its {@code WWW-Authenticate}.
 *
 * @param outcome  accepted, rejected or neither
 * @param detail   for people, e.g. {@code HTTP 401}
 * @param problems what is wrong with the rejection's challenge (empty for Java consumers)
 */
public record Decision(Outcome outcome, String detail, List<ChallengeProblem> problems) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        NEITHER
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        problems = List.copyOf(problems);
    }

    public static Decision accepted(String detail) {
        return new Decision(Outcome.ACCEPTED, detail, List.of());
    }

    public static Decision rejected(String detail) {
        return new Decision(Outcome.REJECTED, detail, List.of());
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    public boolean rejected() {
        return outcome == Outcome.REJECTED;
    }

    /** The problems that break a MUST of RFC 6750 or the MCP authorization spec. */
    public List<ChallengeProblem> violations() {
        return problems.stream().filter(ChallengeProblem::required).toList();
    }
}
