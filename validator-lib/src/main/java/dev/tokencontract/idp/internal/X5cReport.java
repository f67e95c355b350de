package dev.tokencontract.idp.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reports an x5c chain (leaf subject, issuer, expiry, length) without trusting it: no path validation, no
 * revocation, and the key always comes from the JWK members. A leaf whose RSA key differs from n/e is flagged.
 */
final class X5cReport {
    private X5cReport() {}

    static void check(JsonNode key, String at, List<Finding> findings) {
        JsonNode chain = key.path("x5c");
        X509Certificate leaf;
        try {
            byte[] der = Base64.getDecoder().decode(chain.get(0).asString(""));
            leaf = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            findings.add(Finding.warning(
                    FindingCode.JWK_X5C_MISMATCH,
                    at + "/x5c/0",
                    "a base64 DER certificate",
                    Redact.shorten(String.valueOf(e.getMessage()), 100),
                    "Key " + JwksChecks.label(key, at) + " has an unreadable x5c certificate."));
            return;
        }
        findings.add(new Finding(
                FindingCode.JWK_X5C_REPORTED,
                dev.tokencontract.finding.Severity.INFO,
                at + "/x5c",
                null,
                "subject " + Redact.value(leaf.getSubjectX500Principal().getName()) + "; issuer "
                        + Redact.value(leaf.getIssuerX500Principal().getName()) + "; not after "
                        + leaf.getNotAfter().toInstant()
                        + "; " + chain.size() + " certificate" + (chain.size() == 1 ? "" : "s"),
                "Key " + JwksChecks.label(key, at) + " carries an x5c chain; it is reported, not trusted.",
                null));
        PublicKey certified = leaf.getPublicKey();
        if ("RSA".equals(key.path("kty").asString("")) && certified instanceof RSAPublicKey rsa) {
            BigInteger n = JwksChecks.unsigned(key, "n");
            BigInteger e = JwksChecks.unsigned(key, "e");
            if (n != null && e != null && (!n.equals(rsa.getModulus()) || !e.equals(rsa.getPublicExponent()))) {
                findings.add(Finding.warning(
                        FindingCode.JWK_X5C_MISMATCH,
                        at + "/x5c/0",
                        "the certificate of this key's n and e",
                        "a certificate for another key",
                        "Key " + JwksChecks.label(key, at) + ": its x5c certificate holds a different public key."));
            }
        }
    }
}
