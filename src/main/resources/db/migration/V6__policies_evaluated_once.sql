-- Motcua schema, version 6: the same row-level security, made cheap enough for the work queue and the submission
-- load (measured in docs/benchmarks.md, issue 4).
--
-- 1. Each policy reads the scope through a scalar sub-select, (SELECT app_tenants()), which PostgreSQL evaluates once
--    per statement (an InitPlan) instead of once per row: a bare call to a STABLE function in a filter is re-run for
--    every row it checks, parsing the comma-separated setting each time.
-- 2. The GIN index on dossier.tenants goes. No query filters on that column; only the policy does, and with the
--    index there the planner turned the queue's "first 50 by due time" into a bitmap of every dossier of the scope
--    followed by a sort (53 ms for a ward with 900 open dossiers, instead of an ordered index scan of 50 rows in
--    0.1 ms). It also cost every submission a GIN insert.
-- The rules themselves do not change: who may see and write what is exactly as in versions 2 to 5.

DROP INDEX dossier_tenants;

DROP POLICY dossier_scope ON dossier;
CREATE POLICY dossier_scope ON dossier
    USING (tenants && (SELECT app_tenants())
           OR submitted_by = (SELECT app_actor()) OR applicant_actor = (SELECT app_actor())
           OR intake_office = ANY ((SELECT app_offices())::text[]) OR delivery_office = ANY ((SELECT app_offices())::text[]))
    WITH CHECK (tenants && (SELECT app_tenants()));

DROP POLICY receipt_counter_tenant_scope ON receipt_counter;
CREATE POLICY receipt_counter_tenant_scope ON receipt_counter
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

DROP POLICY outbox_tenant_scope ON outbox;
CREATE POLICY outbox_tenant_scope ON outbox
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

DROP POLICY audit_event_tenant_scope ON audit_event;
CREATE POLICY audit_event_tenant_scope ON audit_event
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

DROP POLICY audit_event_own_subject ON audit_event;
CREATE POLICY audit_event_own_subject ON audit_event FOR SELECT
    USING (subject_actor IS NOT NULL AND subject_actor = (SELECT app_actor()));
