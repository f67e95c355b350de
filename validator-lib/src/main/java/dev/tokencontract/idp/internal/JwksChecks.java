package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.idp.JwkRedaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Hygiene of a published JWK set: key ids, consistent kty/alg/crv/use, key sizes and curves, no private
 * parameters (their values are never copied into a finding), and x5c chains reported, not trusted.
 */
public final class JwksChecks {
    static final Set<String> EC_CURVES = Set.of("P-256", "P-384", "P-521");
    static final Set<String> OKP_SIGNING_CURVES = Set.of("Ed25519", "Ed448");
    static final Set<String> OKP_AGREEMENT_CURVES = Set.of("X25519", "X448");
    private static final Map<String, String> EC_ALG_CURVE =
            Map.of("ES256", "P-256", "ES384", "P-384", "ES512", "P-521");
    private static final int MIN_RSA_BITS = 2048;

    private JwksChecks() {}

    public static List<Finding> check(JsonNode set, String pointer) {
        List<Finding> findings = new ArrayList<>();
        JsonNode keys = set.path("keys");
        if (!set.isObject() || !keys.isArray()) {
            findings.add(Finding.error(
                    FindingCode.JWKS_INVALID,
                    pointer,
                    "an object with a \"keys\" array",
                    set.isObject() ? "no \"keys\" array" : "not an object",
                    "This is not a JWK set."));
            return findings;
        }
        int signing = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            String at = pointer + "/keys/" + i;
            if (!key.isObject()) {
                findings.add(Finding.error(
                        FindingCode.JWK_UNREADABLE,
                        at,
                        "a JWK object",
                        "not an object",
                        "Key #" + i + " is not a JSON object."));
                continue;
            }
            privateMembers(key, at, findings);
            boolean signingKey = KeyShape.check(key, at, findings);
            x5c(key, at, findings);
            if (signingKey) {
                signing++;
                if (!key.path("kid").isString() || key.path("kid").stringValue().isEmpty()) {
                    findings.add(Finding.error(
                            FindingCode.JWK_KID_MISSING,
                            at + "/kid",
                            "a kid",
                            "(absent)",
                            "Signing key #" + i + " has no 'kid'."));
                }
            }
            if (key.path("kid").isString()) {
                String identity = key.path("kid").stringValue() + "\u0000"
                        + key.path("kty").asString("") + "\u0000"
                        + key.path("use").asString("sig");
                Integer first = seen.putIfAbsent(identity, i);
                if (first != null) {
                    findings.add(Finding.error(
                            FindingCode.JWK_DUPLICATE_KID,
                            at + "/kid",
                            "a kid no other key of this type uses",
                            Redact.value(key.path("kid").stringValue()) + " (also key #" + first + ")",
                            "Keys #" + first + " and #" + i + " share the kid '"
                                    + Redact.value(key.path("kid").stringValue()) + "'."));
                }
            }
        }
        if (signing == 0) {
            findings.add(Finding.error(
                    FindingCode.JWKS_EMPTY,
                    pointer + "/keys",
                    "at least one signing key",
                    keys.isEmpty()
                            ? "no keys"
                            : keys.size() + (keys.size() == 1 ? " key, not usable" : " keys, none usable")
                                    + " for signatures",
                    keys.isEmpty() ? "The JWK set is empty." : "The JWK set holds no usable signing key."));
        }
        return findings;
    }

    private static void privateMembers(JsonNode key, String at, List<Finding> findings) {
        List<String> present =
                JwkRedaction.PRIVATE_MEMBERS.stream().filter(key::has).toList();
        if (!present.isEmpty()) {
            findings.add(Finding.error(
                    FindingCode.JWK_PRIVATE_PARAMETERS,
                    at,
                    "public members only",
                    "private members present: " + String.join(", ", present) + " (values not shown)",
                    "Key " + label(key, at) + " publishes private key material (" + String.join(", ", present) + ")."));
        }
    }

    private static void x5c(JsonNode key, String at, List<Finding> findings) {
        if (key.path("x5c").isArray() && !key.path("x5c").isEmpty()) {
            X5cReport.check(key, at, findings);
        }
    }

    static String label(JsonNode key, String at) {
        return key.path("kid").isString() ? "'" + Redact.value(key.path("kid").stringValue()) + "'" : at;
    }

    /**
     * The unsigned big-endian integer of a base64url member, or null when absent or unreadable. Standard base64
     * ({@code +}, {@code /}, padding) is read too, as Nimbus and most libraries do; {@link #base64url} flags it.
     */
    static BigInteger unsigned(JsonNode key, String member) {
        if (!key.path(member).isString()) {
            return null;
        }
        String text = key.path(member).stringValue();
        try {
            byte[] bytes = Base64.getUrlDecoder()
                    .decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
            return bytes.length == 0 ? null : new BigInteger(1, bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A warning for each member in standard base64 rather than base64url (RFC 7518 section 6 asks for base64url). */
    static void base64url(JsonNode key, String at, List<String> members, List<Finding> findings) {
        for (String member : members) {
            String text = key.path(member).asString("");
            if (text.indexOf('+') >= 0 || text.indexOf('/') >= 0 || text.indexOf('=') >= 0) {
                findings.add(Finding.warning(
                        FindingCode.JWK_NOT_BASE64URL,
                        at + "/" + member,
                        "base64url (no +, / or =)",
                        "standard base64",
                        "Key " + label(key, at) + ": '" + member + "' is standard base64, not base64url."));
            }
        }
    }

    static String curveForAlg(String alg) {
        return EC_ALG_CURVE.get(alg);
    }

    static int minRsaBits() {
        return MIN_RSA_BITS;
    }
}
