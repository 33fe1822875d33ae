#!/usr/bin/env bash
# Benchmark of issue 19 (reports): the service index's report at 1 million dossiers. Seeds the generated 631-tenant
# tree with src/bench/seed-dossiers.sql (BENCH_DOSSIERS, default 1,000,000), lets the service's own refresh job build
# the report rows from the history (timed: dossiers per second), then measures the report's main query (the figures
# of every unit of a subtree over a period, report_dossier through its indexes, under row-level security, as the
# service runs it) with pgbench from the application role, each transaction logged to get its p99. The ceiling is
# the same pgbench reading one report row by its primary key: the ratio says how far the aggregate is from the
# cheapest read of the same table on this machine at that moment. Run it with ./motcua bench reports (it builds
# first). Prints a Markdown report; docs/benchmarks.md keeps the last one.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-20}
CLIENTS=${BENCH_CLIENTS:-4}
DOSSIERS=${BENCH_DOSSIERS:-1000000}
ROUNDS=${BENCH_ROUNDS:-3}
POOL=${MOTCUA_DB_POOL_SIZE:-20}
PORT=${BENCH_PORT:-18091}
MGMT_PORT=$((PORT + 1))
WORK=target/bench-reports
export MOTCUA_EMBEDDED_DB_CONFIG=${MOTCUA_EMBEDDED_DB_CONFIG:-shared_buffers=2GB,max_wal_size=4GB}
# The refresh reads what the seed wrote as soon as it can: no lag, large batches, every second.
export MOTCUA_REPORTS_REFRESH_EVERY=1S MOTCUA_REPORTS_REFRESH_LAG=0S MOTCUA_REPORTS_REFRESH_BATCH=${BENCH_REFRESH_BATCH:-20000}
source src/bench/common.sh

for tool in psql pgbench curl; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install postgresql-client curl" >&2; exit 1; }
done
# BENCH_REUSE=1 keeps the database of the previous run (seeded, its report rows built or partly built): the refresh
# then reads only what is left, and its time is not a figure of the run.
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$WORK/seeded" ]; then REUSE=1; else REUSE=0; rm -rf "$WORK"; mkdir -p "$WORK"; fi
[ $REUSE = 1 ] || java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar generate-tenants "$WORK/tenants" 30 20 >/dev/null

start_services
database_env
# The seed first, the service after: its refresh job then starts from an empty watermark and reads all of it.
if [ $REUSE = 0 ]; then
  MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" start_app
  kill $APP; wait $APP 2>/dev/null || true
  T0=$(date +%s)
  as_super psql -q -v n="$DOSSIERS" -f src/bench/seed-dossiers.sql > "$WORK/seed.out"
  as_owner psql -q -c "analyze dossier, dossier_step, dossier_event" >/dev/null
  echo $(( $(date +%s) - T0 )) > "$WORK/seeded"
fi
SEED_S=$(cat "$WORK/seeded")

LAST=$(as_owner psql -At -c "select max(id) from dossier_event")
T0=$(date +%s)
MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" start_app
until [ "$(as_owner psql -At -c "select last_event from report_refresh")" = "$LAST" ]; do
  kill -0 $APP 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 1
done
REFRESH_S=$(( $(date +%s) - T0 ))
as_owner psql -q -c "analyze report_dossier, report_step" >/dev/null
ROWS=$(as_owner psql -At -c "select count(*) from report_dossier")

# The report's query for a subtree (tenant and group arrays as Reports builds them) over a period, in a scoped
# transaction as ScopedTransactions opens it.
query_file() { # name root-code from to
  local codes groups
  codes=$(as_owner psql -At -c "with recursive t as (select code, code as grp, 0 as d from tenant where code = '$2'
      union all select c.code, case when t.d = 0 then c.code else t.grp end, t.d + 1 from tenant c join t on c.parent_code = t.code)
      select string_agg(code, ',' order by code) || ' ' || string_agg(grp, ',' order by code) from t")
  cat > "$WORK/$1.sql" <<SQL
begin;
select set_config('app.tenants', '${codes%% *}', true);
$(sed -n '/with g as/,/grouping sets/p' src/main/java/vn/motcua/report/store/ReportRows.java | sed 's/^ *//; s/""")$//' \
  | sed "s/\$1::text\[\]/string_to_array('${codes%% *}', ',')/; s/\$2::text\[\]/string_to_array('${codes##* }', ',')/; s/\$3/date '$3'/g; s/\$4/date '$4'/g");
commit;
SQL
}
ROOT=$(as_owner psql -At -c "select code from tenant where parent_code is null")
query_file ward d07-w12 "$(date -d '-1 year' +%F)" "$(date +%F)"
query_file district d07 "$(date -d '-3 months' +%F)" "$(date +%F)"
query_file city "$ROOT" "$(date -d '-1 year' +%F)" "$(date +%F)"
ONE_ID=$(as_owner psql -At -c "select dossier_id, tenant_id from report_dossier limit 1")
cat > "$WORK/ceiling.sql" <<SQL
begin;
select set_config('app.tenants', '${ONE_ID##*|}', true);
select * from report_dossier where dossier_id = '${ONE_ID%%|*}';
commit;
SQL

pgb() { # clients file -> "tps p50-ms p99-ms" from pgbench's per-transaction log
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && as_app pgbench -M prepared -n -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$DURATION" -l -f "$2.sql") 2> "$WORK/pgbench.err" \
    > "$WORK/pgbench.out" || { cat "$WORK/pgbench.err" >&2; exit 1; }
  echo "$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out") $(cat "$WORK"/pgbench_log.* | awk '{print $3 / 1000}' | sort -g \
    | awk '{a[NR] = $1} END {printf "%.1f %.1f", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1]}')"
}

CEIL=(); WARD=(); DIST=(); CITY=()
for _ in $(seq 1 "$ROUNDS"); do
  CEIL+=("$(pgb "$CLIENTS" ceiling)")
  WARD+=("$(pgb "$CLIENTS" ward)")
  DIST+=("$(pgb "$CLIENTS" district)")
  CITY+=("$(pgb 1 city)")
done
C_TPS=$(median_field 1 "${CEIL[@]}")
row() { # label values...
  local label=$1; shift
  local tps; tps=$(median_field 1 "$@")
  echo "| $label | $tps | $(median_field 2 "$@") | **$(median_field 3 "$@")** | $(ratio "$tps" "$C_TPS") |"
}
cat <<MD
### Reports, $(date +%F) on $(nproc) cores, $(java -version 2>&1 | head -1)

\`BENCH_DOSSIERS=$DOSSIERS ./motcua bench reports\`: seeded in ${SEED_S} s; $(if [ $REUSE = 0 ]; then
  echo "the refresh job built $ROWS report rows from the history in ${REFRESH_S} s ($(( ROWS / (REFRESH_S > 0 ? REFRESH_S : 1) )) dossiers/s)."
else echo "reused (BENCH_REUSE=1): the refresh read what was left of the history in ${REFRESH_S} s; $ROWS report rows."; fi) pgbench from the application role (row-level
security on), ${DURATION} s a measurement, $ROUNDS rounds, median shown; latencies in ms from pgbench's per-transaction log.

| what | per second | p50 | p99 | ratio to ceiling |
| --- | ---: | ---: | ---: | ---: |
$(row "ceiling: one report row by its key, $CLIENTS clients" "${CEIL[@]}")
$(row "a ward's report for a year (d07-w12), $CLIENTS clients" "${WARD[@]}")
$(row "a district's report for a quarter (d07 and its wards, one row per ward), $CLIENTS clients" "${DIST[@]}")
$(row "the city's report for a year (631 tenants, one row per district), 1 client" "${CITY[@]}")
MD
