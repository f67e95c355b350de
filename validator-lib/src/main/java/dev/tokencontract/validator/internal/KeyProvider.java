package dev.tokencontract.validator.internal;

import java.util.List;

/** Where verification keys come from. Implementations are thread-safe. */
public interface KeyProvider {

    /**
     * The keys to consider for a token with this {@code kid} (may be {@code null}). A provider that
     * caches may refresh when the kid is unknown.
     */
    KeyLookup lookup(String kid);

    /** For people: "JWKS file keys.json (3 keys)". */
    String description();

    /** Problems noticed while loading keys that did not stop loading, e.g. private parameters in a JWKS. */
    default List<String> warnings() {
        return List.of();
    }

    /** Keys, or the reason none could be had. */
    record KeyLookup(List<VerificationKey> keys, String unavailable) {
        public KeyLookup {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public static KeyLookup of(List<VerificationKey> keys) {
            return new KeyLookup(keys, null);
        }

        public static KeyLookup unavailable(String reason) {
            return new KeyLookup(List.of(), reason);
        }

        public boolean isUnavailable() {
            return unavailable != null;
        }
    }
}
