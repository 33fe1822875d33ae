#!/usr/bin/env bash
# Benchmark of issue 3: the tenant read against the machine's ceiling, start-to-ready time and resident memory.
# Run it with ./motcua bench (it builds first). Prints a Markdown report; docs/benchmarks.md keeps the last one.
#
# Load comes from a second process (wrk, Debian package) on loopback; both endpoints are measured in the same run,
# alternately, so the ratio is against this machine's own ceiling at that moment: GET /ping is a bare Vert.x route
# in the same service (no REST layer, no security, a constant body).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ROUNDS=${BENCH_ROUNDS:-3}
PORT=${BENCH_PORT:-18080}
MGMT_PORT=$((PORT + 1))  # health and metrics (the management interface)
WORK=target/bench
source src/bench/common.sh
AOT="$WORK/motcua.aot"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"

java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar generate-tenants "$WORK/tenants" 30 20 >/dev/null

# 1. PostgreSQL and Keycloak first: the start-to-ready figure is the service's alone.
start_services

start_app() { # extra JVM options...
  local t0 t1
  t0=$(date +%s%N)
  MOTCUA_TENANTS_DIR="$WORK/tenants" QUARKUS_HTTP_PORT=$PORT MOTCUA_MANAGEMENT_PORT=$MGMT_PORT java "${JAVA_OPTS[@]}" "$@" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready"; do
    kill -0 $APP 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
}

# 2. Start-to-ready. The first start migrates, syncs 631 tenants and records the AOT cache (JDK 25+) when it stops;
#    then five starts with the cache and unchanged files, the usual restart of a replica. The last one stays up.
STARTS=()
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${JAVA_MAJOR%%.*}" -ge 25 ]; then FIRST=(-XX:AOTCacheOutput="$AOT"); NEXT=(-XX:AOTCache="$AOT"); else FIRST=(); NEXT=(); fi
start_app "${FIRST[@]}"; FIRST_MS=$READY_MS
for i in 1 2 3 4 5; do
  kill $APP; wait $APP 2>/dev/null || true
  start_app "${NEXT[@]}"
  STARTS+=("$READY_MS")
done
MEDIAN_START=$(printf '%s\n' "${STARTS[@]}" | sort -n | sed -n 3p)
sleep 2
RSS_START_KB=$(ps -o rss= -p $APP | tr -d ' ')

# 3. Throughput and latency, alternating ceiling and endpoint.
TENANT_URL="http://127.0.0.1:$PORT/api/tenants/d07-w12"
DISTRICT_URL="http://127.0.0.1:$PORT/api/tenants/d07"
PING_URL="http://127.0.0.1:$PORT/ping"
curl -fs "$TENANT_URL" > "$WORK/tenant.json"
wrk -t2 -c$CONNECTIONS -d5s "$PING_URL" >/dev/null
wrk -t2 -c$CONNECTIONS -d5s "$TENANT_URL" >/dev/null
wrk -t2 -c$CONNECTIONS -d5s "$DISTRICT_URL" >/dev/null

measure() { # url -> "rps p50 p99"
  wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency "$1" > "$WORK/wrk.out"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
  if grep -q "Non-2xx" "$WORK/wrk.out"; then echo "non-2xx answers from $1" >&2; cat "$WORK/wrk.out" >&2; exit 1; fi
  echo "$rps $p50 $p99"
}
declare -a PING WARD DISTRICT
for r in $(seq 1 "$ROUNDS"); do
  PING+=("$(measure "$PING_URL")")
  WARD+=("$(measure "$TENANT_URL")")
  DISTRICT+=("$(measure "$DISTRICT_URL")")
done
RSS_LOAD_KB=$(ps -o rss= -p $APP | tr -d ' ')

P_RPS=$(median_field 1 "${PING[@]}"); W_RPS=$(median_field 1 "${WARD[@]}"); D_RPS=$(median_field 1 "${DISTRICT[@]}")

cat <<REPORT
### Tenant read, $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)

Tree: 631 tenants (1 city, 30 districts × 20 wards, \`generate-tenants\`). Load: wrk, 1 thread, $CONNECTIONS connections,
${DURATION} s per measurement, $ROUNDS alternating rounds, median shown (all rounds below).

| endpoint | requests/s | p50 | p99 | ratio to ceiling |
| --- | ---: | ---: | ---: | ---: |
| \`GET /ping\` (ceiling: bare Vert.x route) | $P_RPS | $(median_field 2 "${PING[@]}") | $(median_field 3 "${PING[@]}") | 1.00 |
| \`GET /api/tenants/d07-w12\` (ward, $(wc -c < "$WORK/tenant.json") B) | $W_RPS | $(median_field 2 "${WARD[@]}") | $(median_field 3 "${WARD[@]}") | **$(ratio "$W_RPS" "$P_RPS")** |
| \`GET /api/tenants/d07\` (district, 20 children) | $D_RPS | $(median_field 2 "${DISTRICT[@]}") | $(median_field 3 "${DISTRICT[@]}") | **$(ratio "$D_RPS" "$P_RPS")** |

Rounds (requests/s p50 p99): ping: $(printf '[%s] ' "${PING[@]}"); ward: $(printf '[%s] ' "${WARD[@]}"); district: $(printf '[%s] ' "${DISTRICT[@]}")

| start and memory | figure |
| --- | ---: |
| start to ready (\`/q/health/ready\` = 200), PostgreSQL and Keycloak already up: restart, median of 5 (all: ${STARTS[*]} ms) | **$MEDIAN_START ms** |
| first start (migrates the schema, syncs 631 tenants, records the AOT cache) | $FIRST_MS ms |
| resident memory after start | $(( RSS_START_KB / 1024 )) MiB |
| resident memory after the load | $(( RSS_LOAD_KB / 1024 )) MiB |
REPORT
