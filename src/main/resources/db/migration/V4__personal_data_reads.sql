-- Motcua schema, version 4: every read of a citizen's personal data by staff is logged with whose data it was and
-- why, and the citizen can read those entries about themselves (and nothing else of the log).

ALTER TABLE audit_event
    -- The citizen whose data was read or changed ('citizens:<subject>'), when there is one.
    ADD COLUMN subject_actor text,
    -- Why: the dossier being processed, or the consent under which earlier data was reused.
    ADD COLUMN purpose text;

CREATE INDEX audit_event_subject ON audit_event (subject_actor, occurred_at DESC, id DESC) WHERE subject_actor IS NOT NULL;

CREATE POLICY audit_event_own_subject ON audit_event FOR SELECT
    USING (subject_actor IS NOT NULL AND subject_actor = app_actor());

-- Append-only for everyone, the owner included: the service role has no UPDATE or DELETE grant, and this trigger
-- stops whoever else tries. History is corrected by a new entry, never by editing an old one.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER dossier_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON dossier_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
