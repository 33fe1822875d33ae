-- Motcua schema, version 18: the national public-service portal's sync (đồng bộ Cổng Dịch vụ công quốc gia, issue 19
-- item 3). See docs/national-portal.md.
--
-- Every change a dossier's history records (submission, reception, refusal, assignment, supplement, forwarding,
-- proposal, decision, result, return, apology) queues an outbox row of kind 'portal-status' in the transaction that
-- wrote the history row; ratings already queue theirs ('rating', V7). The outbox relay sends them through the national
-- portal's adapter with the same lease, backoff and dead letter as the notices (V15), on its own lane: its rows never
-- slow down the notices' claim, and while no portal is configured they wait, pending, and are counted as not synced.

-- The history row's tenant and a part of an interconnected dossier: the portal knows the dossier its citizen submitted,
-- not the offices' parts of it. A statement trigger with a transition table, so that a batch of submissions (the
-- SubmissionWriter, a bulk import) costs one insert, not one per row. It runs as the owner: it writes only what the
-- history row it follows (already checked by row-level security) says.
CREATE FUNCTION national_portal_queue() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
    INSERT INTO outbox (dossier_id, tenant_id, kind, payload)
    SELECT e.dossier_id, e.tenant_id, 'portal-status',
           jsonb_build_object('receiptCode', d.receipt_code, 'event', e.id, 'action', e.action, 'from', e.from_status,
                              'to', e.to_status, 'at', e.occurred_at, 'by', e.actor_name, 'reason', left(e.reason, 500))
      FROM new_events e JOIN dossier d ON d.id = e.dossier_id
     WHERE d.parent_id IS NULL
       AND e.action IN ('submit', 'receive', 'refuse', 'assign', 'request-supplement', 'supplement', 'forward', 'propose',
                        'approve', 'reject', 'mark-result-ready', 'return', 'apologize')
     ORDER BY e.id;
    RETURN NULL;
END $$;
CREATE TRIGGER national_portal_queue AFTER INSERT ON dossier_event
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION national_portal_queue();

-- Two lanes of due rows, each with its own partial index, so that neither claim walks past the other's rows (a portal
-- left unconfigured for a month keeps its rows pending; the notices' claim must not scan them every five seconds).
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending' AND kind NOT IN ('portal-status', 'rating');
CREATE INDEX outbox_due_national_portal ON outbox (next_attempt_at, id)
    WHERE status = 'pending' AND kind IN ('portal-status', 'rating');
-- The sync rate per tenant and period.
CREATE INDEX outbox_national_portal_tenant ON outbox (tenant_id, created_at) WHERE kind IN ('portal-status', 'rating');

-- The notices' claim (V15), on its own lane: the same function, with the predicate its partial index needs.
CREATE OR REPLACE FUNCTION notification_claim(p_kinds text[], p_limit int, p_lease_seconds int)
    RETURNS TABLE (id bigint, dossier_id uuid, tenant_id text, kind text, payload jsonb, attempts int, channel text,
                   receipt_code text, applicant_name text, applicant_phone text, procedure_code text, contact jsonb)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    WITH due AS (
        SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND o.kind NOT IN ('portal-status', 'rating')
           AND o.next_attempt_at <= clock_timestamp() AND o.kind = ANY (p_kinds)
         ORDER BY o.next_attempt_at, o.id
         LIMIT least(greatest(p_limit, 1), 500)
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE outbox o SET next_attempt_at = clock_timestamp() + make_interval(secs => greatest(p_lease_seconds, 1))
          FROM due WHERE o.id = due.id
        RETURNING o.id, o.dossier_id, o.tenant_id, o.kind, o.payload, o.attempts, o.channel
    )
    SELECT c.id, c.dossier_id, c.tenant_id, c.kind, c.payload, c.attempts, c.channel, d.receipt_code, d.applicant_name,
           d.applicant_phone, d.procedure_code,
           (SELECT r.payload -> 'contact' FROM outbox r
             WHERE r.dossier_id = coalesce(d.parent_id, d.id) AND r.kind = 'receipt' ORDER BY r.id LIMIT 1)
      FROM claimed c JOIN dossier d ON d.id = c.dossier_id
     ORDER BY c.id
$$;

-- Claims up to p_limit due rows of the national portal's lane for one relay (FOR UPDATE SKIP LOCKED, leased for
-- p_lease_seconds), with the dossier as it stands now: what the portal's message carries besides the event itself.
-- A dossier's rows go one at a time, in order: a row waits while an earlier one of the same dossier is pending (being
-- sent, or waiting for its retry), so that the portal never reads an older status after a newer one. portal_id is the
-- portal's own dossier id when the dossier was taken in from it (its idempotency key, see NationalPortalIntake).
CREATE FUNCTION national_portal_claim(p_limit int, p_lease_seconds int)
    RETURNS TABLE (id bigint, dossier_id uuid, tenant_id text, kind text, payload jsonb, attempts int, channel text,
                   receipt_code text, procedure_code text, dossier_channel text, dossier_status text, received_by text,
                   holder text, submitted_at timestamptz, due_at timestamptz, closed_at timestamptz, return_channel text,
                   applicant_name text, applicant_phone text, result_at timestamptz, portal_id text)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    WITH due AS (
        SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND o.kind IN ('portal-status', 'rating') AND o.next_attempt_at <= clock_timestamp()
           AND NOT EXISTS (SELECT 1 FROM outbox p
                            WHERE p.dossier_id = o.dossier_id AND p.id < o.id AND p.status = 'pending'
                              AND p.kind IN ('portal-status', 'rating'))
         ORDER BY o.next_attempt_at, o.id
         LIMIT least(greatest(p_limit, 1), 500)
           FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE outbox o SET next_attempt_at = clock_timestamp() + make_interval(secs => greatest(p_lease_seconds, 1))
          FROM due WHERE o.id = due.id
        RETURNING o.id, o.dossier_id, o.tenant_id, o.kind, o.payload, o.attempts, o.channel
    )
    SELECT c.id, c.dossier_id, c.tenant_id, c.kind, c.payload, c.attempts, c.channel, d.receipt_code, d.procedure_code,
           d.channel, d.status, d.received_by, d.tenant_id, d.submitted_at, d.due_at, d.closed_at, d.return_channel,
           d.applicant_name, d.applicant_phone,
           (SELECT max(e.occurred_at) FROM dossier_event e WHERE e.dossier_id = d.id AND e.action = 'mark-result-ready'),
           CASE WHEN d.submitted_by = 'citizens:national-portal' THEN substr(d.idempotency_key, 7) END
      FROM claimed c JOIN dossier d ON d.id = c.dossier_id
     ORDER BY c.id
$$;
REVOKE ALL ON FUNCTION national_portal_claim(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION national_portal_claim(int, int) TO ${appRole};
