-- Motcua schema, version 5: "once only" (chỉ cung cấp thông tin một lần). With the applicant's consent, recorded on the
-- dossier, the office working it may read what the applicant's earlier dossiers hold, even at other offices, instead
-- of asking for the same papers again. Without that consent, nothing crosses.

ALTER TABLE dossier
    -- When and by whom (the applicant's account) consent to reuse earlier dossiers' data was given; null: none.
    ADD COLUMN reuse_consent_at timestamptz,
    ADD COLUMN reuse_consent_by text;

-- The applicant's earlier dossiers for dossier p_dossier, for the office holding p_dossier now (in the caller's
-- row-level security scope), only when p_dossier carries the applicant's consent. Runs as the owner, so that it can reach
-- dossiers of other offices; returns nothing otherwise.
CREATE FUNCTION reusable_dossiers(p_dossier uuid)
    RETURNS TABLE (receipt_code text, procedure_code text, tenant_id text, submitted_at timestamptz, status text, form jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT p.receipt_code, p.procedure_code, p.tenant_id, p.submitted_at, p.status, p.form
      FROM dossier d
      JOIN dossier p ON p.applicant_actor = d.applicant_actor AND p.id <> d.id AND p.parent_id IS NULL
     WHERE d.id = p_dossier
       AND d.reuse_consent_at IS NOT NULL
       AND d.applicant_actor IS NOT NULL
       AND d.reuse_consent_by = d.applicant_actor
       AND d.tenant_id = ANY (app_tenants())
     ORDER BY p.submitted_at DESC
     LIMIT 50
$$;
REVOKE ALL ON FUNCTION reusable_dossiers(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reusable_dossiers(uuid) TO ${appRole};

-- Where each change came from (the client address as the server saw it), beside who and when, in the dossier's
-- append-only history.
ALTER TABLE dossier_event ADD COLUMN remote_addr text;
