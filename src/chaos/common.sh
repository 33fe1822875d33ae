# Shared by the chaos scripts (sourced; docs/chaos.md): a cluster of its own (ports from 18080, data in
# target/chaos/data, kept between runs so that Keycloak's realms are imported once), the load clients, and the checks
# of what the database holds against what the clients were told. Everything the script started is stopped when it
# exits, however it exits.
set -euo pipefail
cd "$(dirname "$0")/../.."

export CLUSTER_PORT=${CHAOS_PORT:-18080}
export CLUSTER_WORK=target/chaos/cluster
export MOTCUA_DATA_DIR=${CHAOS_DATA:-target/chaos/data}
export MOTCUA_EMBEDDED_DB_PORT=${CHAOS_DB_PORT:-54339}
export MOTCUA_EMBEDDED_OIDC_PORT=${CHAOS_OIDC_PORT:-18180}
source src/cluster/cluster.sh
WORK=target/chaos
source src/bench/common.sh  # database_env, as_super, as_app
PROXY="http://127.0.0.1:$CLUSTER_PORT"
RUN="chaos-$(date -u +%Y%m%d%H%M%S)"
# The wards the clients submit to: each gets its own receipt counter of the day.
WARDS=(ba-dinh-dien-bien ba-dinh-ngoc-ha ba-dinh-kim-ma cau-giay-yen-hoa)
LOAD_PID=
T0=$(date +%s.%N)

for tool in curl psql; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install curl postgresql-client" >&2; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./motcua build (or run through ./motcua chaos)" >&2; exit 1; }

CLEANUPS=()
chaos_cleanup() {
  local c
  for c in "${CLEANUPS[@]}"; do eval "$c" || true; done
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  stop_cluster
  # The next run starts with empty logs: this run's are kept beside its other files.
  [ -d "$CLUSTER_WORK/logs" ] && [ -f "$WORK/$RUN.events" ] && cp -r "$CLUSTER_WORK/logs" "$WORK/$RUN.logs" || true
}
trap 'chaos_cleanup' EXIT
trap 'exit 130' INT TERM

# Seconds since the script started, for the timelines.
at() { awk -v t0="$T0" -v t="$(date +%s.%N)" 'BEGIN {printf "%6.1f", t - t0}'; }
event() { echo "$(at) s  $*" | tee -a "$WORK/$RUN.events" >&2; }

token() { # realm user
  curl -fs -d grant_type=password -d client_id=motcua-cli -d username="$2" -d password='Motcua@2026' \
    "$MOTCUA_OIDC_URL/realms/$1/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

chaos_start() { # replicas
  mkdir -p "$WORK"
  event "starting PostgreSQL, Keycloak, $1 replicas and HAProxy"
  start_cluster "$1"
  database_env
  event "cluster up: $(proxy_backends | tr '\n' ' ')"
}

# Clients submitting through the proxy for SECONDS with WORKERS in parallel; results in $WORK/$RUN.csv.
start_load() { # seconds workers
  TOKEN=$(token citizens nguyenvana) java src/chaos/LoadClient.java "$PROXY" "$1" "$2" "$RUN" "$WORK/$RUN.csv" "${WARDS[@]}" \
    > "$WORK/$RUN.load" 2> "$WORK/$RUN.load.err" &
  LOAD_PID=$!
  event "load: $2 clients for $1 s, run $RUN"
}
wait_load() {
  wait "$LOAD_PID" || { cat "$WORK/$RUN.load.err" >&2; return 1; }
  LOAD_PID=
  event "load done: $(cat "$WORK/$RUN.load")"
}

# What the clients were told against what PostgreSQL holds (as its superuser: every tenant, no row-level security).
# Prints "accepted A lost L duplicated D unconfirmed U gaps G" and fails when L, D or G is not 0.
check_dossiers() {
  local out
  out=$(as_super psql -qAt -v ON_ERROR_STOP=1 -v run="$RUN" \
    -c "create temp table client (key text, outcome text, status int, receipt_code text, attempts int)" \
    -c "\\copy client from '$WORK/$RUN.csv' csv header" -f - <<'SQL'
-- accepted: the clients got a receipt code (201, or 200 on a retry)
select 'accepted ' || count(*) from client where outcome = 'accepted';
-- lost: a receipt code a client was given that no dossier of that key holds
select 'lost ' || count(*) from client c where outcome = 'accepted'
   and not exists (select 1 from dossier d where d.receipt_code = c.receipt_code and d.idempotency_key = c.key);
-- duplicated: more than one dossier for one submission (key), or one key given two different codes
select 'duplicated ' || (coalesce((select sum(n - 1) from (select count(*) n from dossier
          where idempotency_key like :'run' || '-%' group by submitted_by, idempotency_key) x), 0)
     + (select count(*) from (select key from client where outcome = 'accepted' group by key having count(distinct receipt_code) > 1) y));
-- unconfirmed: stored, but its client gave up before hearing so (not lost: a retry with its key would get it)
select 'unconfirmed ' || count(*) from dossier d where d.idempotency_key like :'run' || '-%'
   and not exists (select 1 from client c where c.key = d.idempotency_key and c.outcome = 'accepted');
-- gaps: per agency and day touched by this run, the numbers must be exactly 1..n, n being the agency's counter
with days as (
  select distinct received_by, substring(receipt_code from '-([0-9]{6})-[0-9]+$') as yymmdd
    from dossier where idempotency_key like :'run' || '-%'
), numbers as (
  select d.received_by, days.yymmdd, substring(d.receipt_code from '-[0-9]{6}-([0-9]+)$')::int as n
    from dossier d join days on d.received_by = days.received_by
   where d.receipt_code ~ ('-' || days.yymmdd || '-[0-9]+$')
), per_day as (
  select received_by, yymmdd, count(*) as total, count(distinct n) as distinct_n, min(n) as lo, max(n) as hi
    from numbers group by received_by, yymmdd
)
select 'gaps ' || count(*) filter (where not (p.total = p.distinct_n and p.lo = 1 and p.hi = p.total and p.hi = c.last_value))
       || ' agency-days ' || count(*) || ' numbers ' || coalesce(sum(p.total), 0)
  from per_day p join receipt_counter c on c.tenant_id = p.received_by and c.day = to_date(p.yymmdd, 'YYMMDD');
SQL
)
  echo "$out" | tr '\n' ' ' | sed 's/ $/\n/'
  local lost dup gaps
  lost=$(echo "$out" | awk '$1 == "lost" {print $2}'); dup=$(echo "$out" | awk '$1 == "duplicated" {print $2}')
  gaps=$(echo "$out" | awk '$1 == "gaps" {print $2}')
  [ "$lost" = 0 ] && [ "$dup" = 0 ] && [ "$gaps" = 0 ]
}

# Each replica's readiness as "1 2 3"-ordered "UP"/"DOWN" words, and the proxy's view.
readiness() {
  local i s=""
  for i in $(seq 1 "$CLUSTER_N"); do
    if replica_ready "$i"; then s+="r$i:ready "; else s+="r$i:NOT-READY "; fi
  done
  echo "$s| proxy: $(proxy_backends | awk '{printf "%s:%s ", $1, $2}')"
}

# Records the readiness once a second in the events until stop_watch, only when it changes.
start_watch() {
  ( last=""; while true; do now=$(readiness); [ "$now" != "$last" ] && event "$now"; last=$now; sleep 0.5; done ) &
  WATCH_PID=$!
  CLEANUPS+=("kill $WATCH_PID 2>/dev/null")
}
stop_watch() { kill "$WATCH_PID" 2>/dev/null || true; wait "$WATCH_PID" 2>/dev/null || true; }

# HAProxy's own counts: connections retried and sent to another replica, and the 5xx answers clients got from it.
proxy_summary() {
  curl -fs "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" | awk -F, '
    $1 == "replicas" && $2 == "BACKEND" {r = $16; d = $17}
    $1 == "motcua" && $2 == "FRONTEND" {f = $44; t = $49}
    END {printf "proxy: %d requests, %d answered 5xx, %d connections retried, %d redispatched to another replica", t, f, r, d}'
}
