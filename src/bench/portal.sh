#!/usr/bin/env bash
# Benchmark of issue 17: the portal's procedure page and the public look-up under load from a second process (wrk),
# each against the machine's own ceiling in the same run (GET /ping, a bare Vert.x route of the same service), as
# src/bench/run.sh does for the tenant read. Run it with ./motcua bench portal; docs/benchmarks.md keeps the report.
#
# The look-up is measured through GET /api/lookup, the same use case (LookupDossier) the /tra-cuu page posts to: a
# page POST needs the visitor's anti-forgery token, which a load generator does not carry. Its per-client limit is
# raised for the run (one wrk process is one client); the limit itself is tested in the suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
ROUNDS=${BENCH_ROUNDS:-3}
PORT=${BENCH_PORT:-18080}
MGMT_PORT=$((PORT + 1))
WORK=target/bench-portal
source src/bench/common.sh

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r tenants "$WORK/tenants"
start_services

MOTCUA_CATALOG_DIR="$WORK/tenants/catalog" MOTCUA_CATALOG_GUIDE="$WORK/tenants/guide.yaml" MOTCUA_LOOKUPS_PER_MINUTE=100000000 \
  start_app

# One dossier to look up: a death registration a demo citizen submits online at Phường Điện Biên.
TOKEN=$(curl -fs -d grant_type=password -d client_id=motcua-cli -d username=nguyenvana -d password='Motcua@2026' \
  "$MOTCUA_OIDC_URL/realms/citizens/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
CODE=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-$(date +%s)" \
  -d '{"procedure":"1.000656","tenant":"ba-dinh-dien-bien","channel":"online-full","applicant":{"fullName":"Nguyễn Văn An","phone":"0912 345 678"},
       "form":{"deceased":{"fullName":"Nguyễn Văn Cả","citizenId":"001045001234","birthDate":"1945-03-02","sex":"nam"},"deathDate":"2026-11-20",
       "deathPlace":"Bệnh viện Bạch Mai","lastResidence":"12 Điện Biên Phủ, Ba Đình, Hà Nội","applicantRelationship":"con","contactPhone":"0912 345 678"}}' \
  "http://127.0.0.1:$PORT/api/dossiers" | sed 's/.*"receiptCode":"\([^"]*\)".*/\1/')

PING_URL="http://127.0.0.1:$PORT/ping"
PROCEDURE_URL="http://127.0.0.1:$PORT/procedures/1.001193?ward=ba-dinh-dien-bien"
LOOKUP_URL="http://127.0.0.1:$PORT/api/lookup?code=$CODE&phone=0912345678"
curl -fs -o "$WORK/procedure.html" "$PROCEDURE_URL"
curl -fs -o /dev/null "$LOOKUP_URL"
for u in "$PING_URL" "$PROCEDURE_URL" "$LOOKUP_URL"; do wrk -t2 -c$CONNECTIONS -d5s "$u" >/dev/null; done

measure() { # url -> "rps p50 p99"
  wrk -t1 -c$CONNECTIONS -d${DURATION}s --latency -H 'Accept-Encoding: gzip' "$1" > "$WORK/wrk.out"
  if grep -q "Non-2xx" "$WORK/wrk.out"; then echo "non-2xx answers from $1" >&2; cat "$WORK/wrk.out" >&2; exit 1; fi
  echo "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out") $(awk '$1=="50%" {print $2}' "$WORK/wrk.out") $(awk '$1=="99%" {print $2}' "$WORK/wrk.out")"
}
declare -a PING PROC LOOK
for r in $(seq 1 "$ROUNDS"); do
  PING+=("$(measure "$PING_URL")")
  PROC+=("$(measure "$PROCEDURE_URL")")
  LOOK+=("$(measure "$LOOKUP_URL")")
done
P=$(median_field 1 "${PING[@]}"); R=$(median_field 1 "${PROC[@]}"); L=$(median_field 1 "${LOOK[@]}")

cat <<REPORT
### Portal pages, $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1)

Load: wrk, 1 thread, $CONNECTIONS connections, gzip accepted, ${DURATION} s per measurement, $ROUNDS alternating rounds,
median shown. The procedure page is rendered whole for every request (catalog, tree and calendar from memory, the due
date computed now), $(wc -c < "$WORK/procedure.html") B of HTML before compression.

| endpoint | requests/s | p50 | p99 | ratio to ceiling |
| --- | ---: | ---: | ---: | ---: |
| \`GET /ping\` (ceiling) | $P | $(median_field 2 "${PING[@]}") | $(median_field 3 "${PING[@]}") | 1.00 |
| \`GET /procedures/1.001193?ward=ba-dinh-dien-bien\` (the procedure page, target ≥ 0.5) | $R | $(median_field 2 "${PROC[@]}") | $(median_field 3 "${PROC[@]}") | **$(ratio "$R" "$P")** |
| \`GET /api/lookup?code=…&phone=…\` (the public look-up, one query) | $L | $(median_field 2 "${LOOK[@]}") | $(median_field 3 "${LOOK[@]}") | **$(ratio "$L" "$P")** |

Rounds (requests/s p50 p99): ping: $(printf '[%s] ' "${PING[@]}"); procedure: $(printf '[%s] ' "${PROC[@]}"); look-up: $(printf '[%s] ' "${LOOK[@]}")
REPORT
