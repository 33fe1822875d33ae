-- The service's submission transaction in SQL alone (pgbench -f, as the application role): the same statements
-- DossierRepository sends — scope, numbered dossier, four steps, the history row, the outbox row and its notice — to a random
-- ward of the generated tree. The dossier's id travels in a transaction-local setting, as pgbench has no
-- variables of that type; a colon inside a literal is written chr(58), as pgbench would take it for a variable. Compared with insert-ceiling.sql, it shows what the data design costs; the HTTP
-- figure adds sign-in, validation and JSON on top.
\set d random(1, 30)
\set w random(1, 20)
BEGIN;
select set_config('app.tenants', 'd' || lpad(cast(:d as text), 2, '0') || '-w' || lpad(cast(:w as text), 2, '0'), true),
       set_config('app.actor', ('citizens' || chr(58) || 'bench'), true),
       set_config('bench.id', gen_random_uuid()::text, true);
with t as (
    select code, agency_code from tenant where code = 'd' || lpad(cast(:d as text), 2, '0') || '-w' || lpad(cast(:w as text), 2, '0')
), n as (
    insert into receipt_counter as c (tenant_id, day, last_value) select code, current_date, 1 from t
    on conflict (tenant_id, day) do update set last_value = c.last_value + 1
    returning last_value
), code as (
    select t.code as tenant, t.agency_code || '-' || to_char(current_date, 'YYMMDD') || '-' || lpad(n.last_value::text, 4, '0') as v
      from t, n
)
insert into dossier (id, receipt_code, lookup_key, received_by, competent_tenant, tenant_id, tenants, procedure_code, procedure_version,
    channel, status, submitted_by, submitted_by_name, applicant_actor, applicant_name, applicant_id, applicant_phone,
    phone_key, relationship, return_channel, form, fee, processing_days, supplement_clock, submitted_at, clock_start,
    due_at, current_step, idempotency_key, request_hash, step_code)
select current_setting('bench.id')::uuid, code.v, upper(regexp_replace(code.v, '[^0-9A-Za-z]', '', 'g')), code.tenant, code.tenant, code.tenant,
       array[code.tenant], '1.000656', date '2020-07-16', 'online-full', 'submitted', ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An',
       ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An', null, '0912 345 678', '912345678', 'self', 'counter',
       '{"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"}, "deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội", "applicantRelationship": "con", "contactPhone": "0912 345 678"}',
       0, 0.5, 'pause', now(), now(), now() + interval '4 hours', 1, gen_random_uuid()::text, md5(random()::text), 'receive'
  from code;
insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, holder_actor, holder_name, due_at, started_at, ended_at)
values (current_setting('bench.id')::uuid, 1, 'receive', 'receiver', 0.1, current_setting('app.tenants'), null, null, now() + interval '24 minutes', now(), null),
       (current_setting('bench.id')::uuid, 2, 'process', 'processor', 0.5, current_setting('app.tenants'), null, null, now() + interval '144 minutes', null, null),
       (current_setting('bench.id')::uuid, 3, 'approve', 'approver', 0.3, current_setting('app.tenants'), null, null, now() + interval '216 minutes', null, null),
       (current_setting('bench.id')::uuid, 4, 'return', 'receiver', 0.1, current_setting('app.tenants'), null, null, now() + interval '240 minutes', null, null);
insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, actor_name, action, from_status, to_status, reason, detail)
values (current_setting('bench.id')::uuid, current_setting('app.tenants'), now(), ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An', 'submit', null, 'submitted', null, '{"channel": "online-full"}');
with o as (
  insert into outbox (dossier_id, tenant_id, kind, recipient, payload, status, channel, attempts, sent_at)
  select id, current_setting('app.tenants'), 'receipt', applicant_phone,
         jsonb_build_object('receiptCode', receipt_code, 'status', status, 'dueAt', due_at) || '{"channel": "online-full"}'::jsonb,
         'sent', 'in-app', 1, clock_timestamp()
    from dossier where id = current_setting('bench.id')::uuid
  returning id, dossier_id, tenant_id, kind, status, payload
)
insert into dossier_notice (outbox_id, dossier_id, tenant_id, kind, reason, due_at)
select id, dossier_id, tenant_id, kind, left(payload ->> 'reason', 2000), (payload ->> 'dueAt')::timestamptz from o where status = 'sent';
COMMIT;
