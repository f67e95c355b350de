package dev.tokencontract.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused {@code tokencontract.*} setting into Boot's short "APPLICATION FAILED TO START" report. */
final class TokencontractFailureAnalyzer extends AbstractFailureAnalyzer<TokencontractConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TokencontractConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
