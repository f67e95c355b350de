package dev.tokencontract.validator.internal;

import java.util.List;

/** Keys fixed at construction: a JWKS file, a PEM key, a secret, or none at all. */
public final class StaticKeyProvider implements KeyProvider {
    private final KeyLookup keys;
    private final String description;
    private final List<String> warnings;

    public StaticKeyProvider(List<VerificationKey> keys, String description, List<String> warnings) {
        this.keys = KeyLookup.of(keys);
        this.description = description;
        this.warnings = List.copyOf(warnings);
    }

    @Override
    public KeyLookup lookup(String kid) {
        return keys;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }
}
