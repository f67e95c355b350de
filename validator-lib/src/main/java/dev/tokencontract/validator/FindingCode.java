package dev.tokencontract.validator;

import static dev.tokencontract.validator.Stage.CONTRACT;
import static dev.tokencontract.validator.Stage.HEADER;
import static dev.tokencontract.validator.Stage.ISSUER_AUDIENCE;
import static dev.tokencontract.validator.Stage.LINT;
import static dev.tokencontract.validator.Stage.SHAPE;
import static dev.tokencontract.validator.Stage.SIGNATURE;
import static dev.tokencontract.validator.Stage.TIME;

/**
 * Stable finding codes. The enum constant's name is the code; it never changes meaning once released.
 * Every code is explained in {@code docs/findings.md}.
 */
public enum FindingCode {
    // shape
    TOKEN_EMPTY(SHAPE, "Send the access token itself in 'Authorization: Bearer <token>'."),
    TOKEN_TOO_LARGE(SHAPE, "Access tokens are normally under 8 KB; check for claim bloat (group overage) or a wrong value."),
    TOKEN_OPAQUE(SHAPE, "This is an opaque (reference) token, not a JWT. The contract needs a JWT access token "
            + "(RFC 9068): configure the authorization server to issue JWTs for this resource, or introspect (RFC 7662)."),
    TOKEN_IS_JWE(SHAPE, "An encrypted token (JWE) arrived where a signed JWT (JWS) was expected; the resource cannot read it."),
    TOKEN_MALFORMED(SHAPE, "A JWT is three base64url parts separated by dots: header.claims.signature."),
    BASE64URL_INVALID(SHAPE, "Each part must be unpadded base64url (RFC 7515 section 2); look for '+', '/', '=' or spaces."),
    UTF8_INVALID(SHAPE, "Header and claims must be UTF-8 JSON (RFC 7519 section 7.2)."),
    JSON_INVALID(SHAPE, "Header and claims must each be one JSON object."),
    JSON_DUPLICATE_MEMBER(SHAPE, "Duplicate member names are refused (RFC 7519 section 4): parsers disagree on which wins."),
    JSON_LIMIT_EXCEEDED(SHAPE, "The JSON is nested too deeply or has oversized values; no legitimate token needs that."),
    JSON_NOT_OBJECT(SHAPE, "Header and claims must each be a JSON object."),

    // header
    ALG_MISSING(HEADER, "Every JWS header names its algorithm in 'alg'."),
    ALG_NONE(HEADER, "Unsecured tokens ('alg' none) are never accepted, in any casing (RFC 8725 section 3.1)."),
    ALG_NOT_ALLOWED(HEADER, "The contract's x-jose.alg lists the algorithms its producers use; a different one means "
            + "a different producer or an attack."),
    TYP_MISSING(HEADER, "RFC 9068 access tokens carry typ 'at+jwt'; configure the issuer to set it."),
    TYP_NOT_ALLOWED(HEADER, "A 'typ' other than the contract's means another kind of token (for example an ID token "
            + "used as an access token, RFC 8725 section 3.11)."),
    KID_MISSING(HEADER, "The contract requires a 'kid' so the key can be chosen without guessing; configure the issuer to set it."),
    KID_MALFORMED(HEADER, "'kid' must be a short printable string."),
    HEADER_JKU_REFUSED(HEADER, "Keys come only from the configured key source; 'jku' is never followed (RFC 8725 section 3.10)."),
    HEADER_X5U_REFUSED(HEADER, "Keys come only from the configured key source; 'x5u' is never followed (RFC 8725 section 3.10)."),
    HEADER_JWK_REFUSED(HEADER, "A key embedded in the token proves nothing (CVE-2018-0114); keys come only from the configured source."),
    HEADER_X5C_IGNORED(HEADER, "The certificate chain in 'x5c' was not used; keys come only from the configured source."),
    CRIT_UNSUPPORTED(HEADER, "The token marks header parameters as critical that this validator does not understand (RFC 7515 section 4.1.11)."),
    B64_UNENCODED_REFUSED(HEADER, "Unencoded payloads (RFC 7797 'b64': false) are not access tokens."),

    // key and signature
    SIGNATURE_MISSING(SIGNATURE, "The token has no signature; only signed tokens are accepted."),
    NO_KEY_CONFIGURED(SIGNATURE, true, "Pass --jwks, --pem, --secret-file or --secret-env so the signature can be verified."),
    KEY_SOURCE_UNAVAILABLE(SIGNATURE, true, "The keys could not be loaded; the token was not proven bad. Check the JWKS URL or file."),
    KID_UNKNOWN(SIGNATURE, "No configured key has this 'kid': the issuer rotated keys, the JWKS is stale, or the token "
            + "comes from another issuer."),
    KEY_ALG_MISMATCH(SIGNATURE, "The key's type or 'alg' decides the algorithm, never the token header alone "
            + "(RFC 8725 section 3.1); an HS* token checked against an RSA key is the key-confusion attack."),
    KEY_UNSUPPORTED(SIGNATURE, "The selected key's type or curve is not supported for verification here."),
    SIGNATURE_INVALID(SIGNATURE, "The signature does not match: the token was altered, or signed with another key that reuses this 'kid'."),
    SIGNATURE_NOT_VERIFIABLE(SIGNATURE, "The token is signed, but none of the configured keys verifies it: wrong issuer or keys, or a forged token."),
    SIGNATURE_NOT_CHECKED(SIGNATURE, "The signature was not checked because an earlier finding makes it meaningless."),
    SIGNATURE_VERIFIED(SIGNATURE, null),

    // time
    EXP_MISSING(TIME, "Access tokens must expire; configure the issuer to set 'exp'."),
    TIME_CLAIM_MALFORMED(TIME, "'exp', 'nbf' and 'iat' are integer seconds since 1970 (RFC 7519 NumericDate)."),
    TOKEN_EXPIRED(TIME, "Get a new token. If it just expired, compare clocks; use --at to judge it as of an earlier moment."),
    TOKEN_NOT_YET_VALID(TIME, "The token's 'nbf' is in the future: the issuer's clock runs ahead, or the token was minted for later."),
    ISSUED_IN_FUTURE(TIME, "The token's 'iat' is in the future: the issuer's clock runs ahead of this one."),
    LIFETIME_TOO_LONG(TIME, "The contract's x-jose.maxLifetimeSeconds caps exp - iat; long-lived access tokens widen the damage of a leak."),

    // issuer and audience
    ISS_MISSING(ISSUER_AUDIENCE, "Access tokens name their issuer in 'iss'."),
    ISS_MISMATCH(ISSUER_AUDIENCE, "'iss' must equal the expected issuer exactly, character for character (RFC 8725 section 3.8)."),
    AUD_MISSING(ISSUER_AUDIENCE, "The token names no audience, so any server could accept it. MCP servers must only accept tokens "
            + "issued for them (RFC 8707 resource indicator)."),
    AUD_MISMATCH(ISSUER_AUDIENCE, "The token was issued for another resource; MCP servers must not accept or pass on tokens meant for others."),

    // contract
    CONTRACT_UNAVAILABLE(CONTRACT, true, "The contract could not be loaded; the token was not proven bad."),
    CLAIM_MISSING(CONTRACT, "A claim the contract requires is absent: the producer drifted (renamed or dropped it)."),
    CLAIM_TYPE_MISMATCH(CONTRACT, "The claim has the wrong JSON type, e.g. roles as a string instead of an array."),
    CLAIM_VALUE_NOT_ALLOWED(CONTRACT, "The value is not one the contract allows."),
    CLAIM_PATTERN_MISMATCH(CONTRACT, "The value does not match the contract's pattern."),
    CLAIM_FORMAT_MISMATCH(CONTRACT, "The value does not have the contract's format (uri, email, date-time, ...)."),
    CLAIM_OUT_OF_RANGE(CONTRACT, "The value is outside the contract's bounds (length, size or number range)."),
    CLAIM_NOT_ALLOWED(CONTRACT, "The contract is closed and does not declare this claim."),
    CLAIM_INVALID(CONTRACT, "The claims break a rule of the contract's schema."),

    // lint
    LINT_NOT_JSON(LINT, "A contract is one JSON object (a JSON Schema 2020-12 document)."),
    LINT_META_SCHEMA(LINT, "See docs/contract-format.md for the x-contract, x-jose and x-authorization annotations."),
    LINT_INVALID_SCHEMA(LINT, "The document is not a valid JSON Schema draft 2020-12 schema."),
    LINT_REMOTE_REF(LINT, "Only local references ('#/$defs/...') are allowed: a contract must not depend on the network."),
    LINT_REQUIRED_UNDECLARED(LINT, "Declare every required claim under 'properties' so readers and generators know its shape."),
    LINT_CLAIM_NOT_REQUIRED(LINT, "Access-token contracts require 'iss', 'aud' and 'exp' (RFC 9068 section 2.2)."),
    LINT_AUD_SHAPE(LINT, "A single audience is often serialised as a string (Nimbus does); 'aud' must accept a string or an array."),
    LINT_JOSE_MISSING(LINT, "Token contracts say which algorithms they allow in x-jose.alg."),
    LINT_ALG_NONE(LINT, "'none' can never be an allowed algorithm."),
    LINT_ALG_MIXED(LINT, "Allowing HMAC beside public-key algorithms invites key confusion; split the contract or drop HS*."),
    LINT_ID_MISMATCH(LINT, "'$id' should end with '<name>/<version>' so the document identifies itself."),
    LINT_AUTHZ_CLAIM_UNDECLARED(LINT, "x-authorization refers to a claim the schema does not declare."),
    LINT_TOO_LARGE(LINT, "Contracts are small documents; this one exceeds the size or nesting limit."),
    LINT_PATTERN_BACKTRACKING(LINT, "Rewrite the pattern so each repetition ends on a character the repeated part cannot match, e.g. ( [a-z]+)* instead of ([a-z]+ ?)*.");

    private final Stage stage;
    private final boolean meansUnchecked;
    private final String hint;

    FindingCode(Stage stage, String hint) {
        this(stage, false, hint);
    }

    FindingCode(Stage stage, boolean meansUnchecked, String hint) {
        this.stage = stage;
        this.meansUnchecked = meansUnchecked;
        this.hint = hint;
    }

    public Stage stage() {
        return stage;
    }

    /** True for codes that mean "could not check" rather than "bad token". */
    public boolean meansUnchecked() {
        return meansUnchecked;
    }

    /** The default hint for people; may be {@code null}. */
    public String hint() {
        return hint;
    }
}
