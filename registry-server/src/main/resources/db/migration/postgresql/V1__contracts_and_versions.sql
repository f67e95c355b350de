-- Contracts and their immutable versions. Keep in step with ../h2/V1__contracts_and_versions.sql.
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
    content TEXT NOT NULL,
    digest VARCHAR(4096) NOT NULL,
    state VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'DEPRECATED')),
    published_by VARCHAR(4096) NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE INDEX versions_by_order ON versions (name, major, minor, patch);

-- A published version changes only its state and is never deleted, whatever client connects.
CREATE FUNCTION versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'published versions are never deleted';
    END IF;
    IF (NEW.name, NEW.version, NEW.major, NEW.minor, NEW.patch, NEW.pre_release, NEW.content, NEW.digest,
        NEW.published_by, NEW.published_at)
       IS DISTINCT FROM
       (OLD.name, OLD.version, OLD.major, OLD.minor, OLD.patch, OLD.pre_release, OLD.content, OLD.digest,
        OLD.published_by, OLD.published_at) THEN
        RAISE EXCEPTION 'a published version changes only its state';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON versions
    FOR EACH ROW EXECUTE FUNCTION versions_immutable();
CREATE TRIGGER versions_never_truncated BEFORE TRUNCATE ON versions
    FOR EACH STATEMENT EXECUTE FUNCTION versions_immutable();
