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

    /**
     * Keys, or the reason none could be had.
     *
     * @param keys           the keys to consider
     * @param unavailable    why no keys could be had, or {@code null}
     * @param refreshFailure why the latest attempt to refresh failed while older keys are still served,
     *                       or {@code null}; an unknown {@code kid} then means "could not check"
     */
    record KeyLookup(List<VerificationKey> keys, String unavailable, String refreshFailure) {
        public KeyLookup {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public static KeyLookup of(List<VerificationKey> keys) {
            return new KeyLookup(keys, null, null);
        }

        public static KeyLookup stale(List<VerificationKey> keys, String refreshFailure) {
            return new KeyLookup(keys, null, refreshFailure);
        }

        public static KeyLookup unavailable(String reason) {
            return new KeyLookup(List.of(), reason, null);
        }

        public boolean isUnavailable() {
            return unavailable != null;
        }
    }
}
