package dev.tokencontract.testing;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.internal.HeaderCheck;
import dev.tokencontract.validator.internal.IssuerAudienceCheck;
import dev.tokencontract.validator.internal.JwkKeys;
import dev.tokencontract.validator.internal.KeyProvider;
import dev.tokencontract.validator.internal.ShapeCheck;
import dev.tokencontract.validator.internal.SignatureCheck;
import dev.tokencontract.validator.internal.StaticKeyProvider;
import dev.tokencontract.validator.internal.TimeCheck;
import dev.tokencontract.validator.internal.TokenParts;
import dev.tokencontract.validator.internal.VerificationKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Each stage of {@link TokenValidator#validate} alone, for the benchmarks module's
 * {@code ValidationStagesBenchmark}. It lives in validator-lib's test-jar because only validator-lib may
 * read its {@code internal} packages; the benchmark sees plain {@code Object}/{@code List<Finding>} results.
 * Not thread-safe (one per benchmark state).
 */
public final class ValidationStages {
    private final String token;
    private final Contract contract;
    private final String alg;
    private final String kid;
    private final String issuer;
    private final Set<String> audiences;
    private final TokenParts parts;
    private final JsonNode claims;
    private final KeyProvider keys;
    private final Instant now;

    private ValidationStages(
            String token,
            Contract contract,
            String alg,
            String kid,
            VerificationKey key,
            String issuer,
            String audience,
            Instant now) {
        this.token = token;
        this.contract = contract;
        this.alg = alg;
        this.kid = kid;
        this.issuer = issuer;
        this.audiences = Set.of(audience);
        this.now = now;
        List<Finding> findings = new ArrayList<>();
        this.parts = ShapeCheck.parse(token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, findings);
        if (parts == null || !parts.readable() || !findings.isEmpty()) {
            throw new IllegalStateException("ShapeCheck did not decode the benchmark token: " + findings);
        }
        this.claims = parts.claims();
        this.keys = new StaticKeyProvider(List.of(key), "bench key", List.of());
        if (signatureCheck() == null
                || !headerCheck().isEmpty()
                || !timeCheck().isEmpty()
                || !issuerAudience().isEmpty()
                || !contractCheck().isEmpty()) {
            throw new IllegalStateException("a stage rejected the benchmark token");
        }
    }

    /** Stages over a token signed by the private half of {@code key} (RS256, ES256...). */
    public static ValidationStages forPublicKey(
            String token,
            Contract contract,
            String alg,
            String kid,
            PublicKey key,
            String issuer,
            String audience,
            Instant now) {
        return new ValidationStages(
                token, contract, alg, kid, JwkKeys.fromPublicKey(kid, key, null), issuer, audience, now);
    }

    /** Stages over an HMAC token; the secret is copied. */
    public static ValidationStages forSecret(
            String token,
            Contract contract,
            String alg,
            String kid,
            byte[] secret,
            String issuer,
            String audience,
            Instant now) {
        return new ValidationStages(
                token, contract, alg, kid, JwkKeys.fromSecret(null, secret.clone(), null), issuer, audience, now);
    }

    /** Stage 1: split, base64url, strict UTF-8, JSON parse of header and claims. */
    public Object shapeDecode() {
        return ShapeCheck.parse(token, TokenValidator.DEFAULT_MAX_TOKEN_CHARS, new ArrayList<>(4));
    }

    /** Stage 2: alg, typ, kid and the refused header parameters. */
    public List<Finding> headerCheck() {
        List<Finding> findings = new ArrayList<>(4);
        HeaderCheck.check(parts.header(), contract.jose(), findings);
        return findings;
    }

    /** Stage 3: key lookup and selection, signature verification, the SIGNATURE_VERIFIED finding. */
    public Object signatureCheck() {
        return SignatureCheck.check(
                parts, alg, kid, keys, false, contract.jose().algorithms(), new ArrayList<>(4));
    }

    /** Stage 4: exp, nbf, iat and the contract's maximum lifetime. */
    public List<Finding> timeCheck() {
        List<Finding> findings = new ArrayList<>(4);
        TimeCheck.check(
                claims, now, TokenValidator.DEFAULT_LEEWAY, contract.jose().maxLifetime(), findings);
        return findings;
    }

    /** Stage 5: exact issuer, audience naming this resource. */
    public List<Finding> issuerAudience() {
        List<Finding> findings = new ArrayList<>(4);
        IssuerAudienceCheck.issuer(claims, issuer, findings);
        IssuerAudienceCheck.audience(claims, audiences, findings);
        return findings;
    }

    /** Stage 6: the compiled networknt schema over the decoded claims, findings mapped. */
    public List<Finding> contractCheck() {
        return contract.check(claims, "/claims");
    }
}
