-- Motcua schema, version 10: a tenant's own settings, entered by its administrators in the console (issue 18, part 7):
-- the desk's hours, the year's calendar days (local closures, extra working days, swapped days) and its procedure
-- overrides (fee, processing time, received anywhere in the province) within what the catalog allows.
--
-- Each table is append-only, like the history tables: a change is a new row, the current setting is the newest row,
-- and every earlier one is kept (who, when, what). The service may insert and read, never update or delete. A
-- procedure override is versioned with the date it takes effect from; a version already in effect is never replaced
-- (the trigger below refuses it), a later one is added instead.
--
-- Row-level security: what these tables hold is public (the portal shows the desk's hours, the working days and the
-- fees to everyone), so every transaction may read them; a row is written only in a transaction scoped to its tenant,
-- so an administrator of one tenant cannot write another's, even if a check above were wrong.

-- The desk's opening hours (lịch tiếp nhận và trả kết quả). week: {"MONDAY": ["07:30-11:30", "13:30-17:00"], …};
-- null: back to the hours of the tenant files.
CREATE TABLE tenant_desk_hours (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenant (code),
    week        jsonb CHECK (week IS NULL OR (jsonb_typeof(week) = 'object' AND octet_length(week::text) <= 2048)),
    reason      text CHECK (length(reason) <= 300),
    set_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    set_by      text NOT NULL,
    set_by_name text
);
CREATE INDEX tenant_desk_hours_current ON tenant_desk_hours (tenant_id, id DESC);

-- A day of the tenant's calendar (ngày nghỉ, ngày làm bù): a local closure, an extra working day, or one of the two
-- days of a swap (the working day given off, and the weekend day worked instead, each naming the other). 'cleared'
-- removes the day's earlier entry. The newest row of a tenant and day is in force.
CREATE TABLE tenant_calendar_day (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenant (code),
    day         date NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('closed', 'working', 'swapped-off', 'swapped-on', 'cleared')),
    paired_day  date,
    reason_vi   text CHECK (length(reason_vi) <= 300),
    reason_en   text CHECK (length(reason_en) <= 300),
    set_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    set_by      text NOT NULL,
    set_by_name text,
    CHECK ((kind IN ('swapped-off', 'swapped-on')) = (paired_day IS NOT NULL)),
    CHECK (kind = 'cleared' OR length(reason_vi) > 0)
);
CREATE INDEX tenant_calendar_day_current ON tenant_calendar_day (tenant_id, day, id DESC);

-- A tenant's terms for a procedure (thủ tục) from a date: the fee per channel ({"counter": 5000}, đồng; a channel
-- absent keeps the catalog's), the processing time in working days, and whether its desks and the other desks of the
-- province receive it for this tenant. A null keeps the catalog's. 'withdrawn' takes back a version not yet in force.
CREATE TABLE procedure_override (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text NOT NULL REFERENCES tenant (code),
    procedure_code    text NOT NULL CHECK (length(procedure_code) BETWEEN 1 AND 40),
    effective_from    date NOT NULL,
    fees              jsonb CHECK (fees IS NULL OR (jsonb_typeof(fees) = 'object' AND octet_length(fees::text) <= 512)),
    processing_days   numeric(6, 2) CHECK (processing_days > 0),
    received_anywhere boolean,
    withdrawn         boolean NOT NULL DEFAULT false,
    reason            text NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
    set_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    set_by            text NOT NULL,
    set_by_name       text
);
CREATE INDEX procedure_override_versions ON procedure_override (tenant_id, procedure_code, effective_from, id);

-- Today in Vietnam: what "already in effect" means for a version.
CREATE FUNCTION vietnam_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$;

-- A version is added for a day to come or for today, never back-dated; one already in force (its day has come) is
-- never replaced nor withdrawn: a later version is added instead. Checked here a second time, for every writer.
CREATE FUNCTION procedure_override_in_effect_is_kept() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.effective_from < vietnam_today() THEN
        RAISE EXCEPTION 'a procedure override cannot take effect in the past (%)', NEW.effective_from
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.effective_from <= vietnam_today() AND EXISTS (
            SELECT 1 FROM procedure_override o
             WHERE o.tenant_id = NEW.tenant_id AND o.procedure_code = NEW.procedure_code
               AND o.effective_from = NEW.effective_from) THEN
        RAISE EXCEPTION 'the version of % from % is in effect: add a later one', NEW.procedure_code, NEW.effective_from
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER procedure_override_in_effect BEFORE INSERT ON procedure_override
    FOR EACH ROW EXECUTE FUNCTION procedure_override_in_effect_is_kept();

CREATE TRIGGER tenant_desk_hours_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON tenant_desk_hours
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER tenant_calendar_day_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON tenant_calendar_day
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
CREATE TRIGGER procedure_override_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON procedure_override
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();

ALTER TABLE tenant_desk_hours ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_desk_hours FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_desk_hours_public ON tenant_desk_hours FOR SELECT USING (true);
CREATE POLICY tenant_desk_hours_own_tenant ON tenant_desk_hours FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE tenant_calendar_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_calendar_day FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_calendar_day_public ON tenant_calendar_day FOR SELECT USING (true);
CREATE POLICY tenant_calendar_day_own_tenant ON tenant_calendar_day FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE procedure_override ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_override FORCE ROW LEVEL SECURITY;
CREATE POLICY procedure_override_public ON procedure_override FOR SELECT USING (true);
CREATE POLICY procedure_override_own_tenant ON procedure_override FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

GRANT SELECT, INSERT ON tenant_desk_hours, tenant_calendar_day, procedure_override TO ${appRole};
GRANT EXECUTE ON FUNCTION vietnam_today() TO ${appRole};
