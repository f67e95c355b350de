package dev.tokencontract.finding;

/**
 * The stages a token passes through, in the order they are judged, then the stages of contract lint and
 * of IdP checks (see {@code docs/findings.md}).
 */
public enum Stage {
    SHAPE("shape"),
    HEADER("header"),
    SIGNATURE("key and signature"),
    TIME("time"),
    ISSUER_AUDIENCE("issuer and audience"),
    CONTRACT("contract"),
    /** Findings about a contract document itself, from {@code tokencontract lint}. */
    LINT("lint"),
    /** Fetching an IdP's or a resource's documents: discovery URLs, redirects, sizes, content. */
    DISCOVERY("discovery"),
    /** An authorization server's or protected resource's metadata document itself. */
    IDP_METADATA("idp metadata"),
    /** The keys an IdP publishes at its {@code jwks_uri}. */
    JWKS("jwks"),
    /** Documents checked against each other: a token against its IdP, a resource against its authorization servers. */
    CROSS_DOCUMENT("cross-document"),
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
