-- Motcua schema, version 3: post offices (bưu điện) see the dossiers they took in and those whose result they must
-- deliver, and nothing else. A postal clerk has no tenant: their transactions carry app.offices instead.

CREATE FUNCTION app_offices() RETURNS text[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_to_array(nullif(current_setting('app.offices', true), ''), ',') $$;

ALTER TABLE dossier
    -- The post office that took it in (channel postal).
    ADD COLUMN intake_office   text REFERENCES postal_office (code),
    -- The post office that delivers the result (return by post), and where to.
    ADD COLUMN delivery_office text REFERENCES postal_office (code),
    ADD COLUMN delivery_address text;

CREATE INDEX dossier_intake_office ON dossier (intake_office, submitted_at DESC, id) WHERE intake_office IS NOT NULL;
CREATE INDEX dossier_delivery_office ON dossier (delivery_office, submitted_at DESC, id) WHERE delivery_office IS NOT NULL;

-- Reading widens to the office's dossiers; writing does not: a delivery is written in the scope of the dossier's
-- own tenants, after the office's read has found it.
DROP POLICY dossier_scope ON dossier;
CREATE POLICY dossier_scope ON dossier
    USING (tenants && app_tenants() OR submitted_by = app_actor() OR applicant_actor = app_actor()
           OR intake_office = ANY (app_offices()) OR delivery_office = ANY (app_offices()))
    WITH CHECK (tenants && app_tenants());

GRANT EXECUTE ON FUNCTION app_offices() TO ${appRole};
