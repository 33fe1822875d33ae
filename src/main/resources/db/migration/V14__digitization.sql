-- Motcua schema, version 14: digitizing paper dossiers at reception (Circular 03/2025/TT-VPCP, issue 18).
--
-- Each paper component of a dossier handed in on paper is scanned and attached (table attachment), or marked with one
-- of the exemptions the Circular allows: already submitted online; shown for comparison only; a result from a
-- participating agency; confidential. A dossier cannot be received until each required component is one or the
-- other. The marks are a log, never rewritten: the latest row of a component is its state, and a row without an
-- exemption withdraws the one before. Who marked what, when, stays.
CREATE TABLE document_exemption (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id  uuid NOT NULL REFERENCES dossier (id),
    document    int  NOT NULL CHECK (document BETWEEN 1 AND 100),
    exemption   text CHECK (exemption IN ('submitted-online', 'shown-only', 'agency-result', 'confidential')),
    note        text CHECK (length(note) <= 2000),
    marked_by   text NOT NULL,
    marked_name text,
    marked_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX document_exemption_dossier ON document_exemption (dossier_id, document, id DESC);

ALTER TABLE document_exemption ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_exemption FORCE ROW LEVEL SECURITY;
-- Seen by whoever sees the dossier; written only by an office whose scope holds it (the applicant never marks).
CREATE POLICY document_exemption_follows_dossier ON document_exemption FOR SELECT
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY document_exemption_by_its_office ON document_exemption FOR INSERT
    WITH CHECK (marked_by = (SELECT app_actor())
                AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.tenants && (SELECT app_tenants())));

CREATE TRIGGER document_exemption_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document_exemption
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();

GRANT SELECT, INSERT ON document_exemption TO ${appRole};

-- The share digitized is reported per receiving desk and period, over its paper dossiers only.
CREATE INDEX dossier_received_on_paper ON dossier (received_by, submitted_at) WHERE channel IN ('counter', 'postal');
