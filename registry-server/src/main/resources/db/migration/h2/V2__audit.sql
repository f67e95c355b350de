-- Append-only audit of write attempts. Keep in step with ../postgresql/V2__audit.sql.
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

CREATE TRIGGER audit_append_only BEFORE UPDATE, DELETE ON audit
    FOR EACH ROW CALL 'dev.tokencontract.registry.store.internal.H2ImmutableRows';
