package dev.tokencontract.spring.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** Findings as Spring's {@link OAuth2Error}s: a summary of the codes first, then one error per finding. */
public final class FindingErrors {
    private FindingErrors() {}

    /** {@code token rejected: AUD_MISMATCH, TOKEN_EXPIRED}: the codes only, never token content. */
    public static String summary(String prefix, List<Finding> findings) {
        List<String> codes = findings.stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::code)
                .map(FindingCode::name)
                .distinct()
                .toList();
        return prefix + ": " + (codes.isEmpty() ? "not verifiable" : String.join(", ", codes));
    }

    /** The summary, then {@code CODE at /pointer: message} for every error finding (values already redacted). */
    public static List<OAuth2Error> errors(String summary, List<Finding> findings) {
        List<OAuth2Error> errors = new ArrayList<>();
        errors.add(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, summary, null));
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR) {
                errors.add(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_TOKEN,
                        finding.code() + " at " + (finding.pointer().isEmpty() ? "/" : finding.pointer()) + ": "
                                + finding.message(),
                        null));
            }
        }
        return errors;
    }
}
