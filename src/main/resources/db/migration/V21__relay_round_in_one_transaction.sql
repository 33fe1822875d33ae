-- Motcua schema, version 21: the outbox relay's round in one transaction (issue 20, submissions at a morning's peak).
--
-- Until now a round claimed its rows with notification_claim (V15, V18), which leased each row (next_attempt_at moved
-- on) in a transaction of its own, before the notices were written and the rows marked sent in two more. Every row was
-- written twice, and the lease moved an indexed column, so each write added an entry to every index of the outbox.
-- Most rows go to the portal only (no e-mail, SMS or Zalo chosen), and need nothing outside the database: the round now
-- locks its rows (FOR UPDATE SKIP LOCKED: another relay passes over them, never waits) in the transaction that writes
-- their notices and marks them sent. A row is written once; only a row still to be sent outside is leased, in the same
-- transaction, and written again when its attempt is recorded.
--
-- PL/pgSQL rather than SQL: PostgreSQL 17 plans a SQL function's statement again on every call (about half a
-- millisecond of a claim's 1-1.6 ms measured alone); PL/pgSQL keeps the plan for the session.
--
-- notification_claim stays for the replicas of the previous release while a rolling update runs; nothing of this one
-- calls it.

CREATE FUNCTION notification_lock(p_kinds text[], p_limit int)
    RETURNS TABLE (id bigint, dossier_id uuid, tenant_id text, kind text, payload jsonb, attempts int, channel text,
                   receipt_code text, applicant_name text, applicant_phone text, procedure_code text, contact jsonb)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH due AS (
        SELECT o.id, o.dossier_id, o.tenant_id, o.kind, o.payload, o.attempts, o.channel FROM outbox o
         WHERE o.status = 'pending' AND o.kind NOT IN ('portal-status', 'rating')
           AND o.next_attempt_at <= clock_timestamp() AND o.kind = ANY (p_kinds)
         ORDER BY o.next_attempt_at, o.id
         LIMIT least(greatest(p_limit, 1), 500)
           FOR UPDATE SKIP LOCKED
    )
    SELECT c.id, c.dossier_id, c.tenant_id, c.kind, c.payload, c.attempts, c.channel, d.receipt_code, d.applicant_name,
           d.applicant_phone, d.procedure_code,
           (SELECT r.payload -> 'contact' FROM outbox r
             WHERE r.dossier_id = coalesce(d.parent_id, d.id) AND r.kind = 'receipt' ORDER BY r.id LIMIT 1)
      FROM due c JOIN dossier d ON d.id = c.dossier_id
     ORDER BY c.id;
END
$$;
REVOKE ALL ON FUNCTION notification_lock(text[], int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notification_lock(text[], int) TO ${appRole};
