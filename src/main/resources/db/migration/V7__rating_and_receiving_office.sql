-- Motcua schema, version 7: the receiving office and the competent office (Decree 118/2025/NĐ-CP, "received anywhere
-- in the province"), and the applicant's satisfaction rating.
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

-- The applicant's satisfaction rating (đánh giá mức độ hài lòng) of a dossier whose result was returned: 1 to 5 and an
-- optional comment, one per dossier, sent to the national portal through the outbox (kind 'rating'). A citizen's
-- statement, never edited: the service may add and read it, not change or remove it.
CREATE TABLE dossier_rating (
    dossier_id  uuid PRIMARY KEY REFERENCES dossier (id),
    -- The office rated: the one holding the dossier when it was rated, which returned its result.
    tenant_id   text NOT NULL REFERENCES tenant (code),
    score       int NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text CHECK (length(comment) <= 1000),
    -- The citizen who rated it, as '<realm>:<subject>': the applicant, or whoever submitted it for them.
    rated_by    text NOT NULL,
    rated_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

ALTER TABLE dossier_rating ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_rating FORCE ROW LEVEL SECURITY;
-- Seen by whoever sees its dossier (the applicant, the offices that held it, those above them).
CREATE POLICY dossier_rating_follows_dossier ON dossier_rating FOR SELECT
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
-- Written only by the dossier's applicant (or the citizen who submitted it for them), as themselves, once the result
-- was returned: the same rules as the service's, a second time.
CREATE POLICY dossier_rating_by_its_applicant ON dossier_rating FOR INSERT
    WITH CHECK (rated_by = (SELECT app_actor())
                AND EXISTS (SELECT 1 FROM dossier d
                             WHERE d.id = dossier_id AND d.status = 'returned'
                               AND (d.submitted_by = (SELECT app_actor()) OR d.applicant_actor = (SELECT app_actor()))));

CREATE FUNCTION history_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER dossier_rating_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON dossier_rating
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();

GRANT SELECT, INSERT ON dossier_rating TO ${appRole};
