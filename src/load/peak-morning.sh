#!/usr/bin/env bash
# The peak-morning load test (docs/load-test.md): starts the system with N replicas, runs the Gatling simulation
# src/load/java/vn/motcua/load/PeakMorning.java against it, samples the CPU time of each process, and prints a Markdown
# table per request kind (requests/s, p50, p99, errors) with the CPU per request. Run through ./motcua:
#   ./motcua load [N]     N = 1 (default): one service, as ./motcua run starts it (local cache, no proxy);
#                         N > 1: N replicas behind HAProxy, as ./motcua cluster N starts them (docs/cluster.md)
# Every run starts on an empty database (the demo city, no dossiers), so that runs compare; Keycloak's data is kept.
# Needs curl and jq (apt-get install curl jq), and HAProxy for N > 1 (installed as ./motcua cluster does).
#
# Settings (environment): LOAD_SCALE (10: multiplies every arrival rate of PeakMorning.Mix), LOAD_WARMUP (45 s at a
# quarter of the rates), LOAD_RAMP (45 s up to them), LOAD_STEADY (240 s at them), LOAD_PORT (28080: the service or the proxy; the replicas take the ports after it as in
# cluster.sh), LOAD_DB_PORT (54359), LOAD_OIDC_PORT (28180), LOAD_DATA (target/load/data).
# Output: target/load/<run>.md (the table), <run>.gatling.log, <run>.cpu (the samples), Gatling's report in
# target/load/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${1:-1}
case "$N" in *[!0-9]*|''|0) echo "usage: ./motcua load [N]   (N replicas, default 1)" >&2; exit 2 ;; esac
SCALE=${LOAD_SCALE:-10}
WARMUP=${LOAD_WARMUP:-45}
RAMP=${LOAD_RAMP:-45}
STEADY=${LOAD_STEADY:-240}
export CLUSTER_PORT=${LOAD_PORT:-28080}
export CLUSTER_WORK=target/load/cluster
export MOTCUA_DATA_DIR=${LOAD_DATA:-target/load/data}
export MOTCUA_EMBEDDED_DB_PORT=${LOAD_DB_PORT:-54359}
export MOTCUA_EMBEDDED_OIDC_PORT=${LOAD_OIDC_PORT:-28180}
# The load generator is one client address and its citizens share two accounts: the look-up's limit per address and
# the tenants' API quota would refuse most of a city's morning coming from it. Both stay on, counting every request
# (in the cluster, through the distributed cache), with limits no run reaches.
export MOTCUA_API_QUOTA=100000000 MOTCUA_LOOKUPS_PER_MINUTE=100000000
source src/cluster/cluster.sh

WORK=target/load
RUN="load-${N}r-$(date -u +%Y%m%d-%H%M%S)"
OUT="$WORK/$RUN"
TARGET="http://127.0.0.1:$CLUSTER_PORT"
SAMPLER=
GATLING=
mkdir -p "$WORK"
for tool in curl jq; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install curl jq" >&2; exit 1; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./motcua build (or run through ./motcua load)" >&2; exit 1; }
MVN=(./mvnw -B -ntp)
log() { echo "[load $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$CHECKER" ] && kill "$CHECKER" 2>/dev/null || true
  [ -n "$GATLING" ] && kill -- "-$GATLING" 2>/dev/null || true
  stop_cluster
  [ -d "$CLUSTER_WORK/logs" ] && cp -r "$CLUSTER_WORK/logs" "$OUT.logs" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the system ----------------------------------------------------------------------------------------------------
# A fresh database: the demo city with no dossiers, whatever the last run left.
rm -rf "$MOTCUA_DATA_DIR/postgres"
if [ "$N" -eq 1 ]; then
  # One service as ./motcua run starts it (local cache, reached directly), its database and Keycloak in processes of
  # their own so that each one's CPU is counted apart; the same JVM options as each replica of a cluster.
  mkdir -p "$CLUSTER_WORK/pids" "$CLUSTER_WORK/logs"; rm -f "$CLUSTER_WORK"/logs/*.log
  launch_keycloak
  start_postgres
  load_exports keycloak
  : > "$CLUSTER_WORK/logs/replica-1.log"
  start_part replica-1 MOTCUA_DB_URL="$MOTCUA_DB_URL" MOTCUA_DB_USER="$MOTCUA_DB_USER" MOTCUA_DB_PASSWORD="$MOTCUA_DB_PASSWORD" \
    MOTCUA_DB_OWNER_USER="$MOTCUA_DB_OWNER_USER" MOTCUA_DB_OWNER_PASSWORD="$MOTCUA_DB_OWNER_PASSWORD" \
    MOTCUA_OIDC_URL="$MOTCUA_OIDC_URL" MOTCUA_OIDC_CONSOLE_SECRET="$MOTCUA_OIDC_CONSOLE_SECRET" \
    MOTCUA_OIDC_PORTAL_SECRET="$MOTCUA_OIDC_PORTAL_SECRET" MOTCUA_OIDC_EMBEDDED="${MOTCUA_OIDC_EMBEDDED:-true}" \
    MOTCUA_CACHE_MODE=local QUARKUS_HTTP_PORT="$CLUSTER_PORT" MOTCUA_MANAGEMENT_PORT="$(replica_mgmt 1)" \
    MOTCUA_NOTIFY_PORTAL_URL="$TARGET" MOTCUA_ATTACHMENTS_DIR="$MOTCUA_DATA_DIR/attachments" \
    -- "${CLUSTER_JAVA[@]}" -jar target/quarkus-app/quarkus-run.jar
  wait_replica 1
  log "one service on $TARGET (local cache), PostgreSQL $MOTCUA_DB_URL, Keycloak $MOTCUA_OIDC_URL"
else
  start_cluster "$N"
  log "$N replicas behind HAProxy on $TARGET: $(proxy_backends | tr '\n' ' ')"
fi

# ---- CPU samples ---------------------------------------------------------------------------------------------------
# Once a second: "epoch-ms service postgres keycloak haproxy gatling machine-busy machine-total", each process's CPU
# time in clock ticks (utime + stime of /proc/<pid>/stat, and of its children: those alive, and those ended and
# waited for, cutime + cstime). The service is the replicas' JVMs; PostgreSQL is its postmaster and backends.
TICK=$(getconf CLK_TCK)
CORES=$(getconf _NPROCESSORS_ONLN)
tree_pids() { # pid...: the pids and all their descendants
  [ $# -gt 0 ] || return 0
  ps -e -o pid=,ppid= | awk -v roots="$*" 'BEGIN {n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1}
    {parent[$1] = $2} END {do {changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) {keep[p] = 1; changed = 1}} while (changed);
    for (p in keep) print p}'
}
ticks() { # pid...: CPU ticks of these processes and their descendants
  local p total=0 t
  for p in $(tree_pids "$@"); do
    t=$(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
replica_pids() { local f; for f in "$CLUSTER_WORK"/pids/replica-*.pid; do [ -f "$f" ] && cat "$f"; done; }
postmaster_pid() { head -1 "$MOTCUA_DATA_DIR/postgres/postmaster.pid" 2>/dev/null || true; }
sample_cpu() {
  local svc pg kc hap gat
  svc=0; for p in $(replica_pids); do svc=$((svc + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  pg=$(ticks $(postmaster_pid)); kc=$(ticks $(pid_of keycloak)); hap=$(ticks $(pid_of haproxy))
  gat=$( [ -n "$GATLING" ] && ticks "$GATLING" || echo 0)
  echo "$(date +%s%3N) $svc $pg $kc $hap $gat $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)"
}

# HAProxy's view of each replica, once a second (N > 1): "epoch-ms replica status last-check's-status its-ms", so that
# a replica taken out of rotation under load, and how slow its checks were before, shows in the report.
sample_checks() {
  curl -fs --max-time 1 "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" \
    | awk -F, -v t="$(date +%s%3N)" '$1 == "replicas" && $2 != "BACKEND" {gsub(/[* ]/, "", $37); print t, $2, $18, $37, $39}' || true
}
CHECKER=

# ---- the simulation ------------------------------------------------------------------------------------------------
rm -f "$WORK/window"
log "Gatling: scale $SCALE, warm-up ${WARMUP} s, ramp ${RAMP} s, steady ${STEADY} s (log: $OUT.gatling.log)"
# In its own process group, so that the cleanup stops Maven and the Gatling JVM it forked together.
setsid "${MVN[@]}" -Pload test-compile gatling:test -Dgatling.runDescription="$RUN" \
  -Dload.baseUrl="$TARGET" -Dload.oidcUrl="$MOTCUA_OIDC_URL" -Dload.scale="$SCALE" -Dload.warmup="$WARMUP" -Dload.ramp="$RAMP" \
  -Dload.steady="$STEADY" -Dload.window="$PWD/$WORK/window" > "$OUT.gatling.log" 2>&1 &
GATLING=$!
( while true; do sample_cpu; sleep 1; done ) > "$OUT.cpu" 2>/dev/null &
SAMPLER=$!
if [ "$N" -gt 1 ]; then ( while true; do sample_checks; sleep 1; done ) > "$OUT.checks" 2>/dev/null & CHECKER=$!; fi
LIMIT=$((WARMUP + RAMP + STEADY + 420))
for _ in $(seq 1 "$LIMIT"); do kill -0 "$GATLING" 2>/dev/null || break; sleep 1; done
if kill -0 "$GATLING" 2>/dev/null; then
  log "Gatling still running after $LIMIT s: stopped"; kill -- "-$GATLING" 2>/dev/null || true
fi
GATLING_RC=0; wait "$GATLING" || GATLING_RC=$?
GATLING=
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
if [ -n "$CHECKER" ]; then kill "$CHECKER" 2>/dev/null || true; wait "$CHECKER" 2>/dev/null || true; CHECKER=; fi
[ -f "$WORK/window" ] || { tail -60 "$OUT.gatling.log" >&2; log "the simulation did not finish (exit $GATLING_RC)"; exit 1; }
[ "$GATLING_RC" -eq 0 ] || log "Gatling exited with $GATLING_RC (see $OUT.gatling.log); reporting what it recorded"

# ---- the figures ---------------------------------------------------------------------------------------------------
# The service's resident memory now, still up after the load (all its JVMs together).
RSS_MB=$(for p in $(replica_pids); do ps -o rss= -p "$p" 2>/dev/null || true; done | awk '{s += $1} END {printf "%.0f", s / 1024}')
REPORT=$(ls -td "$WORK"/results/*/ | head -1)
# Gatling 3.13 writes its statistics as JavaScript (js/stats.js: "var stats = {…}" with bare keys, then functions):
# the object alone, its keys quoted, is JSON.
STATS="$OUT.stats.json"
sed -n '/^var stats = {/,/^function /p' "$REPORT/js/stats.js" | sed '$d' \
  | sed -E '1s/^var stats = //; s/^([[:space:]]*)([A-Za-z_][A-Za-z0-9_]*):/\1"\2":/' > "$STATS"
read -r W_START W_END ALL_P50 ALL_P99 < "$WORK/window"
# The CPU over the steady part: the samples nearest its start and end.
CPU=$(awk -v s="$W_START" -v e="$W_END" '
  function near(t, ref) { return (t - ref) < 0 ? ref - t : t - ref }
  { if (!a || near($1, s) < near(a, s)) {a = $1; for (i = 2; i <= 8; i++) A[i] = $i}
    if (!b || near($1, e) < near(b, e)) {b = $1; for (i = 2; i <= 8; i++) B[i] = $i} }
  END { printf "%.3f", (b - a) / 1000; for (i = 2; i <= 8; i++) printf " %d", B[i] - A[i]; print "" }' "$OUT.cpu")
read -r SECONDS_CPU D_SVC D_PG D_KC D_HAP D_GAT D_BUSY D_TOTAL <<< "$CPU"
# Per request kind, the visitors who arrived in the steady part (Gatling's group "steady").
ROWS=$(jq -r --argjson secs "$STEADY" '
  .contents[] | select(.type == "GROUP" and .name == "steady") | .contents[] | select(.type == "REQUEST") | .stats
  | [.name, (.numberOfRequests.total | tonumber), ((.numberOfRequests.total | tonumber) / $secs), .percentiles1.total,
     .percentiles4.total, (.numberOfRequests.ko | tonumber)] | @tsv' "$STATS")
TOTAL=$(echo "$ROWS" | awk -F'\t' '{n += $2} END {print n + 0}')
ERRORS=$(echo "$ROWS" | awk -F'\t' '{n += $6} END {print n + 0}')
per_request() { awk -v t="$1" -v n="$TOTAL" -v tick="$TICK" 'BEGIN {printf "%.2f", n ? t * 1000 / tick / n : 0}'; }
cores() { awk -v t="$1" -v s="$SECONDS_CPU" -v tick="$TICK" 'BEGIN {printf "%.2f", s ? t / tick / s : 0}'; }
if [ "$N" -eq 1 ]; then SETUP="1 service, local cache, reached directly"; else SETUP="$N replicas, clustered cache (JGroups), behind HAProxy"; fi
{
  echo "### $N replica$([ "$N" -gt 1 ] && echo s) — $RUN"
  echo
  echo "$SETUP; $(nproc) cores, $(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p'). Scale $SCALE,"
  echo "warm-up ${WARMUP} s at a quarter of the rates, ramp ${RAMP} s, then ${STEADY} s steady: the figures are the steady"
  echo "part's (the visitors who arrived in it)."
  echo
  echo "| request | requests | requests/s | p50 (ms) | p99 (ms) | errors |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "$ROWS" | sort -t$'\t' -k2,2nr | awk -F'\t' '{printf "| %s | %d | %.1f | %d | %d | %d |\n", $1, $2, $3, $4, $5, $6}'
  awk -v n="$TOTAL" -v s="$STEADY" -v p50="$ALL_P50" -v p99="$ALL_P99" -v e="$ERRORS" \
    'BEGIN {printf "| **all** | **%d** | **%.1f** | **%s** | **%s** | **%d** (%.2f%%) |\n", n, n / s, p50, p99, e, n ? 100 * e / n : 0}'
  echo
  echo "| CPU over the steady part (${SECONDS_CPU} s) | cores used | CPU per request (ms) |"
  echo "| --- | ---: | ---: |"
  echo "| the service ($N JVM$([ "$N" -gt 1 ] && echo s)) | $(cores "$D_SVC") | **$(per_request "$D_SVC")** |"
  echo "| PostgreSQL | $(cores "$D_PG") | $(per_request "$D_PG") |"
  echo "| Keycloak (the test's token renewals, the service's calls) | $(cores "$D_KC") | $(per_request "$D_KC") |"
  [ "$N" -gt 1 ] && echo "| HAProxy | $(cores "$D_HAP") | $(per_request "$D_HAP") |"
  echo "| Gatling (the load generator, same machine) | $(cores "$D_GAT") | $(per_request "$D_GAT") |"
  awk -v b="$D_BUSY" -v t="$D_TOTAL" -v c="$CORES" 'BEGIN {printf "| the whole machine (busy) | %.2f of %d | |\n", t ? c * b / t : 0, c}'
  echo
  echo "The service's resident memory after the load: $RSS_MB MiB ($N JVM$([ "$N" -gt 1 ] && echo s), -Xmx512m each)."
  if [ "$N" -gt 1 ]; then
    # HAProxy's counts since it started (warm-up and ramp included), and the slowest check the samples saw.
    echo
    echo "| HAProxy's health checks (whole run) | failed checks | marked down | seconds down | slowest check seen (ms) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    curl -fs --max-time 2 "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" \
      | awk -F, '$1 == "replicas" && $2 != "BACKEND" {print $2, $22 + 0, $23 + 0, $25 + 0}' \
      | while read -r name failed down secs; do
          slowest=$(awk -v n="$name" '$2 == n && $5 ~ /^[0-9]+$/ && $5 > m {m = $5} END {print m + 0}' "$OUT.checks")
          echo "| $name | $failed | $down | $secs | $slowest |"
        done || true
  fi
} > "$OUT.md"
# Gatling's own summary of what failed, when anything did.
# Gatling's final summary (the last "Global Information" block; the progress lines before it repeat the headings).
SUMMARY=$(awk '/---- Global Information/ {buf = ""; on = 1} on {buf = buf $0 "\n"} END {printf "%s", buf}' "$OUT.gatling.log")
if echo "$SUMMARY" | grep -q -- '---- Errors ----'; then
  { echo; echo "Errors (Gatling's summary, whole run, ramp included):"; echo; echo '```'
    echo "$SUMMARY" | sed -n '/---- Errors ----/,/^====/p' | sed '/^====/d; /---- Errors ----/d'; echo '```'; } >> "$OUT.md"
fi
echo
cat "$OUT.md"
echo
log "table: $OUT.md; Gatling's report: $REPORT"
