package dev.tokencontract.conformance.mutate;

import dev.tokencontract.conformance.tokens.Jws;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.conformance.tokens.TokenMinter;
import dev.tokencontract.contract.JoseRules;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes invalid tokens from valid claims, each breaking exactly one named rule of the token: the mutant
 * is kept only when the judge (a {@link TokenValidator} that trusts the minter's public keys and expects
 * the run's issuer and audience) rejects it with the expected finding codes and no others. A mutation
 * the contract or judge gives no hold to (no {@code typ} rule, audience not checked) is
 * {@link MutationOutcome.NotApplicable}. Thread-safe.
 */
public final class TokenMutator {
    static final String OTHER_AUDIENCE = "https://other-resource.example.test/mcp";
    static final String OTHER_ISSUER = "https://other-issuer.example.test";
    private static final List<String> UNUSUAL_ALGS = List.of("RS512", "PS512", "RS384", "PS384", "HS512");

    private final TokenMinter minter;
    private final TokenValidator judge;
    private final SigningKeys stranger;

    /**
     * @param minter   signs as the conforming producer would
     * @param judge    the validator that must reject every mutant (trusts the minter's public keys)
     * @param stranger keys no consumer trusts, with the same kids as the minter's (for {@link Mutation#WRONG_KEY})
     */
    public TokenMutator(TokenMinter minter, TokenValidator judge, SigningKeys stranger) {
        this.minter = minter;
        this.judge = judge;
        this.stranger = stranger;
    }

    /** Applies a token-level mutation to {@code validClaims} (time claims are set from the minter's clock). */
    public MutationOutcome apply(Mutation mutation, JsonNode validClaims) {
        if (mutation.level() != Mutation.Level.TOKEN) {
            throw new IllegalArgumentException(mutation + " is a claims mutation; use ClaimMutator");
        }
        JoseRules jose = minter.jose();
        String alg = minter.defaultAlgorithm();
        ObjectNode claims = minter.timed(validClaims);
        Instant now = minter.clock().instant();
        Duration leeway = judge.leeway();
        return switch (mutation) {
            case DISALLOWED_ALG -> {
                String other = UNUSUAL_ALGS.stream()
                        .filter(a -> !jose.algorithms().contains(a))
                        .findFirst()
                        .orElse(null);
                yield other == null
                        ? na(mutation, "the contract allows every algorithm this kit could sign with")
                        : judged(
                                mutation,
                                "header.alg",
                                "signed " + other + "; the contract allows " + sorted(jose.algorithms()),
                                claims,
                                Jws.sign(minter.header(other), claims, minter.keys()),
                                // the signing key is bound to another algorithm (RFC 8725 section 3.1)
                                EnumSet.of(FindingCode.ALG_NOT_ALLOWED, FindingCode.KEY_ALG_MISMATCH));
            }
            case WRONG_TYP ->
                jose.types().isEmpty() || jose.allowsType("JWT")
                        ? na(mutation, "the contract does not restrict typ to exclude JWT")
                        : judged(
                                mutation,
                                "header.typ",
                                "typ JWT; the contract allows " + sorted(jose.types()),
                                claims,
                                Jws.sign(minter.header(alg).put("typ", "JWT"), claims, minter.keys()),
                                EnumSet.of(FindingCode.TYP_NOT_ALLOWED));
            case EXPIRED -> {
                Instant exp = now.minus(leeway).minusSeconds(60);
                ObjectNode expired = TokenMinter.timed(claims, exp.minus(minter.lifetime()), exp);
                yield judged(
                        mutation,
                        "exp",
                        "expired " + Duration.between(exp, now).toSeconds() + " s ago (leeway " + leeway.toSeconds()
                                + " s)",
                        expired,
                        Jws.sign(minter.header(alg), expired, minter.keys()),
                        EnumSet.of(FindingCode.TOKEN_EXPIRED));
            }
            case NOT_YET_VALID -> {
                Instant nbf = now.plus(leeway).plusSeconds(60);
                ObjectNode early = TokenMinter.timed(claims, now, nbf.plus(minter.lifetime()));
                early.put("nbf", nbf.getEpochSecond());
                yield judged(
                        mutation,
                        "nbf",
                        "not before " + Duration.between(now, nbf).toSeconds() + " s from now (leeway "
                                + leeway.toSeconds() + " s)",
                        early,
                        Jws.sign(minter.header(alg), early, minter.keys()),
                        EnumSet.of(FindingCode.TOKEN_NOT_YET_VALID));
            }
            case WRONG_AUD -> {
                if (judge.expectedAudiences().isEmpty()) {
                    yield na(mutation, "the judge ignores the audience");
                }
                ObjectNode other = claims.deepCopy().put("aud", OTHER_AUDIENCE);
                yield judged(
                        mutation,
                        "aud",
                        "aud " + OTHER_AUDIENCE + " instead of " + sorted(judge.expectedAudiences()),
                        other,
                        Jws.sign(minter.header(alg), other, minter.keys()),
                        EnumSet.of(FindingCode.AUD_MISMATCH));
            }
            case WRONG_ISS -> {
                if (judge.expectedIssuer().isEmpty()) {
                    yield na(mutation, "the judge ignores the issuer");
                }
                ObjectNode other = claims.deepCopy().put("iss", OTHER_ISSUER);
                yield judged(
                        mutation,
                        "iss",
                        "iss " + OTHER_ISSUER + " instead of "
                                + judge.expectedIssuer().get(),
                        other,
                        Jws.sign(minter.header(alg), other, minter.keys()),
                        EnumSet.of(FindingCode.ISS_MISMATCH));
            }
            case UNSIGNED ->
                judged(
                        mutation,
                        "header.alg",
                        "alg none and no signature",
                        claims,
                        Jws.unsigned(minter.header(alg).put("alg", "none"), claims),
                        EnumSet.of(FindingCode.ALG_NONE));
            case WRONG_KEY ->
                judged(
                        mutation,
                        "signature",
                        "signed by an untrusted key under the trusted kid " + TokenMinter.kidFor(alg, minter.keys()),
                        claims,
                        Jws.sign(minter.header(alg), claims, stranger),
                        EnumSet.of(FindingCode.SIGNATURE_INVALID));
            case OPAQUE ->
                judged(
                        mutation,
                        "token",
                        "an opaque 43-character reference token",
                        claims,
                        opaque(claims),
                        EnumSet.of(FindingCode.TOKEN_OPAQUE));
            case HS256_FOR_PUBLIC_KEY ->
                jose.algorithms().contains("HS256")
                        ? na(mutation, "the contract allows HS256")
                        : judged(
                                mutation,
                                "header.alg",
                                "HS256 with the shared secret, kid " + TokenMinter.kidFor(alg, minter.keys())
                                        + "; the contract requires " + sorted(jose.algorithms()),
                                claims,
                                Jws.sign(
                                        minter.header("HS256").put("kid", TokenMinter.kidFor(alg, minter.keys())),
                                        claims,
                                        minter.keys()),
                                EnumSet.of(FindingCode.ALG_NOT_ALLOWED, FindingCode.KEY_ALG_MISMATCH));
            default -> throw new IllegalStateException("not a token mutation: " + mutation);
        };
    }

    /** Keeps the mutant only if the judge rejects it, and only for the expected reasons. */
    private MutationOutcome judged(
            Mutation mutation, String target, String detail, JsonNode claims, String token, Set<FindingCode> expected) {
        ValidationReport report = judge.validate(token);
        Set<FindingCode> rejecting = report.findings().stream()
                .filter(Finding::rejects)
                .map(Finding::code)
                .collect(Collectors.toSet());
        if (report.accepted() || rejecting.isEmpty()) {
            return na(
                    mutation,
                    "the judge did not reject the mutant (" + report.verdict() + "); it would not be invalid");
        }
        if (!expected.containsAll(rejecting)) {
            return na(
                    mutation,
                    "the mutant broke more than its rule: rejected by " + sorted(rejecting) + ", expected only "
                            + sorted(expected));
        }
        return new MutationOutcome.Applied(new Mutant(mutation, target, detail, claims, token, rejecting));
    }

    private static MutationOutcome na(Mutation mutation, String reason) {
        return new MutationOutcome.NotApplicable(mutation, reason);
    }

    /** Deterministic in the claims, so a shrunk counterexample replays the same token. */
    private static String opaque(JsonNode claims) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(claims.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
