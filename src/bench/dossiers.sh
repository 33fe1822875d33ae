#!/usr/bin/env bash
# Benchmark of issue 4: dossier submissions against the machine's ceiling for a single-row durable insert, and the
# officers' queue, with 1 million dossiers across the 631-tenant tree. Run it with ./motcua bench dossiers (it builds
# first). Prints a Markdown report; docs/benchmarks.md keeps the last one.
#
# The ceiling is pgbench (prepared statements, as the service uses) inserting one row per transaction into a plain
# table of the same database, with as many clients as the service has connections, measured in the same run,
# alternately with the submissions: the ratio is against what this machine's PostgreSQL can commit at that moment.
# The submission's own SQL (submit-transaction.sql) is measured the same way, to separate the data design's cost
# from sign-in, validation and JSON; the same submissions refused at validation measure the service's own part
# without the database. Load for the service comes from wrk (a second process) with a real citizen token from the
# embedded Keycloak.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
QUEUE_CONNECTIONS=${BENCH_QUEUE_CONNECTIONS:-8}
DOSSIERS=${BENCH_DOSSIERS:-1000000}
ROUNDS=${BENCH_ROUNDS:-3}
POOL=${MOTCUA_DB_POOL_SIZE:-20}
PORT=${BENCH_PORT:-18081}
MGMT_PORT=$((PORT + 1))  # health and metrics (the management interface)
WORK=target/bench-dossiers
# PostgreSQL sized as on a server of this machine's class rather than a laptop's defaults (128 MB of buffers for a
# database of about 4 GB); the ceiling runs on the same server, so the ratio compares like with like.
export MOTCUA_EMBEDDED_DB_CONFIG=${MOTCUA_EMBEDDED_DB_CONFIG:-shared_buffers=2GB,max_wal_size=4GB}
# BENCH_STATEMENTS=1 loads pg_stat_statements and writes, after each round's submissions through the API, what
# PostgreSQL ran for them ($WORK/statements-<round>.txt): each statement's calls and time per submission, and the
# commits per submission. The service's own background work (the outbox relay, the report's refresh) is in it. Planning
# is counted apart (track_planning): a statement planned on every call instead of once per connection shows there.
if [ "${BENCH_STATEMENTS:-0}" = 1 ]; then
  MOTCUA_EMBEDDED_DB_CONFIG="$MOTCUA_EMBEDDED_DB_CONFIG,shared_preload_libraries=pg_stat_statements,pg_stat_statements.track_planning=on"
fi
source src/bench/common.sh

for tool in wrk psql pgbench curl; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install wrk postgresql-client curl" >&2; exit 1; }
done
# BENCH_REUSE=1 keeps the database of the previous run (seeded already) and measures again.
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$WORK/seeded" ]; then REUSE=1; else REUSE=0; rm -rf "$WORK"; mkdir -p "$WORK"; fi
[ $REUSE = 1 ] || java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar generate-tenants "$WORK/tenants" 30 20 >/dev/null

start_services

# The notices go somewhere real: a local SMTP server that accepts and discards (Python's smtpd, in Debian 12's Python
# 3.11). Without one the service would retry every e-mail against a closed port for minutes, and the rounds would never
# be measured after the run's own notices had been sent. Where Python has no smtpd (3.12+), e-mail is off and a
# citizen's e-mail choice falls to the in-app channel, as the service does when its SMTP server is not configured.
SMTP_PORT=$((PORT + 7))
if python3 -c 'import smtpd' 2>/dev/null; then
  python3 -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" > /dev/null 2>&1 &
  SMTP=$!
  trap 'kill $APP 2>/dev/null || true; kill $SERVICES 2>/dev/null || true; kill $SMTP 2>/dev/null || true; wait 2>/dev/null || true' EXIT
  export MOTCUA_SMTP_HOST=127.0.0.1 MOTCUA_SMTP_PORT=$SMTP_PORT MOTCUA_SMTP_STARTTLS=DISABLED
  MAIL="e-mails to a local SMTP server that discards them (Python's smtpd)"
else
  export MOTCUA_MAIL_ENABLED=false
  MAIL="e-mail off (no local SMTP server: Python's smtpd is missing), notices in-app"
fi

MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" start_app
# psql and pgbench as the application role (row-level security applies), the owner, or the superuser for the bulk load.
database_env

T0=$(date +%s)
[ "${BENCH_STATEMENTS:-0}" = 1 ] && as_super psql -q -c "create extension if not exists pg_stat_statements" >/dev/null
if [ $REUSE = 0 ]; then
  as_super psql -q -v n="$DOSSIERS" -f src/bench/seed-dossiers.sql > "$WORK/seed.out"
  as_owner psql -q -c "analyze dossier, dossier_step, dossier_event, outbox, receipt_counter" >/dev/null
  echo $(( $(date +%s) - T0 )) > "$WORK/seeded"
fi
SEED_S=$(cat "$WORK/seeded")
# The report rows are as up to date as the history, as on a system that has run all year: the refresh job reads only
# what the run itself writes (its cost to build a year's rows at once is measured by ./motcua bench reports).
as_owner psql -q -c "update report_refresh set last_event = (select coalesce(max(id), 0) from dossier_event)" >/dev/null
as_owner psql -q -c "create table if not exists bench_insert (id bigint generated always as identity primary key,
  payload text not null, created_at timestamptz not null default now()); grant insert on bench_insert to $MOTCUA_DB_USER;" >/dev/null
SETTINGS=$(as_app psql -At -c "select 'synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync')
  || ', wal_sync_method=' || current_setting('wal_sync_method') || ', shared_buffers=' || current_setting('shared_buffers')
  || ', max_wal_size=' || current_setting('max_wal_size') || ', PostgreSQL ' || current_setting('server_version')")
COUNTS=$(as_app psql -At -c "select set_config('app.tenants', (select string_agg(code, ',') from tenant), false) is not null;
  select count(*) || ' dossiers (' || count(*) filter (where closed_at is null) || ' open), '
      || (select count(*) from dossier_step) || ' steps, ' || (select count(*) from dossier_event) || ' history rows' from dossier;
  select count(*) from dossier where tenant_id = 'd07-w12' and closed_at is null;
  select count(*) from dossier where tenant_id = 'd07' and closed_at is null;" | tail -3)
SUMMARY=$(echo "$COUNTS" | sed -n 1p); WARD_OPEN=$(echo "$COUNTS" | sed -n 2p); DISTRICT_OPEN=$(echo "$COUNTS" | sed -n 3p)

token() { # realm user
  curl -fs -m 30 -d grant_type=password -d client_id=motcua-cli -d username="$2" -d password='Motcua@2026' \
    "$MOTCUA_OIDC_URL/realms/$1/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
# Access tokens live 5 minutes: each measurement signs in afresh.

wrk_figures() { # file -> "rps p50 p99"
  echo "$(awk '/Requests\/sec/ {print $2}' "$1") $(awk '$1=="50%" {print $2}' "$1") $(awk '$1=="99%" {print $2}' "$1")"
}
wrk_stats() { # file -> "rps p50 p99", failing the run on any answer other than 2xx
  if grep -q "Non-2xx" "$1"; then echo "non-2xx answers" >&2; cat "$1" >&2; exit 1; fi
  wrk_figures "$1"
}
pgb() { # clients script -> "tps mean-latency -"
  as_app pgbench -M prepared -n -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$DURATION" -f "$2" 2> "$WORK/pgbench.err" > "$WORK/pgbench.out" \
    || { cat "$WORK/pgbench.err" >&2; exit 1; }
  echo "$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.out") $(awk '/latency average/ {print $4 "ms"}' "$WORK/pgbench.out") -"
}
ceiling() { pgb "$POOL" src/bench/insert-ceiling.sql; }
grouped() { # submit-grouped.sql writes 16 submissions per pgbench transaction: report submissions per second
  local r before; before=$(cpu_snapshot); r=$(pgb 4 src/bench/submit-grouped.sql)
  cpu_per "$before" "$(cpu_snapshot)" "$(awk '/number of transactions actually processed/ {split($NF, t, "/"); print t[1] * 16}' "$WORK/pgbench.out")" \
    >> "$WORK/cpu.grouped"
  echo "$(awk -v t="${r%% *}" 'BEGIN {printf "%.1f", t * 16}') $(echo "$r" | cut -d' ' -f2-)"
}
statements_reset() {
  [ "${BENCH_STATEMENTS:-0}" = 1 ] || return 0
  as_super psql -qAt -c "select pg_stat_statements_reset()" >/dev/null
  as_super psql -qAt -c "select xact_commit from pg_stat_database where datname = current_database()" > "$WORK/commits.before"
}
statements_report() { # file: PostgreSQL's work during the submissions just measured, per submission
  [ "${BENCH_STATEMENTS:-0}" = 1 ] || return 0
  local n; n=$(awk '/requests in/ {print $1}' "$WORK/submit.out")
  { echo "submissions: $n; commits per submission: $(as_super psql -qAt -c "select round((xact_commit - $(cat "$WORK/commits.before"))::numeric / $n, 2)
      from pg_stat_database where datname = current_database()")"
    echo "calls/sub  ms/sub  mean-ms  plans/sub  plan-ms/sub  statement"
    as_super psql -qAt -F '  ' -c "select round(calls::numeric / $n, 2), round((total_exec_time / $n)::numeric, 3), round(mean_exec_time::numeric, 3),
        round(plans::numeric / $n, 2), round((total_plan_time / $n)::numeric, 3),
        left(regexp_replace(query, '\s+', ' ', 'g'), 140) from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
        order by total_exec_time desc limit 25"; } > "$1"
}
cpu_snapshot() { # "busy service postgres smtp steal idle": CPU time so far in clock ticks, of the machine (every core,
  # without the time the host stole), of each part, the time stolen (on a virtual machine the host may run others on our
  # cores, and a measurement it disturbed shows it here instead of in "the rest"), and the time no one used (idle and
  # waiting for the disk: what a measurement left of the cores, waiting on commits or on its clients).
  # PostgreSQL's ended backends (pgbench's connections) are in its postmaster's children's times.
  echo "$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat) $(awk '{print $14 + $15}' "/proc/$APP/stat") \
$(cat /proc/[0-9]*/stat 2>/dev/null | awk '$2 == "(postgres)" {s += $14 + $15 + $16 + $17} END {print s + 0}') \
$( [ -n "${SMTP:-}" ] && awk '{print $14 + $15}' "/proc/$SMTP/stat" || echo 0) $(awk '/^cpu / {print $9, $5 + $6}' /proc/stat)"
}
cpu_per() { # before after count -> "service postgres smtp rest steal idle" in ms of CPU per item (rest: the load generator,
  # the kernel's own; steal: the host's; idle: unused)
  awk -v n="$3" -v hz="$(getconf CLK_TCK)" -v b="$1" -v a="$2" 'BEGIN {
    split(b, x, " "); split(a, y, " "); f = 1000 / hz / n
    busy = y[1] - x[1]; app = y[2] - x[2]; pg = y[3] - x[3]; smtp = y[4] - x[4]; steal = y[5] - x[5]; idle = y[6] - x[6]
    printf "%.3f %.3f %.3f %.3f %.3f %.3f\n", app * f, pg * f, smtp * f, (busy - app - pg - smtp) * f, steal * f, idle * f }'
}
submissions() {
  echo "$(date +%T) POST /api/dossiers start" >> "$WORK/timeline"
  statements_reset
  local before; before=$(cpu_snapshot)
  TOKEN=$(token citizens nguyenvana) wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s src/bench/submit.lua "http://127.0.0.1:$PORT" \
    > "$WORK/submit.out" 2> "$WORK/submit.err"
  if [ -s "$WORK/submit.err" ]; then echo "failed submissions:" >&2; head -5 "$WORK/submit.err" >&2; exit 1; fi
  cpu_per "$before" "$(cpu_snapshot)" "$(awk '/requests in/ {print $1}' "$WORK/submit.out")" >> "$WORK/cpu.submissions"
  statements_report "$WORK/statements-$(date +%H%M%S).txt"
  wrk_stats "$WORK/submit.out"
}
floor() { # the service's part alone: the same submissions refused at validation (400), no database
  echo "$(date +%T) POST /api/dossiers refused start" >> "$WORK/timeline"
  local before; before=$(cpu_snapshot)
  TOKEN=$(token citizens nguyenvana) REFUSE=1 wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s src/bench/submit.lua \
    "http://127.0.0.1:$PORT" > "$WORK/floor.out" 2> "$WORK/floor.err"
  if [ -s "$WORK/floor.err" ]; then echo "a refused submission was not refused:" >&2; head -5 "$WORK/floor.err" >&2; exit 1; fi
  cpu_per "$before" "$(cpu_snapshot)" "$(awk '/requests in/ {print $1}' "$WORK/floor.out")" >> "$WORK/cpu.refused"
  wrk_figures "$WORK/floor.out"  # every answer is a 400 here; submit.lua reported any other status above
}
served() { # uri -> the service's own count of those pages answered (200) per latency bucket, cumulative: "le count" lines
  curl -fs -m 10 "http://127.0.0.1:$MGMT_PORT/q/metrics" | grep '^http_server_requests_seconds_bucket' \
    | grep -F "uri=\"$1\"" | grep -F 'status="200"' | sed -E 's/.*le="([^"]*)".* ([0-9.eE+]+)$/\1 \2/'
}
queue() { # officer tenant target-ms [html] -> "rps p50 p99 share-within-target p99-bucket-ms", the last two as the service counted
  # The JSON queue (/api/t/{tenant}/queue?limit=50), or with "html" the console's HTML page of the same 50 rows with its
  # counts of every queue (/console/{tenant}/queue), as a browser asks for it (compressed).
  local url="http://127.0.0.1:$PORT/api/t/$2/queue?limit=50" uri="/api/t/{tenant}/queue" accept="application/json"
  if [ "${4:-}" = html ]; then url="http://127.0.0.1:$PORT/console/$2/queue"; uri="/console/{tenant}/queue"; accept="text/html"; fi
  served "$uri" > "$WORK/served.before"
  echo "$(date +%T) $uri $2 start" >> "$WORK/timeline"  # to find a measurement in a recording (BENCH_JFR=1)
  wrk -t1 -c"$QUEUE_CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $(token staff "$1")" -H "Accept: $accept" \
    -H "Accept-Encoding: gzip" "$url" > "$WORK/queue.out"
  if grep -q "Non-2xx" "$WORK/queue.out"; then echo "the queue answered errors:" >&2; cat "$WORK/queue.out" >&2; exit 1; fi
  served "$uri" > "$WORK/served.after"
  echo "$(wrk_stats "$WORK/queue.out") $(awk -v target="$3" 'FILENAME == ARGV[1] {before[$1] = $2; next}
    {le[++n] = $1; d[n] = $2 - before[$1]; if ($1 == "+Inf") total = d[n]}
    END {
      for (i = 1; i <= n; i++) {
        ms = int(le[i] * 1000 + 0.5)
        if (le[i] != "+Inf" && ms == target) within = d[i]
        if (p99 == "" && le[i] != "+Inf" && d[i] >= 0.99 * total) p99 = ms
      }
      printf "%.2f%% %s", total ? 100 * within / total : 0, p99 == "" ? "inf" : p99
    }' "$WORK/served.before" "$WORK/served.after")"
}

quiet() { # waits (at most 3 minutes) until the notices and the report's refresh have caught up with the submissions just
  # measured, so that the queues are measured as the desk uses them rather than beside a backlog that a real morning
  # spreads over hours; prints the seconds it took
  local t0=$SECONDS
  # The national portal's lane is left out: with no portal configured its rows wait by design (docs/national-portal.md).
  until [ "$(as_owner psql -At -c "select (select count(*) from outbox where status = 'pending' and next_attempt_at <= now()
          and kind not in ('portal-status', 'rating'))
      + (select count(*) from dossier_event where id > (select last_event from report_refresh))")" = 0 ] || [ $(( SECONDS - t0 )) -ge 180 ]; do
    sleep 1
  done
  echo $(( SECONDS - t0 ))
}

# Warm-up until the JIT has compiled the hot paths (the service runs with -XX:CompileThresholdScaling=5 for a quick
# start, so it reaches full speed only after tens of seconds of load), then alternating rounds.
WARMUP=${BENCH_WARMUP:-40}
TOKEN=$(token citizens nguyenvana) wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s src/bench/submit.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1
wrk -t1 -c"$QUEUE_CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $(token staff bench.d07w12)" "http://127.0.0.1:$PORT/api/t/d07-w12/queue" >/dev/null
wrk -t1 -c"$QUEUE_CONNECTIONS" -d"$(( WARMUP / 2 ))s" -H "Authorization: Bearer $(token staff bench.d07)" "http://127.0.0.1:$PORT/api/t/d07/queue" >/dev/null
# The HTML pages render through Qute's resolvers, which the JIT takes longer to compile than the JSON path.
wrk -t1 -c"$QUEUE_CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer $(token staff bench.d07w12)" -H "Accept: text/html" "http://127.0.0.1:$PORT/console/d07-w12/queue" >/dev/null
wrk -t1 -c"$QUEUE_CONNECTIONS" -d"$(( WARMUP / 2 ))s" -H "Authorization: Bearer $(token staff bench.d07)" -H "Accept: text/html" "http://127.0.0.1:$PORT/console/d07/queue" >/dev/null
# Then the submissions, and the same submissions refused, until the JIT has compiled what they run. The service starts
# with -XX:CompileThresholdScaling=5, so code that runs once per group of 16 (the group's arrays, its statements'
# encoding) reaches the optimizing compiler only after many more submissions than code that runs once per request, and
# the refused path (a validation error) is not run at all before it is measured: the first round of 2026-12-03 12:26 and
# 14:53 measured it half-compiled (0.79 ms of the service's CPU per refused request, 0.32-0.37 in the next rounds), a
# bound made low in the submissions' favour. Chunks of 20 s of submissions and 10 s of refused ones, until the compilers
# spend less than BENCH_JIT_QUIET seconds (0.5) in one, for at most BENCH_WARMUP_MAX seconds (300).
jit_seconds() { # the JIT compilers' time so far in the service, in seconds (its perf counters, read with jcmd)
  jcmd "$APP" PerfCounter.print 2>/dev/null | awk -F= '$1 == "java.ci.totalTime" {t = $2} $1 == "sun.os.hrt.frequency" {f = $2}
    END {if (f) printf "%.2f", t / f; else print "0"}'
}
JIT_QUIET=${BENCH_JIT_QUIET:-0.5}; WARMUP_MAX=${BENCH_WARMUP_MAX:-300}
JIT_CHUNKS=()
while [ $(( ${#JIT_CHUNKS[@]} * 30 )) -lt "$WARMUP_MAX" ]; do
  JIT_BEFORE=$(jit_seconds)
  TOKEN=$(token citizens nguyenvana) wrk -t1 -c"$CONNECTIONS" -d20s -s src/bench/submit.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1
  TOKEN=$(token citizens nguyenvana) REFUSE=1 wrk -t1 -c"$CONNECTIONS" -d10s -s src/bench/submit.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1
  JIT_CHUNKS+=("$(awk -v a="$JIT_BEFORE" -v b="$(jit_seconds)" 'BEGIN {printf "%.2f", b - a}')")
  echo "$(date +%T) warm-up chunk: the compilers spent ${JIT_CHUNKS[-1]} s" >> "$WORK/timeline"
  if awk -v d="${JIT_CHUNKS[-1]}" -v q="$JIT_QUIET" 'BEGIN {exit !(d < q)}'; then break; fi
done
WARMUP_QUIET=$(quiet)  # the notices of the warm-up's submissions, sent before the first measurement
rm -f "$WORK"/cpu.*
# Each measurement starts from a checkpoint just taken: PostgreSQL checkpoints every 5 minutes (checkpoint_timeout), and
# a checkpoint that fell inside one 20-s measurement and not the next weighed on that one alone (on 2026-12-03 the first
# round's grouped SQL ran at 1,196 and 947 a second in two runs, against 1,268-1,570 in their other rounds). Taking one
# before each measurement restarts that clock, and every measurement pays the same full-page writes that follow one.
checkpoint() { as_super psql -qAt -c "checkpoint" >/dev/null; }
declare -a CEIL LOOP SQL GRP FLOOR SUB QUIET QUIET_SQL WQ DQ WQH DQH
for r in $(seq 1 "$ROUNDS"); do
  checkpoint; CEIL+=("$(ceiling)")
  checkpoint; LOOP+=("$(pgb 1 src/bench/insert-ceiling.sql)")
  checkpoint; SQL+=("$(pgb "$POOL" src/bench/submit-transaction.sql)")
  # The SQL submissions queue notices like any others: the relay sends them before the next term of the bound is
  # measured, so that each term has the machine to itself (measured beside the relay's catching up, the service's
  # part came out at half its rate, and the bound with it).
  QUIET_SQL+=("$(quiet)")
  checkpoint; GRP+=("$(grouped)")
  QUIET_SQL+=("$(quiet)")
  checkpoint; FLOOR+=("$(floor)")
  checkpoint; SUB+=("$(submissions)")
  QUIET+=("$(quiet)")
  WQ+=("$(queue bench.d07w12 d07-w12 20)")
  DQ+=("$(queue bench.d07 d07 50)")
  WQH+=("$(queue bench.d07w12 d07-w12 50 html)")
  DQH+=("$(queue bench.d07 d07 50 html)")
done
RSS_KB=$(ps -o rss= -p $APP | tr -d ' ')
# The service's group writer: how many submissions went per transaction, over the whole run (warm-up included).
WRITER=$(curl -fs -m 10 "http://127.0.0.1:$MGMT_PORT/q/metrics" | awk '/^motcua_submissions_group_size_count/ {c=$2} /^motcua_submissions_group_size_sum/ {s=$2}
  /^motcua_submissions_group_size_max/ {m=$2} /^motcua_submissions_group_splits_total/ {x=$2}
  END {printf "%d groups, %.1f submissions per group on average, largest %d, %d split after a failure", c, c ? s / c : 0, m, x}')

C_TPS=$(median_field 1 "${CEIL[@]}"); S_RPS=$(median_field 1 "${SUB[@]}")
L_TPS=$(median_field 1 "${LOOP[@]}"); Q_TPS=$(median_field 1 "${SQL[@]}"); G_TPS=$(median_field 1 "${GRP[@]}")
F_RPS=$(median_field 1 "${FLOOR[@]}")
# Both parts run on the same cores: each submission costs the machine the service's part plus the database's part,
# so at best 1 / (1/F + 1/G) submissions a second, F and G each measured with the whole machine to itself.
BOUND=$(awk -v f="$F_RPS" -v g="$G_TPS" 'BEGIN {printf "%.1f", 1 / (1 / f + 1 / g)}')
# The same within each round: its submissions against the bound of its own two terms, measured minutes apart (the
# medians above may come from different rounds, on a machine whose speed swings from one minute to the next).
PER_ROUND=$(for i in "${!SUB[@]}"; do awk -v f="${FLOOR[$i]%% *}" -v g="${GRP[$i]%% *}" -v s="${SUB[$i]%% *}" \
  'BEGIN {b = 1 / (1 / f + 1 / g); printf "%.2f (%.1f against %.1f); ", s / b, s, b}'; done)

cat <<REPORT
### Dossiers, $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)

Data: $SUMMARY over 631 tenants, seeded in $SEED_S s. Database: $SETTINGS, pool of $POOL connections. Notices: $MAIL.
Each measurement ${DURATION} s, right after a checkpoint, $ROUNDS alternating rounds, median shown (all rounds below).

| what | per second | p50 | p99 | ratio to ceiling |
| --- | ---: | ---: | ---: | ---: |
| ceiling: pgbench, one single-row insert per transaction, $POOL clients | $C_TPS | $(median_field 2 "${CEIL[@]}") (mean) | — | 1.00 |
| the same insert from one client, one after the other | $L_TPS | $(median_field 2 "${LOOP[@]}") (mean) | — | $(ratio "$L_TPS" "$C_TPS") |
| the submission's transaction in SQL, one per transaction (pgbench, $POOL clients, \`submit-transaction.sql\`) | $Q_TPS | $(median_field 2 "${SQL[@]}") (mean) | — | **$(ratio "$Q_TPS" "$C_TPS")** |
| the same, 16 per transaction, one statement per table, as the group writer sends them (pgbench, 4 clients, \`submit-grouped.sql\`) | $G_TPS | $(median_field 2 "${GRP[@]}") (mean, per 16) | — | **$(ratio "$G_TPS" "$C_TPS")** |
| the service's part alone: the same \`POST /api/dossiers\` refused at validation (a bad phone; sign-in, JSON, the whole form checked, problem+json; no database) | $F_RPS | $(median_field 2 "${FLOOR[@]}") | $(median_field 3 "${FLOOR[@]}") | $(ratio "$F_RPS" "$C_TPS") |
| the best the two parts allow when they share the cores, 1 / (1 / refused + 1 / grouped SQL) | $BOUND | — | — | $(ratio "$BOUND" "$C_TPS") |
| \`POST /api/dossiers\` (online, Idempotency-Key, wrk $CONNECTIONS connections) | $S_RPS | $(median_field 2 "${SUB[@]}") | $(median_field 3 "${SUB[@]}") | **$(ratio "$S_RPS" "$C_TPS")** |

Submissions through the API against the bound: **$(ratio "$S_RPS" "$BOUND")** as the ratio of the medians; within each round: ${PER_ROUND%; }.

| queue, 50 per page, wrk $QUEUE_CONNECTIONS connections | requests/s | p50 | p99 | inside the service: answered within the target | inside the service: p99 |
| --- | ---: | ---: | ---: | ---: | ---: |
| ward \`GET /api/t/d07-w12/queue\` ($WARD_OPEN open dossiers), target 20 ms | $(median_field 1 "${WQ[@]}") | $(median_field 2 "${WQ[@]}") | **$(median_field 3 "${WQ[@]}")** | $(median_field 4 "${WQ[@]}") | ≤ $(median_field 5 "${WQ[@]}") ms |
| district \`GET /api/t/d07/queue\` ($DISTRICT_OPEN open dossiers), target 50 ms | $(median_field 1 "${DQ[@]}") | $(median_field 2 "${DQ[@]}") | **$(median_field 3 "${DQ[@]}")** | $(median_field 4 "${DQ[@]}") | ≤ $(median_field 5 "${DQ[@]}") ms |
| ward's console page \`GET /console/d07-w12/queue\` (HTML: 50 rows and every queue's count), target 50 ms | $(median_field 1 "${WQH[@]}") | $(median_field 2 "${WQH[@]}") | **$(median_field 3 "${WQH[@]}")** | $(median_field 4 "${WQH[@]}") | ≤ $(median_field 5 "${WQH[@]}") ms |
| district's console page \`GET /console/d07/queue\` (HTML), target 50 ms | $(median_field 1 "${DQH[@]}") | $(median_field 2 "${DQH[@]}") | **$(median_field 3 "${DQH[@]}")** | $(median_field 4 "${DQH[@]}") | ≤ $(median_field 5 "${DQH[@]}") ms |

"Inside the service" is the service's own count of the same requests (\`http_server_requests_seconds_bucket\` on
\`/q/metrics\`, from the request read to the response written), before and after each measurement: the p99 as the
bound of the bucket that holds it. The difference from wrk's figures is the time a request waits outside the
service, for the event loop or for \`wrk\` to be scheduled on the shared cores.

Rounds (per second, p50, p99; for the queues also within the target and the p99 inside the service): ceiling: $(printf '[%s] ' "${CEIL[@]}"); one client: $(printf '[%s] ' "${LOOP[@]}");
SQL submissions: $(printf '[%s] ' "${SQL[@]}"); grouped SQL: $(printf '[%s] ' "${GRP[@]}"); refused: $(printf '[%s] ' "${FLOOR[@]}"); HTTP submissions: $(printf '[%s] ' "${SUB[@]}");
ward queue: $(printf '[%s] ' "${WQ[@]}"); district queue: $(printf '[%s] ' "${DQ[@]}"); ward page: $(printf '[%s] ' "${WQH[@]}"); district page: $(printf '[%s] ' "${DQH[@]}").
After each round's submissions the queues were measured once the notices and the report rows had caught up with them (seconds waited: $(printf '%s ' "${QUIET[@]}")); the same wait after the SQL submissions and after the grouped SQL, before the next measurement (seconds: $(printf '%s ' "${QUIET_SQL[@]}")).
Warm-up before the rounds: ${WARMUP} s of submissions, of the ward's queue and of its console page, $(( WARMUP / 2 )) s of the district's queue and page;
then ${#JIT_CHUNKS[@]} chunks of 20 s of submissions and 10 s of refused ones, until the JIT compilers spent less than $JIT_QUIET s in one (their seconds per chunk: $(printf '%s ' "${JIT_CHUNKS[@]}")), and ${WARMUP_QUIET} s for their notices.

CPU per submission, in ms of one core (medians of the rounds; the machine has $(nproc) cores, so at full load it spends
$(awk -v n="$(nproc)" -v s="$S_RPS" 'BEGIN {printf "%.2f", n * 1000 / s}') ms of CPU per submission at the rate measured; "the rest" is the load generator and the kernel's work for it;
the time the host stole from this virtual machine's cores is apart, round by round: a round it disturbed is not a measure of this code):

| measurement | the service | PostgreSQL | the SMTP server | the rest (load generator) | stolen by the host (per round) | unused (per round) |
| --- | ---: | ---: | ---: | ---: | --- | --- |
$(for m in refused grouped submissions; do
  f="$WORK/cpu.$m"; [ -f "$f" ] || continue
  case $m in refused) label="refused at validation (wrk)";; grouped) label="grouped SQL (pgbench), per submission";;
    *) label="\`POST /api/dossiers\` (wrk)";; esac
  mapfile -t per < "$f"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(median_field 1 "${per[@]}")" "$(median_field 2 "${per[@]}")" \
    "$(median_field 3 "${per[@]}")" "$(median_field 4 "${per[@]}")" "$(printf '%s\n' "${per[@]}" | awk '{printf "%s%s", (NR > 1 ? ", " : ""), ($5 == "" ? "-" : $5)}')" \
    "$(printf '%s\n' "${per[@]}" | awk '{printf "%s%s", (NR > 1 ? ", " : ""), ($6 == "" ? "-" : $6)}')"
done)

Resident memory of the service after the load: $(( RSS_KB / 1024 )) MiB. Group writer: $WRITER.
REPORT
