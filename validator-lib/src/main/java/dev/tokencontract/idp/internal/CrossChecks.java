package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A token's header and claims against its IdP's metadata and JWK set. Never verifies the signature. */
public final class CrossChecks {
    private CrossChecks() {}

    /**
     * @param header   the token's JOSE header
     * @param claims   the token's claims
     * @param metadata the IdP's metadata, or null when unknown
     * @param jwks     the IdP's JWK set, or null when unknown
     */
    public static List<Finding> token(JsonNode header, JsonNode claims, JsonNode metadata, JsonNode jwks) {
        List<Finding> findings = new ArrayList<>();
        if (metadata != null) {
            issuer(claims, metadata, findings);
            algorithm(header, metadata, findings);
        }
        if (jwks != null) {
            key(header, jwks, findings);
        }
        return findings;
    }

    private static void issuer(JsonNode claims, JsonNode metadata, List<Finding> findings) {
        String expected = metadata.path("issuer").asString("");
        String actual = claims.path("iss").isString() ? claims.path("iss").stringValue() : null;
        if (expected.isEmpty()) {
            return;
        }
        if (actual == null || !IssuerRules.matches(expected, actual)) {
            findings.add(Finding.error(
                    FindingCode.TOKEN_ISSUER_NOT_IDP,
                    "/token/claims/iss",
                    Redact.value(expected),
                    actual == null ? "(absent)" : Redact.value(actual),
                    "The token's issuer is not the IdP's issuer."));
        }
    }

    private static void algorithm(JsonNode header, JsonNode metadata, List<Finding> findings) {
        String alg = header.path("alg").asString("");
        for (String member : MetadataChecks.TOKEN_ALG_MEMBERS) {
            JsonNode advertised = metadata.path(member);
            if (!advertised.isArray()) {
                continue;
            }
            boolean listed = false;
            for (JsonNode value : advertised) {
                listed |= value.asString("").equals(alg);
            }
            if (!listed) {
                findings.add(Finding.error(
                        FindingCode.TOKEN_ALG_NOT_ADVERTISED,
                        "/token/header/alg",
                        "one of " + Redact.value(advertised.toString()),
                        Redact.value(alg),
                        "The token's alg is not in the IdP's '" + member + "'."));
            }
            return;
        }
    }

    private static void key(JsonNode header, JsonNode jwks, List<Finding> findings) {
        String kid = header.path("kid").isString() ? header.path("kid").stringValue() : null;
        String x5t = header.path("x5t").isString() ? header.path("x5t").stringValue() : null;
        for (JsonNode key : jwks.path("keys")) {
            boolean byKid = kid != null && kid.equals(key.path("kid").asString(null));
            boolean byThumbprint =
                    kid == null && x5t != null && x5t.equals(key.path("x5t").asString(null));
            if (byKid || byThumbprint) {
                findings.add(Finding.info(
                        FindingCode.TOKEN_KEY_FOUND,
                        byKid ? "/token/header/kid" : "/token/header/x5t",
                        "The IdP's JWK set has a key with the token's "
                                + (byKid
                                        ? "kid '" + Redact.value(kid) + "'"
                                        : "x5t '" + Redact.value(x5t) + "' (the token has no kid)")
                                + "."));
                return;
            }
        }
        String what = kid != null
                ? "kid '" + Redact.value(kid) + "'"
                : x5t != null ? "x5t '" + Redact.value(x5t) + "'" : "no kid or x5t";
        findings.add(Finding.error(
                FindingCode.TOKEN_KID_NOT_IN_JWKS,
                kid != null ? "/token/header/kid" : "/token/header",
                "a key in the IdP's JWK set",
                what,
                "No key in the IdP's JWK set matches the token (" + what + ")."));
    }
}
