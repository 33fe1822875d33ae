-- Motcua schema, version 16: payments of a dossier's fee (lệ phí), kept apart from the dossier's own status (issue 19).
--
-- A payment is one attempt to pay one dossier's fee: online through the gateway (VNPAY), or at the counter (cash or
-- card terminal) recorded by an officer. Its state machine (pending → paid → refund_requested → refunded; failed;
-- expired) is its own; the dossier's status never reads it. Every change is a row of payment_event, never rewritten.
-- The tenant is the competent office that charges the fee; every row carries it and row-level security scopes it.
CREATE TABLE payment (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenant (code),
    dossier_id     uuid NOT NULL REFERENCES dossier (id),
    receipt_code   text NOT NULL,
    -- What the gateway knows the payment by (vnp_TxnRef): letters and digits, unique for ever.
    txn_ref        text NOT NULL UNIQUE CHECK (txn_ref ~ '^[A-Za-z0-9]{1,40}$'),
    method         text NOT NULL CHECK (method IN ('gateway', 'cash', 'pos')),
    channel        text NOT NULL,
    amount         bigint NOT NULL CHECK (amount >= 0 AND amount <= 1000000000),
    state          text NOT NULL CHECK (state IN ('pending', 'paid', 'failed', 'expired', 'refund_requested', 'refunded')),
    -- The gateway's own facts once it answered (vnp_TransactionNo, vnp_BankCode, vnp_PayDate as it sent it).
    gateway_txn_no text CHECK (length(gateway_txn_no) <= 40),
    bank_code      text CHECK (length(bank_code) <= 40),
    gateway_date   text CHECK (length(gateway_date) <= 14),
    -- The electronic receipt (biên lai điện tử), numbered per tenant and year when the payment is made.
    e_receipt_no   text,
    paid_at        timestamptz,
    created_by     text NOT NULL,
    taken_by       text,
    taken_name     text CHECK (length(taken_name) <= 200),
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    expires_at     timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (tenant_id, e_receipt_no)
);
CREATE INDEX payment_dossier ON payment (dossier_id, created_at DESC);
CREATE INDEX payment_open ON payment (state, created_at) WHERE state IN ('pending', 'paid', 'refund_requested');

-- The history of each payment: who or what (the gateway's callback, a reconciliation, an officer) moved it, from
-- which state to which, with the gateway's answer. Callbacks refused for a bad signature have no payment to hang on
-- and are logged, not stored.
CREATE TABLE payment_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id  uuid NOT NULL REFERENCES payment (id),
    tenant_id   text NOT NULL REFERENCES tenant (code),
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    source      text NOT NULL CHECK (source IN ('start', 'ipn', 'querydr', 'counter', 'refund', 'expiry')),
    from_state  text,
    to_state    text NOT NULL,
    actor       text NOT NULL,
    actor_name  text,
    detail      jsonb
);
CREATE INDEX payment_event_payment ON payment_event (payment_id, id);

-- The last electronic receipt number of a tenant in a year. Incremented in the transaction that marks a payment
-- paid, so the row lock serializes the tenant's receipts across replicas and a rolled-back payment gives its number
-- back: gap-free, never twice (the receipt codes' pattern, V2).
CREATE TABLE e_receipt_counter (
    tenant_id  text NOT NULL REFERENCES tenant (code),
    year       int  NOT NULL,
    last_value int  NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_tenant_scope ON payment
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE payment_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_event FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_event_tenant_scope ON payment_event
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));
CREATE TRIGGER payment_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON payment_event
    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();

ALTER TABLE e_receipt_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE e_receipt_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY e_receipt_counter_tenant_scope ON e_receipt_counter
    USING (tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (tenant_id = ANY ((SELECT app_tenants())::text[]));

-- The gateway's callback comes with no tenant: this function, run as the owner, tells which tenant a transaction
-- reference belongs to and nothing else, so the callback's own transaction can be scoped to that tenant alone.
CREATE POLICY payment_owner_lookup ON payment FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION payment_tenant(p_txn_ref text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$ SELECT tenant_id FROM payment WHERE txn_ref = p_txn_ref $$;
REVOKE ALL ON FUNCTION payment_tenant(text) FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE ON payment, e_receipt_counter TO ${appRole};
GRANT SELECT, INSERT ON payment_event TO ${appRole};
GRANT EXECUTE ON FUNCTION payment_tenant(text) TO ${appRole};
