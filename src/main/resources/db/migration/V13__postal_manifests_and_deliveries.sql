-- Motcua schema, version 13: the post office's hand-over manifests (biên bản bàn giao hồ sơ) and its deliveries of
-- results (phát trả kết quả qua bưu chính). A post office sees its own through app.offices; the desk of the tenant
-- a manifest goes to, or whose result is delivered, sees them through app.tenants (as V3 does for dossiers).

CREATE TABLE postal_manifest (
    id                 uuid PRIMARY KEY,
    office             text NOT NULL REFERENCES postal_office (code),
    -- The competent (receiving) desk the batch goes to.
    tenant_id          text NOT NULL REFERENCES tenant (code),
    created_at         timestamptz NOT NULL,
    created_by         text NOT NULL,
    created_by_name    text,
    -- Made at the hand-over: the batch leaves the office with its printed manifest.
    handed_at          timestamptz NOT NULL,
    confirmed_at       timestamptz,
    confirmed_by       text,
    confirmed_by_name  text,
    note               text CHECK (length(note) <= 2000),
    confirm_note       text CHECK (length(confirm_note) <= 2000),
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
);
CREATE INDEX postal_manifest_office ON postal_manifest (office, created_at DESC, id);
CREATE INDEX postal_manifest_tenant ON postal_manifest (tenant_id, created_at DESC, id);

CREATE TABLE postal_manifest_item (
    manifest_id   uuid NOT NULL REFERENCES postal_manifest (id),
    dossier_id    uuid NOT NULL REFERENCES dossier (id),
    receipt_code  text NOT NULL,
    -- The manifest's office and tenant, copied so that the policies read one row.
    office        text NOT NULL REFERENCES postal_office (code),
    tenant_id     text NOT NULL REFERENCES tenant (code),
    -- Null until the desk confirms; then received (true) or noted missing (false).
    received      boolean,
    PRIMARY KEY (manifest_id, dossier_id)
);
-- A dossier is in at most one manifest that is open or that delivered it; one noted missing may go in a new one.
CREATE UNIQUE INDEX postal_manifest_item_once ON postal_manifest_item (dossier_id) WHERE received IS DISTINCT FROM false;

-- A result sent by post: its tracking number, then delivered or failed (with the reason). A failed one may be sent
-- again under a new tracking number; only one is on its way at a time.
CREATE TABLE postal_delivery (
    id             uuid PRIMARY KEY,
    dossier_id     uuid NOT NULL REFERENCES dossier (id),
    receipt_code   text NOT NULL,
    office         text NOT NULL REFERENCES postal_office (code),
    tenant_id      text NOT NULL REFERENCES tenant (code),
    tracking       text NOT NULL CHECK (tracking ~ '^[A-Z0-9]{8,20}$'),
    state          text NOT NULL CHECK (state IN ('sent', 'delivered', 'failed')),
    reason         text CHECK (length(reason) <= 500),
    sent_at        timestamptz NOT NULL,
    sent_by        text NOT NULL,
    sent_by_name   text,
    ended_at       timestamptz,
    ended_by       text,
    ended_by_name  text,
    CHECK ((state = 'failed') = (reason IS NOT NULL)),
    CHECK ((state = 'sent') = (ended_at IS NULL))
);
CREATE UNIQUE INDEX postal_delivery_on_its_way ON postal_delivery (dossier_id) WHERE state = 'sent';
CREATE INDEX postal_delivery_dossier ON postal_delivery (dossier_id, sent_at DESC);
CREATE INDEX postal_delivery_office ON postal_delivery (office, sent_at DESC, id);
CREATE INDEX postal_delivery_tenant ON postal_delivery (tenant_id, sent_at DESC, id);

ALTER TABLE postal_manifest ENABLE ROW LEVEL SECURITY;
ALTER TABLE postal_manifest FORCE ROW LEVEL SECURITY;
CREATE POLICY postal_manifest_scope ON postal_manifest
    USING (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE postal_manifest_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE postal_manifest_item FORCE ROW LEVEL SECURITY;
CREATE POLICY postal_manifest_item_scope ON postal_manifest_item
    USING (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]));

ALTER TABLE postal_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE postal_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY postal_delivery_scope ON postal_delivery
    USING (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]))
    WITH CHECK (office = ANY ((SELECT app_offices())::text[]) OR tenant_id = ANY ((SELECT app_tenants())::text[]));

GRANT SELECT, INSERT, UPDATE ON postal_manifest, postal_manifest_item, postal_delivery TO ${appRole};
