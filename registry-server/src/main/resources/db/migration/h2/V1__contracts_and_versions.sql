-- Contracts and their immutable versions. Keep in step with ../postgresql/V1__contracts_and_versions.sql.
CREATE TABLE contracts (
    name VARCHAR(255) PRIMARY KEY,
    -- NULL: never configured, the registry's default mode applies.
    mode VARCHAR(32) CHECK (mode IN ('NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD',
                                     'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'))
);

CREATE TABLE versions (
    name VARCHAR(255) NOT NULL REFERENCES contracts (name),
    version VARCHAR(128) NOT NULL,
    -- Semantic-version sort parts (the store orders exactly in Java; these serve SQL ordering and ranges).
    major BIGINT NOT NULL,
    minor BIGINT NOT NULL,
    patch BIGINT NOT NULL,
    pre_release VARCHAR(128),
    content VARCHAR(1000000) NOT NULL,
    digest VARCHAR(4096) NOT NULL,
    state VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'DEPRECATED')),
    published_by VARCHAR(4096) NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE INDEX versions_by_order ON versions (name, major, minor, patch);

CREATE TRIGGER versions_immutable BEFORE UPDATE, DELETE ON versions
    FOR EACH ROW CALL 'dev.tokencontract.registry.store.internal.H2ImmutableRows';
