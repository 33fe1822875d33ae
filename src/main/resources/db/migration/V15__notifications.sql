-- Motcua schema, version 15: notifications (thông báo) sent from the outbox, the notices a citizen reads on the portal,
-- and the alerts for nearly-late dossiers (issue 19, items 1 and 6). See docs/notifications.md.
--
-- The relay of every replica claims due outbox rows with FOR UPDATE SKIP LOCKED and leases them (next_attempt_at moves
-- forward) in one short transaction, sends outside it, then records the outcome in the row's own tenant scope. A row
-- another relay holds is skipped, not waited for; a row whose relay died is claimed again when its lease ends.

ALTER TABLE outbox
    -- pending: to send (again) at next_attempt_at; sent: delivered on `channel`; dead: every chosen channel failed its
    -- attempts (the dead letter, shown to the tenant's administrators, who may send it again).
    ADD COLUMN status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    -- The channel being tried (or that delivered): email, sms, zalo, in-app, staff-email.
    ADD COLUMN channel         text CHECK (length(channel) <= 20),
    ADD COLUMN last_error      text CHECK (length(last_error) <= 500);
UPDATE outbox SET status = 'sent' WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_dead ON outbox (tenant_id, id) WHERE status = 'dead';
-- The contact choice travels in the dossier's first row (kind 'receipt'); later notices find it by dossier.
CREATE INDEX outbox_dossier ON outbox (dossier_id, id);

-- The notices a citizen reads on the dossier's page (in-app channel): one per outbox row, written once whatever
-- else was chosen, rendered in the page's language from the kind and the reason.
CREATE TABLE dossier_notice (
    outbox_id   bigint PRIMARY KEY REFERENCES outbox (id),
    dossier_id  uuid NOT NULL REFERENCES dossier (id),
    tenant_id   text NOT NULL REFERENCES tenant (code),
    kind        text NOT NULL CHECK (length(kind) <= 40),
    reason      text CHECK (length(reason) <= 2000),
    due_at      timestamptz,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX dossier_notice_dossier ON dossier_notice (dossier_id, outbox_id DESC);

-- A nearly-late alert (cảnh báo sắp đến hạn): one per dossier and step, whichever replica raised it first (the primary
-- key makes raising it idempotent); the officers of the step's tenant see it in the console until the step ends.
CREATE TABLE deadline_alert (
    dossier_id   uuid NOT NULL REFERENCES dossier (id),
    step_seq     int  NOT NULL,
    tenant_id    text NOT NULL REFERENCES tenant (code),
    receipt_code text NOT NULL,
    holder_actor text,
    holder_name  text,
    due_at       timestamptz NOT NULL,
    raised_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (dossier_id, step_seq)
);
CREATE INDEX deadline_alert_tenant ON deadline_alert (tenant_id, due_at);
-- The open steps by due time: what the alert scan reads, a small part of all steps.
CREATE INDEX dossier_step_open_due ON dossier_step (due_at) WHERE ended_at IS NULL;

ALTER TABLE dossier_notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_notice FORCE ROW LEVEL SECURITY;
-- Whoever sees the dossier (its citizen, its offices) sees its notices; only the outbox row's tenant writes one.
CREATE POLICY dossier_notice_follows_dossier ON dossier_notice FOR SELECT
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));
CREATE POLICY dossier_notice_own_tenant ON dossier_notice FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE deadline_alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE deadline_alert FORCE ROW LEVEL SECURITY;
CREATE POLICY deadline_alert_tenant_scope ON deadline_alert
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]));
-- The owner (who runs the two functions below) works across tenants; the service's role never does.
CREATE POLICY deadline_alert_owner ON deadline_alert TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY outbox_owner_relay ON outbox TO CURRENT_USER USING (true) WITH CHECK (true);

-- Claims up to p_limit due rows of the given kinds for one relay: locked with SKIP LOCKED (another relay's rows are
-- passed over, never waited for) and leased for p_lease_seconds (no relay claims them again meanwhile), with what
-- rendering needs from the dossier and the citizen's contact choice. The only cross-tenant read of the outbox: the
-- service's role calls it, and sees nothing else of other tenants.
CREATE FUNCTION notification_claim(p_kinds text[], p_limit int, p_lease_seconds int)
    RETURNS TABLE (id bigint, dossier_id uuid, tenant_id text, kind text, payload jsonb, attempts int, channel text,
                   receipt_code text, applicant_name text, applicant_phone text, procedure_code text, contact jsonb)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    WITH due AS (
        SELECT o.id FROM outbox o
         WHERE o.status = 'pending' AND o.next_attempt_at <= clock_timestamp() AND o.kind = ANY (p_kinds)
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
REVOKE ALL ON FUNCTION notification_claim(text[], int, int) FROM PUBLIC;

-- Raises the alerts of the open steps due within their tenant's threshold (p_minutes: {"tenant": minutes}, else
-- p_default_minutes) and not yet alerted, and queues their e-mail to the officers in the same statement: a step is
-- alerted once, by whichever replica gets there first (the other's insert finds the row and does nothing).
CREATE FUNCTION deadline_alerts_raise(p_default_minutes int, p_minutes jsonb, p_limit int)
    RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
AS $$
    WITH raised AS (
        INSERT INTO deadline_alert (dossier_id, step_seq, tenant_id, receipt_code, holder_actor, holder_name, due_at)
        SELECT d.id, s.seq, s.tenant_id, d.receipt_code, s.holder_actor, s.holder_name, s.due_at
          FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id AND d.current_step = s.seq
         WHERE s.ended_at IS NULL AND d.closed_at IS NULL AND d.paused_at IS NULL
           AND s.due_at > clock_timestamp()
           AND s.due_at <= clock_timestamp() + make_interval(mins => coalesce((p_minutes ->> s.tenant_id)::int, p_default_minutes))
           AND NOT EXISTS (SELECT 1 FROM deadline_alert a WHERE a.dossier_id = s.dossier_id AND a.step_seq = s.seq)
         ORDER BY s.due_at
         LIMIT least(greatest(p_limit, 1), 1000)
        ON CONFLICT DO NOTHING
        RETURNING dossier_id, step_seq, tenant_id, receipt_code, holder_actor, holder_name, due_at
    ), queued AS (
        INSERT INTO outbox (dossier_id, tenant_id, kind, recipient, payload)
        SELECT r.dossier_id, r.tenant_id, 'nearly-late', r.holder_actor,
               jsonb_build_object('receiptCode', r.receipt_code, 'step', r.step_seq, 'holderName', r.holder_name, 'holderActor', r.holder_actor,
                                  'dueAt', r.due_at)
          FROM raised r
        RETURNING 1
    )
    SELECT count(*)::int FROM queued
$$;
REVOKE ALL ON FUNCTION deadline_alerts_raise(int, jsonb, int) FROM PUBLIC;

GRANT SELECT, INSERT ON dossier_notice TO ${appRole};
GRANT SELECT ON deadline_alert TO ${appRole};
GRANT EXECUTE ON FUNCTION notification_claim(text[], int, int) TO ${appRole};
GRANT EXECUTE ON FUNCTION deadline_alerts_raise(int, jsonb, int) TO ${appRole};

-- The relays' nudge: at the commit of a transaction that queued notices, one NOTIFY (PostgreSQL folds the same
-- channel and payload of one transaction into one), so a replica's relay sends within milliseconds instead of at its
-- next tick. Nothing depends on it: a lost signal only means the tick sends it.
CREATE FUNCTION outbox_nudge() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('motcua_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_nudge AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_nudge();
