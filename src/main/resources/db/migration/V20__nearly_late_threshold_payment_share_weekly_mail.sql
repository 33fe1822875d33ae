-- Motcua schema, version 20: what issue 19 still owed. See docs/notifications.md, docs/reports.md.
--
-- 1. A tenant's own nearly-late threshold (ngưỡng cảnh báo sắp đến hạn), set by its administrators in the console: how
--    many working minutes before a step's due time it counts as nearly late, for the desk's "nearly late" queue and the
--    alerts alike. Append-only like the other settings of V10: the newest row of a tenant is in force; a row without
--    minutes goes back to the default (one working day of the tenant's calendar).
-- 2. The report's online-payment share reads the payments (V16): a dossier counts as paid online when an online
--    (gateway) payment of it is paid. The refresh computes it from the payment table; when a payment moves after its
--    dossier's report row was built (the citizen pays days after submitting, which writes no history row), a trigger
--    recomputes that one column from the payment table, so the row never waits for the dossier's next history row.
-- 3. The weekly report's e-mail to the tenant's leaders: when it was sent, to how many, and the last failure.

CREATE TABLE tenant_nearly_late (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenant (code),
    -- Working minutes before the due time; null: back to one working day. From 1 working hour to 10 working days.
    working_minutes int CHECK (working_minutes IS NULL OR working_minutes BETWEEN 60 AND 4800),
    reason          text CHECK (length(reason) <= 300),
    set_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    set_by          text NOT NULL,
    set_by_name     text
);
CREATE INDEX tenant_nearly_late_current ON tenant_nearly_late (tenant_id, id DESC);
CREATE TRIGGER tenant_nearly_late_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON tenant_nearly_late
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
ALTER TABLE tenant_nearly_late ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_nearly_late FORCE ROW LEVEL SECURITY;
-- Read by every replica's scan and queue (not secret); written only in a transaction scoped to its tenant.
CREATE POLICY tenant_nearly_late_public ON tenant_nearly_late FOR SELECT USING (true);
CREATE POLICY tenant_nearly_late_own_tenant ON tenant_nearly_late FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));
GRANT SELECT, INSERT ON tenant_nearly_late TO ${appRole};

-- The payment's tenant is the competent office, the report row's the receiving desk: they may differ, so the trigger
-- runs as the owner, and touches only the one column it recomputes.
CREATE POLICY report_dossier_owner_payment ON report_dossier TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE FUNCTION report_paid_online() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
    UPDATE report_dossier r
       SET paid_online = r.has_fee AND EXISTS (SELECT 1 FROM payment p
                                                WHERE p.dossier_id = r.dossier_id AND p.method = 'gateway' AND p.state = 'paid'),
           refreshed_at = clock_timestamp()
     WHERE r.dossier_id = NEW.dossier_id;
    RETURN NULL;
END $$;
CREATE TRIGGER payment_report_paid_online AFTER INSERT OR UPDATE OF state ON payment
    FOR EACH ROW EXECUTE FUNCTION report_paid_online();

ALTER TABLE report_weekly
    ADD COLUMN sent_at    timestamptz,
    ADD COLUMN sent_to    int,
    ADD COLUMN send_error text CHECK (length(send_error) <= 500);
-- The weeks still to send: a few rows, read by every replica's weekly job.
CREATE INDEX report_weekly_unsent ON report_weekly (week_start) WHERE sent_at IS NULL;
GRANT UPDATE (sent_at, sent_to, send_error) ON report_weekly TO ${appRole};
