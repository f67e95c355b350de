package dev.tokencontract.spring;

import dev.tokencontract.spring.internal.FindingErrors;
import dev.tokencontract.validator.ContractRules;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The contract behind Spring's own decoder: an {@link OAuth2TokenValidator} that runs {@link ContractRules}
 * (header rules, times, issuer, audience, claims schema) on a token Spring's {@code NimbusJwtDecoder} has
 * already verified. It reads header and claims back from the token text, so it sees exactly what was signed
 * (Spring's {@code Jwt} holds converted claims). Use it when you keep Spring's decoder:
 *
 * <pre>{@code
 * NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
 * decoder.setJwtValidator(new ContractClaimsValidator(rules));
 * }</pre>
 *
 * Its findings come back as errors, the codes first. Thread-safe.
 */
public final class ContractClaimsValidator implements OAuth2TokenValidator<Jwt> {
    private final ContractRules rules;

    public ContractClaimsValidator(ContractRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        ContractRules.Report report = rules.checkVerifiedToken(jwt.getTokenValue());
        if (report.accepted()) {
            return OAuth2TokenValidatorResult.success();
        }
        String summary = FindingErrors.summary("token rejected", report.findings());
        return OAuth2TokenValidatorResult.failure(FindingErrors.errors(summary, report.findings()));
    }

    public ContractRules rules() {
        return rules;
    }
}
