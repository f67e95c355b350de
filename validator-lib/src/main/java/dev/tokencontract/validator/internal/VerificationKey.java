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
 */
public record VerificationKey(
        String kid, String description, Set<String> algorithms, JWSVerifier verifier, String unusable) {

    public VerificationKey {
        algorithms = Set.copyOf(algorithms);
    }

    public boolean usable() {
        return verifier != null;
    }
}
