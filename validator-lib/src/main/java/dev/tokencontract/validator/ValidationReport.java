package dev.tokencontract.validator;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.finding.Stage;
import dev.tokencontract.finding.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the validator found about one token, in stage order, with the verdict. Immutable.
 *
 * @param verdict           accepted, rejected, or could not check
 * @param findings          every finding, in stage order
 * @param decoded           what could be read of the token, unverified; empty when nothing was readable
 * @param evaluatedAt       the instant the token was judged as of
 * @param contractReference {@code name@version}
 * @param validated         the verified token, present exactly when the verdict is {@link Verdict#ACCEPTED}
 */
public record ValidationReport(
        Verdict verdict,
        List<Finding> findings,
        Optional<DecodedToken> decoded,
        Instant evaluatedAt,
        String contractReference,
        Optional<ValidatedToken> validated) {

    public ValidationReport {
        findings = List.copyOf(findings);
        if (validated.isPresent() != (verdict == Verdict.ACCEPTED)) {
            throw new IllegalArgumentException("a validated token exists exactly when the verdict is ACCEPTED");
        }
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    /** The findings of severity ERROR. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** True when a finding with this code is present. */
    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /** The findings of one stage. */
    public List<Finding> findings(Stage stage) {
        return findings.stream().filter(f -> f.stage() == stage).toList();
    }
}
