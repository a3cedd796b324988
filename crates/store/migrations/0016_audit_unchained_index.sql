-- The entries the start-up sealing still has to chain (only those written before migration 15):
-- found through this index instead of a scan of the whole audit log at every start, which read
-- the log into the page cache (tens of MB at a busy office) and slowed the start.
CREATE INDEX audit_log_unchained ON audit_log (id) WHERE hash IS NULL;
