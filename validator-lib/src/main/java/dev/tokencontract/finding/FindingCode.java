package dev.tokencontract.finding;

import static dev.tokencontract.finding.Stage.CONTRACT;
import static dev.tokencontract.finding.Stage.CROSS_DOCUMENT;
import static dev.tokencontract.finding.Stage.DISCOVERY;
import static dev.tokencontract.finding.Stage.HEADER;
import static dev.tokencontract.finding.Stage.IDP_METADATA;
import static dev.tokencontract.finding.Stage.ISSUER_AUDIENCE;
import static dev.tokencontract.finding.Stage.JWKS;
import static dev.tokencontract.finding.Stage.LINT;
import static dev.tokencontract.finding.Stage.REGISTRY;
import static dev.tokencontract.finding.Stage.SHAPE;
import static dev.tokencontract.finding.Stage.SIGNATURE;
import static dev.tokencontract.finding.Stage.TIME;

/**
 * Stable finding codes. The enum constant's name is the code; it never changes meaning once released.
 * Every code is explained in {@code docs/findings.md}.
 */
public enum FindingCode {
    // shape
    TOKEN_EMPTY(SHAPE, "Send the access token itself in 'Authorization: Bearer <token>'."),
    TOKEN_TOO_LARGE(
            SHAPE, "Access tokens are normally under 8 KB; check for claim bloat (group overage) or a wrong value."),
    TOKEN_OPAQUE(
            SHAPE,
            "This is an opaque (reference) token, not a JWT. The contract needs a JWT access token "
                    + "(RFC 9068): configure the authorization server to issue JWTs for this resource, or introspect (RFC 7662)."),
    TOKEN_IS_JWE(
            SHAPE,
            "An encrypted token (JWE) arrived where a signed JWT (JWS) was expected; the resource cannot read it."),
    TOKEN_MALFORMED(SHAPE, "A JWT is three base64url parts separated by dots: header.claims.signature."),
    BASE64URL_INVALID(
            SHAPE, "Each part must be unpadded base64url (RFC 7515 section 2); look for '+', '/', '=' or spaces."),
    UTF8_INVALID(SHAPE, "Header and claims must be UTF-8 JSON (RFC 7519 section 7.2)."),
    JSON_INVALID(SHAPE, "Header and claims must each be one JSON object."),
    JSON_DUPLICATE_MEMBER(
            SHAPE, "Duplicate member names are refused (RFC 7519 section 4): parsers disagree on which wins."),
    JSON_LIMIT_EXCEEDED(
            SHAPE, "The JSON is nested too deeply or has oversized values; no legitimate token needs that."),
    JSON_NOT_OBJECT(SHAPE, "Header and claims must each be a JSON object."),

    // header
    ALG_MISSING(HEADER, "Every JWS header names its algorithm in 'alg'."),
    ALG_NONE(HEADER, "Unsecured tokens ('alg' none) are never accepted, in any casing (RFC 8725 section 3.1)."),
    ALG_NOT_ALLOWED(
            HEADER,
            "The contract's x-jose.alg lists the algorithms its producers use; a different one means "
                    + "a different producer or an attack."),
    TYP_MISSING(HEADER, "RFC 9068 access tokens carry typ 'at+jwt'; configure the issuer to set it."),
    TYP_NOT_ALLOWED(
            HEADER,
            "A 'typ' other than the contract's means another kind of token (for example an ID token "
                    + "used as an access token, RFC 8725 section 3.11)."),
    KID_MISSING(
            HEADER,
            "The contract requires a 'kid' so the key can be chosen without guessing; configure the issuer to set it."),
    KID_MALFORMED(HEADER, "'kid' must be a short printable string."),
    HEADER_JKU_REFUSED(
            HEADER, "Keys come only from the configured key source; 'jku' is never followed (RFC 8725 section 3.10)."),
    HEADER_X5U_REFUSED(
            HEADER, "Keys come only from the configured key source; 'x5u' is never followed (RFC 8725 section 3.10)."),
    HEADER_JWK_REFUSED(
            HEADER,
            "A key embedded in the token proves nothing (CVE-2018-0114); keys come only from the configured source."),
    HEADER_X5C_IGNORED(
            HEADER, "The certificate chain in 'x5c' was not used; keys come only from the configured source."),
    CRIT_UNSUPPORTED(
            HEADER,
            "The token marks header parameters as critical that this validator does not understand (RFC 7515 section 4.1.11)."),
    B64_UNENCODED_REFUSED(HEADER, "Unencoded payloads (RFC 7797 'b64': false) are not access tokens."),

    // key and signature
    SIGNATURE_MISSING(SIGNATURE, "The token has no signature; only signed tokens are accepted."),
    NO_KEY_CONFIGURED(
            SIGNATURE, true, "Pass --jwks, --pem, --secret-file or --secret-env so the signature can be verified."),
    KEY_SOURCE_UNAVAILABLE(
            SIGNATURE, true, "The keys could not be loaded; the token was not proven bad. Check the JWKS URL or file."),
    KID_UNKNOWN(
            SIGNATURE,
            "No configured key has this 'kid': the issuer rotated keys, the JWKS is stale, or the token "
                    + "comes from another issuer."),
    KEY_ALG_MISMATCH(
            SIGNATURE,
            "The key's type or 'alg' decides the algorithm, never the token header alone "
                    + "(RFC 8725 section 3.1); an HS* token checked against an RSA key is the key-confusion attack."),
    KEY_ALG_UNBOUND(
            SIGNATURE,
            "A key without its own 'alg' (a PEM key, or a JWK without \"alg\") fits several algorithms the "
                    + "contract allows; one key, one algorithm (RFC 8725 section 3.1): add \"alg\" to the JWK "
                    + "or bind the key with --alg, KeySource.pem(..., alg) or keyAlgorithm(alg)."),
    KEY_UNSUPPORTED(SIGNATURE, "The selected key's type or curve is not supported for verification here."),
    SIGNATURE_INVALID(
            SIGNATURE,
            "The signature does not match: the token was altered, or signed with another key that reuses this 'kid'."),
    SIGNATURE_NOT_VERIFIABLE(
            SIGNATURE,
            "The token is signed, but none of the configured keys verifies it: wrong issuer or keys, or a forged token."),
    SIGNATURE_NOT_CHECKED(SIGNATURE, "The signature was not checked because an earlier finding makes it meaningless."),
    SIGNATURE_VERIFIED(SIGNATURE, null),

    // time
    EXP_MISSING(TIME, "Access tokens must expire; configure the issuer to set 'exp'."),
    TIME_CLAIM_MALFORMED(TIME, "'exp', 'nbf' and 'iat' are integer seconds since 1970 (RFC 7519 NumericDate)."),
    TOKEN_EXPIRED(
            TIME, "Get a new token. If it just expired, compare clocks; use --at to judge it as of an earlier moment."),
    TOKEN_NOT_YET_VALID(
            TIME,
            "The token's 'nbf' is in the future: the issuer's clock runs ahead, or the token was minted for later."),
    ISSUED_IN_FUTURE(TIME, "The token's 'iat' is in the future: the issuer's clock runs ahead of this one."),
    LIFETIME_TOO_LONG(
            TIME,
            "The contract's x-jose.maxLifetimeSeconds caps exp - iat; long-lived access tokens widen the damage of a leak."),

    // issuer and audience
    ISS_MISSING(ISSUER_AUDIENCE, "Access tokens name their issuer in 'iss'."),
    ISS_MISMATCH(
            ISSUER_AUDIENCE,
            "'iss' must equal the expected issuer exactly, character for character (RFC 8725 section 3.8)."),
    AUD_MISSING(
            ISSUER_AUDIENCE,
            "The token names no audience, so any server could accept it. MCP servers must only accept tokens "
                    + "issued for them (RFC 8707 resource indicator)."),
    AUD_MISMATCH(
            ISSUER_AUDIENCE,
            "The token was issued for another resource; MCP servers must not accept or pass on tokens meant for others."),

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
    CONTRACT_NOT_CHECKED(
            CONTRACT,
            "The claims of a token whose signature was not verified are attacker-controlled; fix the signature "
                    + "finding first. 'tokencontract explain' always checks them."),
    CONTRACT_FINDINGS_CAPPED(
            CONTRACT,
            "Only the first violations are listed, to keep every report small; fix them and judge the token again."),

    // lint
    LINT_NOT_JSON(LINT, "A contract is one JSON object (a JSON Schema 2020-12 document)."),
    LINT_META_SCHEMA(LINT, "See docs/contract-format.md for the x-contract, x-jose and x-authorization annotations."),
    LINT_INVALID_SCHEMA(LINT, "The document is not a valid JSON Schema draft 2020-12 schema."),
    LINT_REMOTE_REF(
            LINT, "Only local references ('#/$defs/...') are allowed: a contract must not depend on the network."),
    LINT_REQUIRED_UNDECLARED(
            LINT, "Declare every required claim under 'properties' so readers and generators know its shape."),
    LINT_CLAIM_NOT_REQUIRED(LINT, "Access-token contracts require 'iss', 'aud' and 'exp' (RFC 9068 section 2.2)."),
    LINT_AUD_SHAPE(
            LINT,
            "A single audience is often serialised as a string (Nimbus does); 'aud' must accept a string or an array."),
    LINT_JOSE_MISSING(LINT, "Token contracts say which algorithms they allow in x-jose.alg."),
    LINT_ALG_NONE(LINT, "'none' can never be an allowed algorithm."),
    LINT_ALG_MIXED(
            LINT, "Allowing HMAC beside public-key algorithms invites key confusion; split the contract or drop HS*."),
    LINT_ID_MISMATCH(LINT, "'$id' should end with '<name>/<version>' so the document identifies itself."),
    LINT_AUTHZ_CLAIM_UNDECLARED(LINT, "x-authorization refers to a claim the schema does not declare."),
    LINT_TOO_LARGE(LINT, "Contracts are small documents; this one exceeds the size or nesting limit."),
    LINT_NUMBER_RANGE(
            LINT,
            "Write the number as a double can hold it (about 4.9e-324 to 1.8e308 in magnitude), or 0 when 0 is meant."),
    LINT_PATTERN_BACKTRACKING(
            LINT,
            "Rewrite the pattern so each repetition ends on a character the repeated part cannot match, e.g. ( [a-z]+)* instead of ([a-z]+ ?)*."),
    LINT_PATTERN_UNSUPPORTED(
            LINT,
            "Patterns are matched in linear time (RE2 syntax within ECMA-262): no look-around, no back-references."),
    LINT_TOKEN_ANNOTATION(
            LINT, "x-jose and x-authorization describe tokens; only jwt-access-token contracts may carry them."),

    // IdP checks (check-idp, check-resource; docs/idp-checks.md explains each for identity engineers)
    // discovery
    FETCH_FAILED(
            DISCOVERY,
            true,
            "The document could not be fetched (connection, timeout or HTTP status); nothing was proven wrong."),
    FETCH_NOT_JSON(
            DISCOVERY,
            "Metadata and JWK sets are JSON objects served as application/json; an HTML page usually means a login or error page."),
    FETCH_TOO_LARGE(DISCOVERY, "Metadata and JWK sets are small; an answer over the size cap is refused unread."),
    FETCH_TOO_MANY_REDIRECTS(
            DISCOVERY, "Serve the document at its URL, or with at most a few redirects; a redirect loop never ends."),
    FETCH_INSECURE_URL(
            DISCOVERY,
            "Every authorization server URL must use https (http is allowed only for loopback addresses, in tests)."),
    DISCOVERY_NOT_FOUND(
            DISCOVERY,
            true,
            "Serve the metadata at the well-known URL the MCP spec lists first (RFC 8414 path insertion)."),
    DISCOVERY_DOCUMENT_FOUND(DISCOVERY, null),

    // idp metadata
    METADATA_FIELD_MISSING(
            IDP_METADATA,
            "A member the contract requires is absent from the metadata; see docs/idp-checks.md for the rule behind it."),
    METADATA_FIELD_INVALID(
            IDP_METADATA,
            "A member has the wrong type or value for the contract; see docs/idp-checks.md for the rule behind it."),
    METADATA_RECOMMENDED_MISSING(
            IDP_METADATA, "The specification recommends this member; publishing it helps clients."),
    ISSUER_NOT_HTTPS(
            IDP_METADATA,
            "The issuer is an https URL with no query or fragment (RFC 8414 section 2; OIDC Discovery section 3)."),
    ISSUER_MISMATCH(
            IDP_METADATA,
            "The issuer must be identical to the URL the metadata was discovered from (RFC 8414 section 3.3; OIDC Discovery section 4.3)."),
    ISSUER_TEMPLATED(
            IDP_METADATA,
            "A multi-tenant issuer template: each tenant's tokens carry the issuer with the tenant filled in; pin the tenant's own issuer."),
    ENDPOINT_NOT_HTTPS(IDP_METADATA, "All authorization server endpoints MUST be served over HTTPS (MCP 2025-11-25)."),
    ADVERTISED_ALG_NONE(
            IDP_METADATA,
            "Unsigned tokens ('none') must never be accepted as access tokens; remove 'none' from the advertised algorithms."),
    ADVERTISED_ALG_HMAC(
            IDP_METADATA,
            "HS* tokens can only be verified with the shared secret; resource servers need public-key algorithms (RS256, PS256, ES256)."),
    JWKS_URI_MISSING(IDP_METADATA, "Without jwks_uri a resource server cannot find the keys to verify tokens."),

    // jwks
    JWKS_INVALID(JWKS, "A JWK set is a JSON object with a \"keys\" array (RFC 7517 section 5)."),
    JWKS_EMPTY(JWKS, "A JWK set without signing keys verifies no token; publish the current (and next) signing keys."),
    JWK_KID_MISSING(
            JWKS,
            "Give every signing key a 'kid' so resource servers pick the key without guessing, and keys can rotate."),
    JWK_DUPLICATE_KID(JWKS, "Each 'kid' must identify one key; two keys with one kid make key selection ambiguous."),
    JWK_PRIVATE_PARAMETERS(
            JWKS,
            "A published JWK set holds public keys only: rotate this key now, it has leaked (RFC 7517 section 9.2)."),
    JWK_INCONSISTENT(
            JWKS, "The key's kty, alg, crv and use contradict each other; resource servers may refuse or misuse it."),
    JWK_RSA_TOO_SHORT(JWKS, "RSA keys must have at least 2048 bits (RFC 7518 section 3.3); rotate to a longer key."),
    JWK_CURVE_NOT_ALLOWED(JWKS, "Signing keys use P-256, P-384 or P-521 (EC) or Ed25519/Ed448 (OKP)."),
    JWK_NOT_BASE64URL(
            JWKS,
            "Key members are base64url without padding (RFC 7518 section 6); standard base64 works only with lenient libraries."),
    JWK_UNREADABLE(JWKS, "The key lacks members its type needs (n and e, or crv, x and y) or has an unknown type."),
    JWK_X5C_REPORTED(JWKS, null),
    JWK_X5C_MISMATCH(
            JWKS,
            "The certificate in x5c does not carry the key's public key, or cannot be read; keys are never taken from x5c."),

    // cross-document
    TOKEN_ISSUER_NOT_IDP(
            CROSS_DOCUMENT,
            "The token's 'iss' must equal the IdP's issuer exactly; otherwise it comes from another issuer."),
    TOKEN_ALG_NOT_ADVERTISED(CROSS_DOCUMENT, "The token's 'alg' is not among the IdP's advertised signing algorithms."),
    TOKEN_KID_NOT_IN_JWKS(
            CROSS_DOCUMENT,
            "No key in the IdP's JWK set has the token's 'kid' (or x5t): stale keys, rotation, or another issuer."),
    TOKEN_KEY_FOUND(CROSS_DOCUMENT, null),
    RESOURCE_MISMATCH(
            CROSS_DOCUMENT,
            "The 'resource' in protected resource metadata must be identical to the resource's URL (RFC 9728 section 3.3)."),
    RESOURCE_CHALLENGE_MISSING(
            CROSS_DOCUMENT,
            "Answer unauthenticated requests with 401 and WWW-Authenticate: Bearer resource_metadata=\"...\" "
                    + "(required by MCP 2025-06-18; one of two mechanisms in 2025-11-25)."),
    AUTHORIZATION_SERVER_UNUSABLE(
            CROSS_DOCUMENT,
            "An authorization server listed by the resource does not meet mcp-authorization-server; see its findings."),

    // registry client and lockfile
    REGISTRY_OFFLINE_COPY(
            REGISTRY,
            "The registry could not be reached; the last good copy on disk was used. Check the "
                    + "registry URL and network, and fetch again when it is back."),
    REGISTRY_VERSION_DEPRECATED(
            REGISTRY,
            "The registry marks this version deprecated: ranges and 'latest' skip it. "
                    + "Plan a move to a newer version."),
    REGISTRY_VERSION_CHANGED(
            REGISTRY,
            "Published versions never change, yet the registry now serves other bytes for a "
                    + "version this machine cached before: find out why before trusting it (pin it with 'tokencontract lock')."),
    LOCK_ENTRY_VERIFIED(REGISTRY, null),
    LOCK_DIGEST_MISMATCH(
            REGISTRY,
            "The registry serves different bytes for a pinned version than the lockfile recorded: "
                    + "find out why before trusting it; re-run 'tokencontract lock' only if the change is intended."),
    LOCK_VERSION_MISSING(
            REGISTRY,
            "The pinned version is no longer served (wrong registry, or the contract was removed): "
                    + "check --registry, then re-lock."),
    LOCK_ENTRY_UNCHECKED(
            REGISTRY,
            true,
            "The registry could not be reached and no cached copy with the pinned digest "
                    + "exists; the pin was not proven wrong. Retry when the registry is reachable.");

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
