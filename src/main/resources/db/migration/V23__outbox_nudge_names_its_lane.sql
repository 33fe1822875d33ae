-- Motcua schema, version 23: the relay's nudge names its lane, and a statement that queues nothing to send does not
-- nudge at all (issue 20, submissions at a morning's peak).
--
-- Since the receipt of a citizen who hears in the portal only is written with the dossier (its outbox row born sent),
-- most groups of submissions queue nothing for the notice relay; but V15's trigger nudged it after every insert into
-- the outbox, and V18's national-portal rows (one per submission) are inserted into it too. Each nudge cost every
-- replica a relay round that found nothing: a transaction and the lock function's scan, 0.07 ms of PostgreSQL's time
-- per submission, for nothing. Now the trigger reads the statement's new rows (a transition table: one look per
-- statement, not one per row) and notifies 'notices' only when it queued a row for the notice relay, and
-- 'destinations' only when it queued one for an outward destination (the national portal's lane, V18).
--
-- During a rolling update a replica of the previous release hears either payload as before (it ignores it and runs a
-- whole round); the timer of every replica still runs both lanes every few seconds, so a lost or unheard nudge only
-- delays a notice until then.

DROP TRIGGER outbox_nudge ON outbox;

CREATE OR REPLACE FUNCTION outbox_nudge() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'pending' AND kind NOT IN ('portal-status', 'rating')) THEN
        PERFORM pg_notify('motcua_outbox', 'notices');
    END IF;
    IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'pending' AND kind IN ('portal-status', 'rating')) THEN
        PERFORM pg_notify('motcua_outbox', 'destinations');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_nudge AFTER INSERT ON outbox
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outbox_nudge();
