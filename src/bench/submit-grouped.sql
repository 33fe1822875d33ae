-- Submissions as the service's group writer (SubmissionWriter) writes them, in SQL alone (pgbench -f, as the
-- application role): 16 online submissions to random wards in ONE transaction, one multi-row statement per table,
-- instead of one transaction of five statements per submission (submit-transaction.sql). Each pgbench transaction is 16
-- submissions: multiply its tps by 16. Counters are taken in tenant order, so that two groups never deadlock.
-- Re-run by hand against the benchmark's database (see docs/benchmarks.md):
--   pgbench -M prepared -n -c 4 -j 2 -T 20 -f src/bench/submit-grouped.sql
\set n 16
BEGIN;
create temp table if not exists b (i int, id uuid, tenant text) on commit delete rows;
insert into b select g, gen_random_uuid(), 'd' || lpad((1 + (random()*29)::int)::text, 2, '0') || '-w' || lpad((1 + (random()*19)::int)::text, 2, '0') from generate_series(1, :n) g;
select set_config('app.tenants', (select string_agg(distinct tenant, ',') from b), true),
       set_config('app.actor', ('citizens' || chr(58) || 'bench'), true);
with c as (
  insert into receipt_counter as c (tenant_id, day, last_value)
  select tenant, current_date, count(*) from b group by tenant order by tenant
  on conflict (tenant_id, day) do update set last_value = c.last_value + excluded.last_value
  returning tenant_id, last_value
), numbered as (
  select b.id, b.tenant, t.agency_code, c.last_value - row_number() over (partition by b.tenant order by b.i desc) + 1 as seq
    from b join c on c.tenant_id = b.tenant join tenant t on t.code = b.tenant
), code as (select id, tenant, agency_code || '-' || to_char(current_date, 'YYMMDD') || '-' || lpad(seq::text, 4, '0') as v from numbered)
insert into dossier (id, receipt_code, lookup_key, received_by, competent_tenant, tenant_id, tenants, procedure_code, procedure_version,
    channel, status, submitted_by, submitted_by_name, applicant_actor, applicant_name, applicant_id, applicant_phone,
    phone_key, relationship, return_channel, form, fee, processing_days, supplement_clock, submitted_at, clock_start,
    due_at, current_step, idempotency_key, request_hash, step_code)
select code.id, code.v, upper(regexp_replace(code.v, '[^0-9A-Za-z]', '', 'g')), code.tenant, code.tenant, code.tenant,
       array[code.tenant], '1.000656', date '2020-07-16', 'online-full', 'submitted', ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An',
       ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An', null, '0912 345 678', '912345678', 'self', 'counter',
       '{"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"}, "deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội", "applicantRelationship": "con", "contactPhone": "0912 345 678"}',
       0, 0.5, 'pause', now(), now(), now() + interval '4 hours', 1, gen_random_uuid()::text, md5(random()::text), 'receive'
  from code;
insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, holder_actor, holder_name, due_at, started_at, ended_at)
select b.id, s.seq, s.code, s.role, s.share, b.tenant, null, null, now() + s.due, case when s.seq = 1 then now() end, null
  from b, (values (1, 'receive', 'receiver', 0.1, interval '24 minutes'), (2, 'process', 'processor', 0.5, interval '144 minutes'),
       (3, 'approve', 'approver', 0.3, interval '216 minutes'), (4, 'return', 'receiver', 0.1, interval '240 minutes')) s(seq, code, role, share, due);
insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, actor_name, action, from_status, to_status, reason, detail)
select id, tenant, now(), ('citizens' || chr(58) || 'bench'), 'Nguyễn Văn An', 'submit', null, 'submitted', null, '{"channel": "online-full"}' from b;
-- The receipt of a citizen who hears in the portal only (no contact chosen, no SMS provider: the benchmark's case) is
-- born sent, with its notice, in the same statement (DossierRepository.INSERT_OUTBOX).
with o as (
  insert into outbox (dossier_id, tenant_id, kind, recipient, payload, status, channel, attempts, sent_at)
  select b.id, b.tenant, 'receipt', '0912 345 678', jsonb_build_object('dueAt', now() + interval '4 hours') || '{"channel": "online-full"}'::jsonb,
         'sent', 'in-app', 1, clock_timestamp() from b
  returning id, dossier_id, tenant_id, kind, status, payload
)
insert into dossier_notice (outbox_id, dossier_id, tenant_id, kind, reason, due_at)
select id, dossier_id, tenant_id, kind, left(payload ->> 'reason', 2000), (payload ->> 'dueAt')::timestamptz from o where status = 'sent';
COMMIT;
