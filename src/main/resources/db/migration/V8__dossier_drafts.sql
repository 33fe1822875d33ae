-- Motcua schema, version 8: drafts (hồ sơ nháp). A citizen filling a procedure's form on the portal has what they typed
-- saved after each page, to finish later, on this device or another once signed in. A draft belongs to its owner only
-- (the signed-in account, <realm>:<subject>): no office reads it, and row-level security says so too.

CREATE TABLE dossier_draft (
    id                uuid PRIMARY KEY,
    owner             text NOT NULL,
    procedure_code    text NOT NULL,
    -- The catalog version it was started under: a draft started before a new version took effect is submitted under
    -- the version in force on the day it is submitted, and asked again for what changed.
    procedure_version date NOT NULL,
    -- What has been answered so far, page by page (the submission's shape: office, applicant, form, delivery).
    data              jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Once submitted: the dossier's receipt code. The draft is kept so that a second tap of "Nộp" finds the dossier.
    receipt_code      text,
    -- Bounded: a hostile client cannot grow a draft without limit (the form itself is bounded far below this).
    CHECK (octet_length(data::text) <= 65536)
);
CREATE INDEX dossier_draft_owner ON dossier_draft (owner, updated_at DESC);

ALTER TABLE dossier_draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_draft FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_draft_owner ON dossier_draft
    USING (owner = (SELECT app_actor()))
    WITH CHECK (owner = (SELECT app_actor()));
GRANT SELECT, INSERT, UPDATE, DELETE ON dossier_draft TO ${appRole};
