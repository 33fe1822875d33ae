-- Seeds :n dossiers over the generated 631-tenant tree for the dossier benchmark (src/bench/dossiers.sh): 85% at
-- wards, 13% at districts, 2% at the city, over the past year; one in ten still open, some of those late. Each has
-- four steps, its history (submit, and return when closed) and one outbox row. A bulk load, as pg_restore would do
-- it: run as the embedded server's superuser with triggers (foreign-key checks) off and without waiting for each
-- commit; the codes carry a 7-digit number that today's counters never reach, and dates before today.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set session_replication_role = replica;

create temp table bench_tenant as
select code, agency_code, level, row_number() over (partition by level order by code) - 1 as i,
       count(*) over (partition by level) as n
  from tenant where active;

create temp table bench_form as select '{"deceased": {"fullName": "Nguyễn Văn Cả", "citizenId": "001045001234", "birthDate": "1945-03-02", "sex": "nam"}, "deathDate": "2026-11-20", "deathPlace": "Bệnh viện Bạch Mai", "lastResidence": "12 Điện Biên Phủ, Ba Đình, Hà Nội", "applicantRelationship": "con", "contactPhone": "0912 345 678"}'::jsonb as form;

create temp table bench_dossier as
select g,
       gen_random_uuid() as id,
       t.code as tenant, t.agency_code, t.level,
       (current_date - 1 - (g % 365))::date as day,
       g % 10 = 0 as open
  from generate_series(1, :n) g
  join bench_tenant t
    on t.level = case when g % 100 < 85 then 'ward' when g % 100 < 98 then 'district' else 'city' end
   and t.i = (g / 100) % t.n;

insert into dossier (id, receipt_code, lookup_key, received_by, competent_tenant, tenant_id, tenants, procedure_code, procedure_version,
                     channel, status, submitted_by, submitted_by_name, applicant_actor, applicant_name, applicant_phone,
                     phone_key, relationship, return_channel, form, fee, processing_days, supplement_clock, submitted_at,
                     clock_start, due_at, current_step, step_code, outcome, closed_at)
select b.id,
       b.agency_code || '-' || to_char(b.day, 'YYMMDD') || '-' || lpad(b.g::text, 7, '0'),
       upper(regexp_replace(b.agency_code || to_char(b.day, 'YYMMDD') || lpad(b.g::text, 7, '0'), '[^0-9A-Za-z]', '', 'g')),
       b.tenant, b.tenant, b.tenant, array[b.tenant],
       case b.level when 'ward' then '1.000656' when 'district' then '1.001612' else '2.000505' end,
       case b.level when 'ward' then date '2020-07-16' when 'district' then date '2021-07-01' else date '2017-01-01' end,
       'online-full',
       case when not b.open then 'returned' when b.g % 7 = 0 then 'received' else 'in-progress' end,
       'citizens:bench-' || (b.g % 50000), 'Công dân ' || (b.g % 50000), 'citizens:bench-' || (b.g % 50000),
       'Công dân ' || (b.g % 50000), '0912 ' || lpad((b.g % 1000000)::text, 6, '0'), '912' || lpad((b.g % 1000000)::text, 6, '0'),
       'self', 'counter', f.form, 0, 3, 'pause',
       b.day + time '08:00', b.day + time '08:00',
       case when b.open then now() + ((b.g / 10) % 240 - 40) * interval '1 hour' else b.day + 3 + time '17:00' end,
       case when b.open then 2 else null end,
       case when b.open then 'process' else null end,
       case when b.open then null else 'approved' end,
       case when b.open then null else b.day + 2 + time '10:00' end
  from bench_dossier b cross join bench_form f;

insert into dossier_step (dossier_id, seq, code, role, share, tenant_id, due_at, started_at, ended_at)
select b.id, s.seq, s.code, s.role, s.share, b.tenant, b.day + s.seq * interval '18 hours',
       case when b.open and s.seq > 2 then null else b.day + time '08:00' end,
       case when b.open and s.seq > 1 then null else b.day + time '09:00' end
  from bench_dossier b
  cross join (values (1, 'receive', 'receiver', 0.1), (2, 'process', 'processor', 0.5),
                     (3, 'approve', 'approver', 0.3), (4, 'return', 'receiver', 0.1)) as s(seq, code, role, share);

insert into dossier_event (dossier_id, tenant_id, occurred_at, actor, action, from_status, to_status)
select b.id, b.tenant, b.day + time '08:00', 'citizens:bench', 'submit', null, 'submitted' from bench_dossier b
union all
select b.id, b.tenant, b.day + 2 + time '10:00', 'staff:bench', 'return', 'result-ready', 'returned'
  from bench_dossier b where not b.open;

-- Sent long ago, as a year's notices would be: a backlog of a million pending notices would keep the relay busy for
-- the whole run (V15's status; sent_at alone no longer marks a notice sent).
insert into outbox (dossier_id, tenant_id, kind, payload, sent_at, status, channel)
select b.id, b.tenant, 'receipt', '{}'::jsonb, b.day + time '08:01', 'sent', 'email' from bench_dossier b;

select count(*) as dossiers, count(*) filter (where closed_at is null) as open from dossier;
