package dev.tokencontract.validator.internal;

import com.nimbusds.jose.JWSVerifier;
import java.util.Set;

/**
 * A configured key, converted once into a ready verifier, with the algorithms it is bound to. The key
 * decides the algorithm: a token's {@code alg} outside {@link #algorithms()} never reaches the verifier.
 *
 * @param kid         the key id, or {@code null}
 * @param description e.g. {@code "RSA 2048-bit"}, for findings
 * @param algorithms  the {@code alg} values this key may verify
 * @param verifier    the Nimbus verifier, or {@code null} when the key is unusable
 * @param unusable    why the key cannot be used, or {@code null}
 * @param bound       {@code true} when {@link #algorithms()} is one algorithm chosen for this key (its JWK
 *                    {@code alg}, an explicit binding, or the only one its type admits); {@code false} when
 *                    it is every algorithm the key's type admits and the contract must narrow it to one
 */
public record VerificationKey(
        String kid, String description, Set<String> algorithms, JWSVerifier verifier, String unusable, boolean bound) {

    public VerificationKey {
        algorithms = Set.copyOf(algorithms);
        bound = bound || algorithms.size() <= 1;
    }

    /**
     * The algorithms this key verifies under a contract that allows {@code allowed} (RFC 8725 section 3.1:
     * one key, one algorithm). A bound key keeps its own; an unbound key is bound to the one algorithm of its
     * type the contract allows, and is ambiguous (more than one element returned) when the contract allows
     * several: such a key verifies nothing until it is given an {@code alg}. Empty when the contract allows
     * none of the key's algorithms.
     */
    public Set<String> algorithmsUnder(Set<String> allowed) {
        if (bound) {
            return algorithms;
        }
        Set<String> narrowed = new java.util.TreeSet<>(algorithms);
        narrowed.retainAll(allowed);
        return narrowed;
    }

    public boolean usable() {
        return verifier != null;
    }
}
