-- The audit is the ledger of acknowledged publishes: each publish looks up its version number in it.
-- Keep in step with ../postgresql/V3__audit_by_version.sql (there a partial index over the 201 entries).
CREATE INDEX audit_by_version ON audit (contract, version);
