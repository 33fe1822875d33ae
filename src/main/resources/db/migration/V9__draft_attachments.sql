-- Motcua schema, version 9: papers staged in a draft (giấy tờ đính kèm hồ sơ nháp). A citizen applying online attaches
-- the procedure's papers on a page of the draft, before submitting; the bytes go to the attachment store at once
-- (under the key <draft id>/<file id>), the row here says which paper each file is for. Like the draft, a staged file
-- is its owner's alone: no office reads it, and row-level security says so too.
--
-- On submission the rows become the dossier's attachments (same id, same storage key: the bytes are not copied) in the
-- transaction that writes the dossier; the draft's rows are then dropped. Discarding a draft, or the draft being pruned
-- (an account keeps its newest 20 unsubmitted drafts), drops its rows and the service removes their bytes after the
-- commit; a file that already became a dossier's attachment (same id in attachment) keeps its bytes.

CREATE TABLE draft_attachment (
    id            uuid PRIMARY KEY,
    draft_id      uuid NOT NULL REFERENCES dossier_draft (id) ON DELETE CASCADE,
    owner         text NOT NULL,
    -- Which paper of the procedure's list (1-based, in the draft's catalog version), one file per paper: a new file
    -- for the same paper replaces the old one.
    document      int  NOT NULL CHECK (document BETWEEN 1 AND 100),
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL,
    stored_bytes  bigint NOT NULL,
    sha256        text NOT NULL,
    storage_key   text NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (draft_id, document)
);

ALTER TABLE draft_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_attachment FORCE ROW LEVEL SECURITY;
-- The owner only; and a file is staged only into a draft its owner can see that is not yet submitted (the foreign key
-- alone would let anyone who knows a draft's id stage into it: key checks ignore row-level security).
CREATE POLICY draft_attachment_owner ON draft_attachment
    USING (owner = (SELECT app_actor()))
    WITH CHECK (owner = (SELECT app_actor())
        AND EXISTS (SELECT 1 FROM dossier_draft d WHERE d.id = draft_id AND d.receipt_code IS NULL));
GRANT SELECT, INSERT, DELETE ON draft_attachment TO ${appRole};
