-- The reveal audit (GET /api/admin/audit/reveals) lists one tenant's reveal_citizen and attachment.read entries in a
-- time window, newest first: without this index it read the tenant's whole audit log.
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" USING btree ("jurisdiction_id","action","at");
