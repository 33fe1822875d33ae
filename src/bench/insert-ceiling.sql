-- The ceiling: one durable single-row insert per transaction (pgbench -f, run as the application role).
insert into bench_insert (payload) values ('0123456789012345678901234567890123456789012345678901234567890123');
