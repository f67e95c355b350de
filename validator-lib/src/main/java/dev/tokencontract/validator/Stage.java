package dev.tokencontract.validator;

/** The stages a token passes through, in the order they are judged (see {@code docs/findings.md}). */
public enum Stage {
    SHAPE("shape"),
    HEADER("header"),
    SIGNATURE("key and signature"),
    TIME("time"),
    ISSUER_AUDIENCE("issuer and audience"),
    CONTRACT("contract"),
    /** Findings about a contract document itself, from {@code tokencontract lint}. */
    LINT("lint"),
    /** Findings about contracts fetched from a registry and pinned in a lockfile. */
    REGISTRY("registry");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** A short lower-case label for people, e.g. {@code "key and signature"}. */
    public String label() {
        return label;
    }
}
