-- Motcua schema, version 7: the receiving office and the competent office (Decree 118/2025/NĐ-CP, "received anywhere
-- in the province").
--
-- For the procedures a province lists, any one-stop desk of the province receives a dossier whatever the applicant's
-- residence. The dossier then has two offices: received_by, the desk that received it (its agency code is in the
-- receipt code), and competent_tenant, the office competent for it from the applicant's ward or commune, which holds
-- it (tenant_id) and works it. The receiving desk stays in tenants[], so row-level security lets it follow the
-- dossier. Forwarding moves tenant_id, never competent_tenant.

ALTER TABLE dossier ADD COLUMN competent_tenant text REFERENCES tenant (code);

-- Until now the receiving tenant had to offer the procedure, so it was the competent one; a part of an interconnected
-- dossier was competent where it was created (its 'part-created' history row). tenant_id is where either is now, which
-- forwarding may have changed, hence only the fallback. FORCE subjects the owner to the policies too, and the owner
-- has no update policy: lifted for this one statement, inside the migration's transaction.
ALTER TABLE dossier NO FORCE ROW LEVEL SECURITY;
UPDATE dossier d
   SET competent_tenant = CASE WHEN d.parent_id IS NULL THEN d.received_by
                               ELSE coalesce((SELECT e.tenant_id FROM dossier_event e
                                               WHERE e.dossier_id = d.id AND e.action = 'part-created'
                                               ORDER BY e.id LIMIT 1), d.tenant_id) END;
ALTER TABLE dossier FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier ALTER COLUMN competent_tenant SET NOT NULL;
