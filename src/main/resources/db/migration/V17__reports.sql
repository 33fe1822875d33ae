-- Motcua schema, version 17: the service index's figures (Decision 766/QĐ-TTg), kept incrementally (issue 19, items 4
-- and 5).
--
-- One row per dossier as the citizen sees it (a "3 in 1" dossier's parts fold into their parent, so it counts once),
-- recomputed from the dossier and its history whenever a history row is added: no counter that can drift, since a
-- row is always rebuilt from the facts, never incremented. The report sums these rows per tenant and period through
-- the indexes below, so its cost grows with the period's dossiers of the tenants asked for, not with the whole table.
-- A refresh job (vn.motcua.report.usecase.RefreshReports) reads the history past a watermark; several replicas may
-- run it: the watermark row is locked with SKIP LOCKED, so one works and the others skip.
CREATE TABLE report_dossier (
    dossier_id      uuid PRIMARY KEY REFERENCES dossier (id),
    -- The desk that received it (its agency code is in the receipt code): the unit the index scores.
    tenant_id       text NOT NULL REFERENCES tenant (code),
    procedure_code  text NOT NULL,
    channel         text NOT NULL,
    -- Days in Vietnam's time: received, and closed (returned or refused).
    received_on     date NOT NULL,
    closed_on       date,
    outcome         text,
    -- early / on-time / late (trước hạn / đúng hạn / trễ hạn) against the due time that supplements moved; a second
    -- supplement request makes it late whatever the clock says, as the index counts.
    timeliness      text CHECK (timeliness IN ('early', 'on-time', 'late')),
    supplements     int NOT NULL DEFAULT 0,
    -- Working minutes from the clock's start to the close, less the minutes the clock stood still for supplements.
    working_minutes bigint,
    -- Working minutes in a working day on the tenant's calendar (8 hours unless a calendar says otherwise).
    minutes_per_day int NOT NULL DEFAULT 480,
    -- A paper dossier (counter, post) once received: reception requires each paper scanned or exempt (V14).
    digitized       boolean NOT NULL DEFAULT false,
    -- The applicant consented to reuse their earlier dossiers' data (once only, V5).
    reused          boolean NOT NULL DEFAULT false,
    -- A fee to pay, and paid online (no payment table yet: a wholly online dossier, whose fee is paid online).
    has_fee         boolean NOT NULL DEFAULT false,
    paid_online     boolean NOT NULL DEFAULT false,
    rating          int,
    refreshed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX report_dossier_received ON report_dossier (tenant_id, received_on);
CREATE INDEX report_dossier_closed ON report_dossier (tenant_id, closed_on) WHERE closed_on IS NOT NULL;
CREATE INDEX report_dossier_procedure ON report_dossier (procedure_code, received_on);

-- Each ended step of a dossier (its parts' included), late or not: lateness attributed to the step and its holder.
CREATE TABLE report_step (
    dossier_id   uuid NOT NULL REFERENCES dossier (id),
    seq          int  NOT NULL,
    -- The tenant the report counts it under: the top dossier's receiving desk, like report_dossier.
    tenant_id    text NOT NULL REFERENCES tenant (code),
    step_code    text NOT NULL,
    step_tenant  text NOT NULL,
    holder_name  text,
    ended_on     date NOT NULL,
    late         boolean NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);
CREATE INDEX report_step_late ON report_step (tenant_id, ended_on) WHERE late;

-- How far the history has been read. One row; not tenant data.
CREATE TABLE report_refresh (
    id          int PRIMARY KEY CHECK (id = 1),
    last_event  bigint NOT NULL,
    ran_at      timestamptz
);
INSERT INTO report_refresh (id, last_event) VALUES (1, 0);

-- The weekly report each tenant's leaders receive every Monday (the previous Monday to Sunday), as CSV and PDF;
-- written once per tenant and week whichever replica gets there first.
CREATE TABLE report_weekly (
    tenant_id     text NOT NULL REFERENCES tenant (code),
    week_start    date NOT NULL,
    generated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    csv           text NOT NULL,
    pdf           bytea NOT NULL,
    PRIMARY KEY (tenant_id, week_start)
);

ALTER TABLE report_dossier ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_dossier FORCE ROW LEVEL SECURITY;
CREATE POLICY report_dossier_tenant_scope ON report_dossier
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE report_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_step FORCE ROW LEVEL SECURITY;
CREATE POLICY report_step_tenant_scope ON report_step
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE report_weekly ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_weekly FORCE ROW LEVEL SECURITY;
CREATE POLICY report_weekly_tenant_scope ON report_weekly
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

GRANT SELECT, INSERT, UPDATE ON report_dossier, report_step, report_refresh TO ${appRole};
GRANT SELECT, INSERT ON report_weekly TO ${appRole};
