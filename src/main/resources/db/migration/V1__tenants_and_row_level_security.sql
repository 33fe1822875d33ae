-- Motcua schema, version 1: the tenant tree (public reference data) and the first tenant-owned table, with
-- row-level security from the start. Run by Flyway as the owner role; the service connects as ${appRole}, which
-- owns nothing and is neither superuser nor BYPASSRLS, so every policy below applies to it.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        RAISE EXCEPTION 'the application role ${appRole} does not exist: create it first (see README, external PostgreSQL)';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}' AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'the application role ${appRole} must not be superuser nor bypass row-level security';
    END IF;
    IF current_user = '${appRole}' THEN
        RAISE EXCEPTION 'migrations must run as the owner role, not as the application role ${appRole}';
    END IF;
END $$;

-- The tenant set a transaction may see: set by the service as the first statement of every transaction with
-- set_config('app.tenants', 'code1,code2', true). Unset or empty means no tenant at all.
CREATE FUNCTION app_tenants() RETURNS text[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT string_to_array(nullif(current_setting('app.tenants', true), ''), ',') $$;

-- Levels of a tree that is no longer in the files stay, inactive, for the tenants that keep them.
CREATE TABLE tenant_level (
    code     text PRIMARY KEY,
    depth    int  NOT NULL,
    name_vi  text NOT NULL,
    name_en  text NOT NULL,
    active   boolean NOT NULL DEFAULT true
);

CREATE TABLE postal_office (
    code       text PRIMARY KEY,
    name_vi    text NOT NULL,
    name_en    text NOT NULL,
    address    text NOT NULL,
    phone      text,
    position   int  NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Tenants are never deleted: a tenant that leaves the files is marked inactive, so that its dossiers and receipt
-- codes stay valid after a merger or a re-parenting.
CREATE TABLE tenant (
    code           text PRIMARY KEY,
    parent_code    text REFERENCES tenant (code),
    level          text NOT NULL,
    depth          int  NOT NULL,
    name_vi        text NOT NULL,
    name_en        text NOT NULL,
    agency_code    text NOT NULL,
    address        text NOT NULL,
    phone          text,
    email          text,
    desk_hours     jsonb NOT NULL,
    own_desk_hours boolean NOT NULL,
    postal_offices text[] NOT NULL DEFAULT '{}',
    position       int  NOT NULL,
    source         text NOT NULL,
    active         boolean NOT NULL DEFAULT true,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenant_agency_code_active ON tenant (agency_code) WHERE active;
CREATE INDEX tenant_parent ON tenant (parent_code);

-- The digest of the tree last written, so that replicas restarting on unchanged files skip the upsert.
CREATE TABLE tenant_sync (
    id        int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    digest    text NOT NULL,
    synced_at timestamptz NOT NULL DEFAULT now()
);

-- Who did what in which tenant (nhật ký). Append-only for the service: it may insert and read, never change.
CREATE TABLE audit_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text NOT NULL REFERENCES tenant (code),
    occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_realm   text NOT NULL,
    actor_subject text NOT NULL,
    actor_name    text,
    action        text NOT NULL,
    target        text,
    remote_addr   text,
    detail        jsonb
);
CREATE INDEX audit_event_tenant_time ON audit_event (tenant_id, occurred_at DESC, id DESC);

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_tenant_scope ON audit_event
    USING (tenant_id = ANY (app_tenants()))
    WITH CHECK (tenant_id = ANY (app_tenants()));

-- Cluster membership for JGroups JDBC_PING2 discovery (the cache's replicas find each other here). The shape is
-- JDBC_PING2's default; it is created here because the application role may not create tables.
CREATE TABLE jgroups (
    address      varchar(200) NOT NULL,
    name         varchar(200),
    cluster      varchar(200) NOT NULL,
    ip           varchar(200) NOT NULL,
    coord        boolean,
    PRIMARY KEY (address)
);

GRANT SELECT, INSERT, UPDATE ON tenant_level, postal_office, tenant, tenant_sync TO ${appRole};
GRANT SELECT, INSERT ON audit_event TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON jgroups TO ${appRole};
GRANT EXECUTE ON FUNCTION app_tenants() TO ${appRole};
