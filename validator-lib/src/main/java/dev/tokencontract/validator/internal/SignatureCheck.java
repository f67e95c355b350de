package dev.tokencontract.validator.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Redact;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stage 3: select keys by {@code kid} from the configured source only, keep those bound to the token's
 * {@code alg}, verify. Each way this can fail has its own finding, so nobody has to untangle Nimbus's
 * merged "another algorithm expected, or no matching key(s) found".
 */
public final class SignatureCheck {
    /** Minimal headers per algorithm: {@code crit}, {@code b64} and the rest were judged by {@link HeaderCheck}. */
    private static final Map<String, JWSHeader> HEADERS = new ConcurrentHashMap<>();

    private SignatureCheck() {}

    /** Returns the key that verified the signature, or {@code null} after adding the reason as a finding. */
    public static VerificationKey check(
            TokenParts parts,
            String alg,
            String kid,
            KeyProvider keys,
            boolean noKey,
            Set<String> allowedAlgorithms,
            List<Finding> findings) {
        if (alg == null) {
            findings.add(Finding.info(
                    FindingCode.SIGNATURE_NOT_CHECKED,
                    "/signature",
                    "The signature was not checked: the header names no usable algorithm."));
            return null;
        }
        if (parts.signature() == null) {
            return null; // ShapeCheck already reported the unreadable signature
        }
        if (parts.signature().length == 0) {
            findings.add(Finding.error(
                    FindingCode.SIGNATURE_MISSING, "/signature", "a signature", "(empty)", "The token is not signed."));
            return null;
        }
        if (noKey) {
            findings.add(Finding.error(
                    FindingCode.NO_KEY_CONFIGURED,
                    "/signature",
                    "a configured key",
                    "(no key)",
                    "No key was configured, so the signature could not be verified."));
            return null;
        }
        KeyProvider.KeyLookup lookup = keys.lookup(kid);
        if (lookup.isUnavailable()) {
            findings.add(Finding.error(
                    FindingCode.KEY_SOURCE_UNAVAILABLE,
                    "/signature",
                    "keys from " + keys.description(),
                    "unavailable",
                    lookup.unavailable()));
            return null;
        }
        List<VerificationKey> candidates = lookup.keys().stream()
                .filter(key -> key.kid() == null || kid == null || key.kid().equals(kid))
                .toList();
        if (candidates.isEmpty()) {
            if (kid != null && lookup.refreshFailure() != null) {
                findings.add(Finding.error(
                        FindingCode.KEY_SOURCE_UNAVAILABLE,
                        "/header/kid",
                        "a key with kid '" + Redact.value(kid) + "'",
                        "not among the last good keys",
                        "No cached key has kid '" + Redact.value(kid) + "', and refreshing the keys failed: "
                                + lookup.refreshFailure()));
                return null;
            }
            return unknownKid(kid, lookup.keys(), findings);
        }
        List<VerificationKey> fitting = candidates.stream()
                .filter(k -> k.usable() && k.algorithmsUnder(allowedAlgorithms).equals(Set.of(alg)))
                .toList();
        if (fitting.isEmpty()) {
            List<VerificationKey> unbound = candidates.stream()
                    .filter(k ->
                            k.usable() && k.algorithmsUnder(allowedAlgorithms).size() > 1)
                    .filter(k -> k.algorithmsUnder(allowedAlgorithms).contains(alg))
                    .toList();
            if (!unbound.isEmpty()) {
                return unboundKey(alg, unbound.get(0), allowedAlgorithms, findings);
            }
            return noFittingKey(alg, candidates, allowedAlgorithms, findings);
        }
        for (VerificationKey key : fitting) {
            if (verifies(key, alg, parts)) {
                findings.add(Finding.info(
                        FindingCode.SIGNATURE_VERIFIED,
                        "/signature",
                        "Signature verified with " + describe(key)
                                + (key.description().contains("alg " + alg) ? "" : " (" + alg + ")") + "."));
                return key;
            }
        }
        if (kid != null && fitting.size() == 1) {
            findings.add(Finding.error(
                    FindingCode.SIGNATURE_INVALID,
                    "/signature",
                    "a valid " + alg + " signature by " + describe(fitting.get(0)),
                    Redact.signature(parts.signaturePart()),
                    "The signature does not verify with " + describe(fitting.get(0)) + "."));
        } else {
            findings.add(Finding.error(
                    FindingCode.SIGNATURE_NOT_VERIFIABLE,
                    "/signature",
                    "a signature by one of " + fitting.size() + " " + alg + " key(s)",
                    Redact.signature(parts.signaturePart()),
                    "None of the " + fitting.size() + " configured key(s) that fit " + alg
                            + " verifies the signature."));
        }
        return null;
    }

    private static VerificationKey unknownKid(String kid, List<VerificationKey> all, List<Finding> findings) {
        String known = all.stream()
                .map(VerificationKey::kid)
                .filter(k -> k != null)
                .limit(8)
                .map(k -> "'" + Redact.value(k) + "'")
                .collect(Collectors.joining(", "));
        String expected = all.isEmpty()
                ? "a configured key (the key source is empty)"
                : "one of " + all.size() + " kid(s): " + known;
        if (kid == null) {
            findings.add(Finding.error(
                    FindingCode.SIGNATURE_NOT_VERIFIABLE,
                    "/header/kid",
                    expected,
                    "(no kid)",
                    "No configured key could verify this token."));
        } else {
            findings.add(Finding.error(
                    FindingCode.KID_UNKNOWN,
                    "/header/kid",
                    expected,
                    Redact.value(kid),
                    "No configured key has kid '" + Redact.value(kid) + "'."));
        }
        return null;
    }

    /** RFC 8725 section 3.1: a key with no {@code alg} of its own that the contract cannot narrow to one algorithm. */
    private static VerificationKey unboundKey(
            String alg, VerificationKey key, Set<String> allowedAlgorithms, List<Finding> findings) {
        String choices = String.join(", ", key.algorithmsUnder(allowedAlgorithms));
        findings.add(Finding.error(
                FindingCode.KEY_ALG_UNBOUND,
                "/header/alg",
                "a key bound to exactly one algorithm",
                capitalized(describe(key)) + " without an 'alg' (fits " + choices + ")",
                capitalized(describe(key)) + " has no 'alg', and the contract allows " + choices
                        + " for it, so the token's " + Redact.value(alg)
                        + " cannot be trusted to be the key's algorithm (RFC 8725 section 3.1). Give the key"
                        + " one algorithm: an \"alg\" member in its JWK, or --alg RS256 (CLI),"
                        + " KeySource.pem(..., alg) or TokenValidator.Builder.keyAlgorithm(alg)."));
        return null;
    }

    private static VerificationKey noFittingKey(
            String alg, List<VerificationKey> candidates, Set<String> allowedAlgorithms, List<Finding> findings) {
        List<VerificationKey> usable =
                candidates.stream().filter(VerificationKey::usable).toList();
        if (usable.isEmpty()) {
            VerificationKey first = candidates.get(0);
            findings.add(Finding.error(
                    FindingCode.KEY_UNSUPPORTED,
                    "/header/kid",
                    "a usable key",
                    describe(first),
                    capitalized(describe(first)) + " cannot be used: " + first.unusable() + "."));
            return null;
        }
        VerificationKey first = usable.get(0);
        Set<String> bound = first.algorithmsUnder(allowedAlgorithms).isEmpty()
                ? first.algorithms()
                : first.algorithmsUnder(allowedAlgorithms);
        findings.add(Finding.error(
                FindingCode.KEY_ALG_MISMATCH,
                "/header/alg",
                "an algorithm the key is bound to: " + bound.stream().sorted().toList(),
                Redact.value(alg),
                "The token says " + Redact.value(alg) + ", but " + describe(first) + " only verifies "
                        + bound.stream().sorted().collect(Collectors.joining(", ")) + "."));
        return null;
    }

    private static boolean verifies(VerificationKey key, String alg, TokenParts parts) {
        try {
            JWSHeader header = HEADERS.computeIfAbsent(alg, a -> new JWSHeader(JWSAlgorithm.parse(a)));
            return key.verifier()
                    .verify(
                            header,
                            parts.signingInput(),
                            new DecodedSignature(parts.signaturePart(), parts.signature()));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String describe(VerificationKey key) {
        return (key.kid() == null ? "the " : "key '" + Redact.value(key.kid()) + "', ")
                + key.description()
                + (key.kid() == null ? " key" : "");
    }
}
