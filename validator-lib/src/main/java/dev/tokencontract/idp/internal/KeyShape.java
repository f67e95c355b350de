package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** One key's type, algorithm, curve and use, and whether they agree. */
final class KeyShape {
    private static final Set<String> RSA_SIGNING = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final Set<String> RSA_ENCRYPTION =
            Set.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512");
    private static final Set<String> EC_SIGNING = Set.of("ES256", "ES384", "ES512", "ES256K");
    private static final Set<String> OKP_SIGNING = Set.of("EdDSA", "Ed25519", "Ed448");

    private KeyShape() {}

    /** Adds findings for this key; returns whether it is a signing key a verifier could use. */
    static boolean check(JsonNode key, String at, List<Finding> findings) {
        String kty = key.path("kty").asString("");
        String alg = key.path("alg").isString() ? key.path("alg").stringValue() : null;
        String use = key.path("use").isString() ? key.path("use").stringValue() : null;
        String name = JwksChecks.label(key, at);
        if (use != null && !use.equals("sig") && !use.equals("enc")) {
            inconsistent(findings, at + "/use", "sig or enc", use, "Key " + name + " has an unknown 'use'.");
            return false;
        }
        boolean encryption = "enc".equals(use)
                || alg != null
                        && (alg.startsWith("RSA")
                                || alg.startsWith("ECDH")
                                || alg.startsWith("A")
                                || alg.equals("dir"));
        if ("enc".equals(use) && alg != null && isSigningAlg(alg)) {
            inconsistent(
                    findings,
                    at + "/alg",
                    "an encryption algorithm for use enc",
                    alg,
                    "Key " + name + " says use enc but alg " + alg + ".");
        }
        if ("sig".equals(use) && encryption && alg != null) {
            inconsistent(
                    findings,
                    at + "/alg",
                    "a signing algorithm for use sig",
                    alg,
                    "Key " + name + " says use sig but alg " + alg + ".");
            return false;
        }
        if ("none".equalsIgnoreCase(String.valueOf(alg))) {
            inconsistent(findings, at + "/alg", "a signing algorithm", alg, "Key " + name + " declares alg 'none'.");
            return false;
        }
        return switch (kty) {
            case "RSA" -> rsa(key, at, name, alg, findings) && !encryption;
            case "EC" -> ec(key, at, name, alg, encryption, findings) && !encryption;
            case "OKP" -> okp(key, at, name, alg, encryption, findings) && !encryption;
            case "oct" -> {
                if (alg != null && !alg.startsWith("HS") && !encryption) {
                    inconsistent(
                            findings,
                            at + "/alg",
                            "an HS* algorithm for an oct key",
                            alg,
                            "Key " + name + " is oct with alg " + alg + ".");
                }
                yield false; // a shared secret in a published set is reported as private material, never counted as
                // usable
            }
            default -> {
                findings.add(Finding.error(
                        FindingCode.JWK_UNREADABLE,
                        at + "/kty",
                        "RSA, EC, OKP or oct",
                        kty.isEmpty() ? "(absent)" : Redact.value(kty),
                        "Key " + name + " has no known 'kty'."));
                yield false;
            }
        };
    }

    private static boolean isSigningAlg(String alg) {
        return RSA_SIGNING.contains(alg)
                || EC_SIGNING.contains(alg)
                || OKP_SIGNING.contains(alg)
                || alg.startsWith("HS");
    }

    private static boolean rsa(JsonNode key, String at, String name, String alg, List<Finding> findings) {
        if (key.has("crv")) {
            inconsistent(
                    findings,
                    at + "/crv",
                    "no crv on an RSA key",
                    key.path("crv").asString("?"),
                    "RSA key " + name + " has a 'crv'.");
        }
        if (alg != null && !RSA_SIGNING.contains(alg) && !RSA_ENCRYPTION.contains(alg)) {
            inconsistent(
                    findings, at + "/alg", "an RSA algorithm", alg, "RSA key " + name + " declares alg " + alg + ".");
            return false;
        }
        JwksChecks.base64url(key, at, List.of("n", "e"), findings);
        BigInteger n = JwksChecks.unsigned(key, "n");
        BigInteger e = JwksChecks.unsigned(key, "e");
        if (n == null || e == null) {
            findings.add(Finding.error(
                    FindingCode.JWK_UNREADABLE,
                    at,
                    "base64url members n and e",
                    n == null ? "no usable n" : "no usable e",
                    "RSA key " + name + " lacks a readable modulus or exponent."));
            return false;
        }
        if (n.bitLength() < JwksChecks.minRsaBits()) {
            findings.add(Finding.error(
                    FindingCode.JWK_RSA_TOO_SHORT,
                    at + "/n",
                    "at least " + JwksChecks.minRsaBits() + " bits",
                    n.bitLength() + " bits",
                    "RSA key " + name + " has only " + n.bitLength() + " bits."));
            return false;
        }
        return true;
    }

    private static boolean ec(
            JsonNode key, String at, String name, String alg, boolean encryption, List<Finding> findings) {
        String crv = key.path("crv").asString("");
        if (!JwksChecks.EC_CURVES.contains(crv)) {
            findings.add(Finding.error(
                    FindingCode.JWK_CURVE_NOT_ALLOWED,
                    at + "/crv",
                    "P-256, P-384 or P-521",
                    crv.isEmpty() ? "(absent)" : Redact.value(crv),
                    "EC key " + name + " is on a curve that is not allowed."));
            return false;
        }
        if (alg != null && !encryption) {
            String expected = JwksChecks.curveForAlg(alg);
            if (expected == null || !expected.equals(crv)) {
                inconsistent(
                        findings,
                        at + "/alg",
                        expected == null ? "ES256, ES384 or ES512" : "crv " + expected + " for " + alg,
                        alg + " on " + crv,
                        "EC key " + name + " declares alg " + alg + " on curve " + crv + ".");
                return false;
            }
        }
        JwksChecks.base64url(key, at, List.of("x", "y"), findings);
        if (JwksChecks.unsigned(key, "x") == null || JwksChecks.unsigned(key, "y") == null) {
            findings.add(Finding.error(
                    FindingCode.JWK_UNREADABLE,
                    at,
                    "base64url members x and y",
                    "missing or unreadable",
                    "EC key " + name + " lacks readable coordinates."));
            return false;
        }
        try {
            com.nimbusds.jose.jwk.ECKey.parse(key.toString()).toECPublicKey();
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            findings.add(Finding.error(
                    FindingCode.JWK_UNREADABLE,
                    at,
                    "a point on " + crv,
                    Redact.shorten(e.getMessage(), 120),
                    "EC key " + name + " is not a valid public key."));
            return false;
        }
        return true;
    }

    private static boolean okp(
            JsonNode key, String at, String name, String alg, boolean encryption, List<Finding> findings) {
        String crv = key.path("crv").asString("");
        boolean signingCurve = JwksChecks.OKP_SIGNING_CURVES.contains(crv);
        boolean agreementCurve = JwksChecks.OKP_AGREEMENT_CURVES.contains(crv);
        if (!signingCurve && !agreementCurve) {
            findings.add(Finding.error(
                    FindingCode.JWK_CURVE_NOT_ALLOWED,
                    at + "/crv",
                    "Ed25519 or Ed448 (X25519, X448 for enc)",
                    crv.isEmpty() ? "(absent)" : Redact.value(crv),
                    "OKP key " + name + " is on an unknown curve."));
            return false;
        }
        if (agreementCurve
                && ("sig".equals(key.path("use").asString("")) || alg != null && OKP_SIGNING.contains(alg))) {
            inconsistent(
                    findings,
                    at + "/crv",
                    "Ed25519 or Ed448 for a signing key",
                    crv,
                    "OKP key " + name + " is on " + crv + ", a key-agreement curve, but is marked for signatures.");
            return false;
        }
        if (signingCurve && alg != null && !OKP_SIGNING.contains(alg)) {
            inconsistent(findings, at + "/alg", "EdDSA", alg, "OKP key " + name + " declares alg " + alg + ".");
            return false;
        }
        return signingCurve;
    }

    private static void inconsistent(
            List<Finding> findings, String pointer, String expected, String actual, String message) {
        findings.add(Finding.error(FindingCode.JWK_INCONSISTENT, pointer, expected, Redact.value(actual), message));
    }
}
