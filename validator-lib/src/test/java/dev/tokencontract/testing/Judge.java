package dev.tokencontract.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Validators as a production MCP server would build them (default leeway, exact issuer and audience),
 * and the assertions every hostile case makes: the verdict, the specific code at its pointer, and that
 * {@code validate} returned instead of throwing.
 */
public final class Judge {
    private Judge() {}

    /** mcp-access-token@1.0.0 with the public test JWKS (RSA {@code rsa-1}, EC {@code ec-1}). */
    public static TokenValidator mcpWithJwks() {
        try {
            return validator(Contracts.load("mcp-access-token@1.0.0"), KeySource.jwks(TestKeys.publicJwks()));
        } catch (ContractException | KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #mcpWithJwks()}, but diagnosing like {@code tokencontract explain}: the claims are read and
     * judged against the contract even when the signature fails.
     */
    public static TokenValidator diagnosing() {
        try {
            return TokenValidator.builder()
                    .contract(Contracts.load("mcp-access-token@1.0.0"))
                    .keys(KeySource.jwks(TestKeys.publicJwks()))
                    .expectIssuer(TestTokens.ISSUER)
                    .expectAudience(TestTokens.AUDIENCE)
                    .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                    .checkContractEvenIfSignatureFails()
                    .build();
        } catch (ContractException | KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** mcp-access-token@1.0.0 with the RSA test key as a PEM public key (a key without kid). */
    public static TokenValidator mcpWithPem() {
        try {
            return validator(Contracts.load("mcp-access-token@1.0.0"), KeySource.pem(TestKeys.rsaPublicPem(), "RS256"));
        } catch (ContractException | KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code contract} with the public test JWKS and no leeway, so time boundaries in contract tests are
     * exact.
     */
    public static TokenValidator withoutLeeway(Contract contract) {
        try {
            return TokenValidator.builder()
                    .contract(contract)
                    .keys(KeySource.jwks(TestKeys.publicJwks()))
                    .expectIssuer(TestTokens.ISSUER)
                    .expectAudience(TestTokens.AUDIENCE)
                    .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                    .leeway(Duration.ZERO)
                    .build();
        } catch (KeySourceException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TokenValidator validator(Contract contract, KeySource keys) {
        return TokenValidator.builder()
                .contract(contract)
                .keys(keys)
                .expectIssuer(TestTokens.ISSUER)
                .expectAudience(TestTokens.AUDIENCE)
                .clock(Clock.fixed(TestTokens.JUDGED_AT, ZoneOffset.UTC))
                .build();
    }

    /** Validates at {@link TestTokens#JUDGED_AT}; an exception escaping is a test failure of its own. */
    public static ValidationReport judge(TokenValidator validator, String token) {
        try {
            return validator.validate(token, TestTokens.JUDGED_AT);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("validate() threw for hostile input instead of reporting it: " + e, e);
        }
    }

    /** REJECTED, nothing validated, and an ERROR finding with this code at this pointer. */
    public static void assertRejected(ValidationReport report, FindingCode code, String pointer) {
        assertThat(report.verdict())
                .as("verdict; findings: %s", report.findings())
                .isEqualTo(Verdict.REJECTED);
        assertThat(report.validated()).isEmpty();
        assertHasError(report, code, pointer);
    }

    /** UNCHECKED (could not check, not proven bad), nothing validated, this code at this pointer. */
    public static void assertUnchecked(ValidationReport report, FindingCode code, String pointer) {
        assertThat(report.verdict())
                .as("verdict; findings: %s", report.findings())
                .isEqualTo(Verdict.UNCHECKED);
        assertThat(report.validated()).isEmpty();
        assertHasError(report, code, pointer);
        assertThat(report.findings()).noneMatch(Finding::rejects);
    }

    public static void assertHasError(ValidationReport report, FindingCode code, String pointer) {
        assertThat(report.errors())
                .as("errors of the report")
                .extracting(Finding::code, Finding::pointer)
                .contains(tuple(code, pointer));
    }

    /** The one finding with this code; fails when there is none. */
    public static Finding finding(ValidationReport report, FindingCode code) {
        return report.findings().stream()
                .filter(f -> f.code() == code)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + report.findings()));
    }
}
