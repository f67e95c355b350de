-- Append-only audit of write attempts. Keep in step with ../h2/V2__audit.sql.
CREATE TABLE audit (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    happened_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    action VARCHAR(4096) NOT NULL,
    subject VARCHAR(4096) NOT NULL,
    client_id VARCHAR(4096),
    contract VARCHAR(4096),
    version VARCHAR(4096),
    digest VARCHAR(4096),
    result VARCHAR(4096) NOT NULL
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are never changed or removed';
END
$$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_never_truncated BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
