package dev.tokencontract.registry;

import dev.tokencontract.validator.KeySource;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may write: tokens signed by a key from {@code keys}, issued by {@code issuer}, for {@code audience}
 * (empty: the registry's own URL, {@code http://HOST:PORT}, known once the port is bound), judged against the
 * bundled {@code registry-publisher} contract.
 */
public record PublisherAuth(KeySource keys, String issuer, Optional<String> audience) {
    public PublisherAuth {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(audience, "audience");
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a publisher issuer is required");
        }
        audience.ifPresent(a -> {
            if (a.isBlank()) {
                throw new IllegalArgumentException("the audience must not be blank");
            }
        });
    }
}
