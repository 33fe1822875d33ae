-- Motcua schema, version 2: dossiers (hồ sơ), their steps, history, attachments and outbox, the per-agency-per-day
-- receipt counters and the idempotency of submissions. Every table holds tenant data and has row-level security.

-- Who is acting, as '<realm>:<subject>': set with app.tenants by the one transaction opener. A citizen, who has no
-- tenant, sees the dossiers they submitted or that name them as applicant through it.
CREATE FUNCTION app_actor() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.actor', true), '') $$;

-- The last receipt number issued by an agency on a day. Incremented in the transaction that inserts the dossier, so
-- the row lock serializes one agency's submissions of one day across every replica, and a rolled-back submission
-- gives its number back: the sequence is gap-free and never issues a number twice.
CREATE TABLE receipt_counter (
    tenant_id  text NOT NULL REFERENCES tenant (code),
    day        date NOT NULL,
    last_value int  NOT NULL,
    PRIMARY KEY (tenant_id, day)
);

CREATE TABLE dossier (
    id                 uuid PRIMARY KEY,
    receipt_code       text NOT NULL UNIQUE,
    -- The receipt code in upper case, letters and digits only: what a forgiving look-up compares.
    lookup_key         text NOT NULL UNIQUE,
    parent_id          uuid REFERENCES dossier (id),
    part_index         int,
    part_agency        text,
    -- The tenant that received it (its agency code is in the receipt code) and the one holding it now.
    received_by        text NOT NULL REFERENCES tenant (code),
    tenant_id          text NOT NULL REFERENCES tenant (code),
    -- Every tenant that has held it: all of them keep seeing it (forwarding keeps the sender's view).
    tenants            text[] NOT NULL,
    procedure_code     text NOT NULL,
    procedure_version  date NOT NULL,
    channel            text NOT NULL,
    status             text NOT NULL,
    submitted_by       text NOT NULL,
    submitted_by_name  text,
    applicant_actor    text,
    applicant_name     text NOT NULL,
    applicant_id       text,
    applicant_phone    text,
    phone_key          text,
    relationship       text,
    return_channel     text NOT NULL,
    form               jsonb NOT NULL,
    fee                bigint NOT NULL,
    processing_days    numeric(6, 2) NOT NULL,
    supplement_clock   text NOT NULL,
    submitted_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    clock_start        timestamptz NOT NULL,
    due_at             timestamptz NOT NULL,
    -- While a supplement request stops the clock: when it stopped and the working minutes that were left.
    paused_at          timestamptz,
    minutes_left       bigint,
    current_step       int,
    -- The current step's code and holder, copied from dossier_step so that the work queue reads one table.
    step_code          text,
    holder_name        text,
    outcome            text,
    closed_at          timestamptz,
    -- The apology letter's reason and new appointment when it ran late (phiếu xin lỗi và hẹn lại).
    delay_reason       text,
    appointment_at     timestamptz,
    idempotency_key    text,
    request_hash       text,
    version            int NOT NULL DEFAULT 0,
    CHECK (idempotency_key IS NULL OR request_hash IS NOT NULL)
);
-- A retried submission with the same key from the same actor lands here and is answered with the first dossier.
CREATE UNIQUE INDEX dossier_idempotency ON dossier (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The work queue: a tenant's open dossiers by due time, keyset-paged on (due_at, id).
CREATE INDEX dossier_queue ON dossier (tenant_id, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX dossier_queue_status ON dossier (tenant_id, status, due_at, id) WHERE closed_at IS NULL;
CREATE INDEX dossier_tenants ON dossier USING gin (tenants);
CREATE INDEX dossier_applicant ON dossier (applicant_actor, submitted_at DESC) WHERE applicant_actor IS NOT NULL;
CREATE INDEX dossier_submitter ON dossier (submitted_by, submitted_at DESC);
CREATE INDEX dossier_phone ON dossier (phone_key) WHERE parent_id IS NULL;
CREATE INDEX dossier_parent ON dossier (parent_id) WHERE parent_id IS NOT NULL;

-- One row per workflow step: its share of the time, its own due time and who held it, so lateness is attributed to
-- the step and the person.
CREATE TABLE dossier_step (
    dossier_id     uuid NOT NULL REFERENCES dossier (id),
    seq            int  NOT NULL,
    code           text NOT NULL,
    role           text NOT NULL,
    share          numeric(4, 3) NOT NULL,
    tenant_id      text NOT NULL REFERENCES tenant (code),
    holder_actor   text,
    holder_name    text,
    due_at         timestamptz NOT NULL,
    started_at     timestamptz,
    ended_at       timestamptz,
    minutes_left   bigint,
    PRIMARY KEY (dossier_id, seq)
);

-- The immutable history: every transition, in the transaction that made it. Insert and read only.
CREATE TABLE dossier_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id   uuid NOT NULL REFERENCES dossier (id),
    tenant_id    text NOT NULL REFERENCES tenant (code),
    occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor        text NOT NULL,
    actor_name   text,
    action       text NOT NULL,
    from_status  text,
    to_status    text NOT NULL,
    reason       text,
    detail       jsonb
);
CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, id);

-- Notifications to send after the commit (receipt, supplement request, result ready, apology…): the relay reads
-- unsent rows, so a confirmation is never lost when a channel is down.
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id  uuid NOT NULL REFERENCES dossier (id),
    tenant_id   text NOT NULL REFERENCES tenant (code),
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    kind        text NOT NULL,
    recipient   text,
    payload     jsonb NOT NULL,
    sent_at     timestamptz,
    attempts    int NOT NULL DEFAULT 0
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Files of a dossier: the bytes live in the attachment store, the row keeps where, what and the checksum.
CREATE TABLE attachment (
    id            uuid PRIMARY KEY,
    dossier_id    uuid NOT NULL REFERENCES dossier (id),
    document      int  NOT NULL,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL,
    stored_bytes  bigint NOT NULL,
    sha256        text NOT NULL,
    storage_key   text NOT NULL,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX attachment_dossier ON attachment (dossier_id, document);

-- Row-level security. A dossier is visible to every tenant that has held it (within the transaction's scope), to
-- whoever submitted it and to the applicant; its steps, history, outbox and attachments follow the dossier.
ALTER TABLE receipt_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY receipt_counter_tenant_scope ON receipt_counter
    USING (tenant_id = ANY (app_tenants()))
    WITH CHECK (tenant_id = ANY (app_tenants()));

ALTER TABLE dossier ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_scope ON dossier
    USING (tenants && app_tenants() OR submitted_by = app_actor() OR applicant_actor = app_actor())
    WITH CHECK (tenants && app_tenants());

ALTER TABLE dossier_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_step FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_step_follows_dossier ON dossier_step
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));

ALTER TABLE dossier_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_event FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_event_follows_dossier ON dossier_event
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_tenant_scope ON outbox
    USING (tenant_id = ANY (app_tenants()))
    WITH CHECK (tenant_id = ANY (app_tenants()));

ALTER TABLE attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY attachment_follows_dossier ON attachment
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id));

-- The public status look-up (no sign-in) needs the receipt code and the applicant's phone, and gets a few fields
-- only: it runs as the owner so that it can find the dossier without a tenant scope, and returns nothing unless
-- both match. FORCE makes the owner subject to the policies too, hence its own read policies.
CREATE POLICY dossier_owner_lookup ON dossier FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY dossier_step_owner_lookup ON dossier_step FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION dossier_lookup(p_key text, p_phone text)
    RETURNS TABLE (receipt_code text, status text, procedure_code text, procedure_version date, tenant_id text, due_at timestamptz,
                   delay_reason text, appointment_at timestamptz, step_code text, step_tenant text, step_due_at timestamptz, submitted_at timestamptz,
                   closed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT d.receipt_code, d.status, d.procedure_code, d.procedure_version, d.tenant_id, d.due_at, d.delay_reason, d.appointment_at, s.code, s.tenant_id,
           s.due_at, d.submitted_at, d.closed_at
      FROM dossier d
      LEFT JOIN dossier_step s ON s.dossier_id = d.id AND s.seq = d.current_step
     WHERE d.phone_key = p_phone AND d.parent_id IS NULL
       AND (d.lookup_key = p_key OR (length(p_key) >= 10 AND d.lookup_key LIKE '%' || p_key))
     ORDER BY d.submitted_at DESC
     LIMIT 1
$$;
REVOKE ALL ON FUNCTION dossier_lookup(text, text) FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE ON receipt_counter, dossier, dossier_step TO ${appRole};
GRANT SELECT, INSERT ON dossier_event, attachment TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON outbox TO ${appRole};
GRANT EXECUTE ON FUNCTION app_actor() TO ${appRole};
GRANT EXECUTE ON FUNCTION dossier_lookup(text, text) TO ${appRole};
