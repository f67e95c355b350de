-- The audit is the ledger of acknowledged publishes: each publish looks up its version number in it.
-- Partial: only entries of stored publishes, whose name and version were validated (hostile attempts may
-- carry fields up to 4096 characters, longer than a btree entry may be). Keep in step with ../h2/V3.
CREATE INDEX audit_published ON audit (contract, version) WHERE action = 'publish' AND result = '201 created';
