#!/usr/bin/env bash
# Benchmark of issue 18 (printed forms): how long each of the seven forms of Circular 03/2025/TT-VPCP takes to print,
# end to end as an officer's browser asks for it (GET …/forms/<form>.pdf with a bearer token: read under row-level
# security, filled, logged, laid out, rendered to PDF with the fonts embedded). Target: at most 2 s at p95 per form.
# Run it with ./motcua bench forms; docs/benchmarks.md keeps the report.
#
# The dossiers are real: submitted online by a demo citizen and driven through the state machine by the ward's demo
# officers over the API, one per form. The apology needs a late dossier: its due time is moved back in the database
# (as the superuser of the embedded server, like the bulk load of bench dossiers), then the officer apologizes through
# the API. The tracking book is printed for the day, after BENCH_BOOK_SEED more submissions at the same desk: close to
# the 200 lines a print may hold (OfficialForms.MAX_LINES), its worst case. Each form is asked for BENCH_RENDERS times
# one after another (BENCH_BOOK_RENDERS for the book), after BENCH_WARMUP requests each; the figures are the
# percentiles of those times.
set -euo pipefail
cd "$(dirname "$0")/../.."

RENDERS=${BENCH_RENDERS:-60}
BOOK_RENDERS=${BENCH_BOOK_RENDERS:-40}
WARMUP=${BENCH_WARMUP:-10}
BOOK_SEED=${BENCH_BOOK_SEED:-190}
PORT=${BENCH_PORT:-18080}
MGMT_PORT=$((PORT + 1))
WORK=target/bench-forms
WARD=ba-dinh-dien-bien
source src/bench/common.sh

for tool in psql curl; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install postgresql-client curl" >&2; exit 1; }
done
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r tenants "$WORK/tenants"
start_services

MOTCUA_CATALOG_DIR="$WORK/tenants/catalog" MOTCUA_CATALOG_GUIDE="$WORK/tenants/guide.yaml" MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" \
  start_app
database_env

API="http://127.0.0.1:$PORT/api"
token() { # realm user
  curl -fs -d grant_type=password -d client_id=motcua-cli -d username="$2" -d password='Motcua@2026' \
    "$MOTCUA_OIDC_URL/realms/$1/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
CITIZEN=$(token citizens nguyenvana)
RECEIVER=$(token staff canbo.dienbien)
PROCESSOR=$(token staff chuyenvien.dienbien)
APPROVER=$(token staff lanhdao.dienbien)

submit() {
  curl -fs -H "Authorization: Bearer $CITIZEN" -H 'Content-Type: application/json' -H "Idempotency-Key: bench-forms-$RANDOM-$RANDOM-$1" \
    -d '{"procedure":"1.000656","tenant":"'$WARD'","channel":"online-full","applicant":{"fullName":"Đặng Thị Ngọc Hầu","phone":"0912 345 678"},
         "form":{"deceased":{"fullName":"Nguyễn Văn Cả","citizenId":"001045001234","birthDate":"1945-03-02","sex":"nam"},"deathDate":"2026-11-20",
         "deathPlace":"Bệnh viện Bạch Mai","lastResidence":"12 Điện Biên Phủ, Ba Đình, Hà Nội","applicantRelationship":"con","contactPhone":"0912 345 678"}}' \
    "$API/dossiers" | sed 's/.*"receiptCode":"\([^"]*\)".*/\1/'
}
act() { # token code action [json]
  curl -fs -o /dev/null -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "${4:-{\}}" \
    "$API/t/$WARD/dossiers/$2/$3" || { echo "$3 on $2 failed" >&2; exit 1; }
}

RECEIPT=$(submit receipt)
SUPPLEMENT=$(submit supplement); act "$RECEIVER" "$SUPPLEMENT" receive; act "$PROCESSOR" "$SUPPLEMENT" assign
act "$PROCESSOR" "$SUPPLEMENT" request-supplement '{"reason":"Giấy báo tử bản chính do bệnh viện cấp\nBản sao thẻ căn cước của người đi khai tử"}'
REFUSAL=$(submit refusal); act "$RECEIVER" "$REFUSAL" refuse '{"reason":"Người nộp không phải thân nhân của người đã mất"}'
APOLOGY=$(submit apology); act "$RECEIVER" "$APOLOGY" receive; act "$PROCESSOR" "$APOLOGY" assign
as_super psql -q -c "update dossier set due_at = now() - interval '30 days' where receipt_code = '$APOLOGY'" >/dev/null
act "$PROCESSOR" "$APOLOGY" apologize '{"reason":"Chờ bệnh viện xác minh giấy báo tử","appointment":"'"$(date -d '+5 days' --iso-8601=seconds)"'"}'
STOP=$(submit stop); act "$RECEIVER" "$STOP" receive; act "$PROCESSOR" "$STOP" assign; act "$PROCESSOR" "$STOP" propose
act "$APPROVER" "$STOP" reject '{"reason":"Người mất đã được đăng ký khai tử tại phường khác"}'
CONTROL=$(submit control); act "$RECEIVER" "$CONTROL" receive; act "$PROCESSOR" "$CONTROL" assign; act "$PROCESSOR" "$CONTROL" propose
act "$APPROVER" "$CONTROL" approve; act "$RECEIVER" "$CONTROL" mark-result-ready; act "$RECEIVER" "$CONTROL" return '{"channel":"counter"}'

echo "seeding $BOOK_SEED more dossiers at the desk for the tracking book…" >&2
export -f submit; export CITIZEN API WARD
seq 1 "$BOOK_SEED" | xargs -P 4 -I{} bash -c 'submit seed-{} >/dev/null'
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)
LINES=$(as_super psql -At -c "select count(*) from dossier where received_by = '$WARD' and parent_id is null
  and submitted_at >= '$TODAY'::date::timestamp at time zone 'Asia/Ho_Chi_Minh'")

times() { # url count -> one time in seconds a line
  local url=$1 n=$2
  for _ in $(seq 1 "$WARMUP"); do curl -fs -o /dev/null -H "Authorization: Bearer $RECEIVER" "$url" || { echo "failed: $url" >&2; exit 1; }; done
  for _ in $(seq 1 "$n"); do
    curl -fs -o "$WORK/last.pdf" -w '%{time_total}\n' -H "Authorization: Bearer $RECEIVER" "$url" || { echo "failed: $url" >&2; exit 1; }
  done
}
pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.3f", a[i]}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }  # the service's user + system CPU time, in clock ticks
row() { # label url count
  local before after t
  before=$(cpu_ticks)
  t=$(times "$2" "$3")
  after=$(cpu_ticks)
  local bytes; bytes=$(stat -c %s "$WORK/last.pdf")
  # CPU per print: the service's CPU time over the warm-up and measured requests, divided by their number. Unlike the
  # wall time, it hardly moves when other processes share the machine.
  local cpu; cpu=$(awk -v d=$((after - before)) -v n=$(($3 + WARMUP)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", d / hz / n}')
  echo "| $1 | $3 | $(echo "$t" | pct 50) | $(echo "$t" | pct 95) | $(echo "$t" | pct 100) | $cpu | $((bytes / 1024)) KB |"
}

JAVA_VERSION=$(java -version 2>&1 | head -1)
echo
echo "### Printed forms, $(date +%F) on $(nproc) cores, $JAVA_VERSION"
echo
echo "Each form of one dossier, asked for $RENDERS times one after another by the ward's desk officer (the book $BOOK_RENDERS times,"
echo "$LINES lines), after $WARMUP requests each. Seconds from the request to the last byte of the PDF (curl's time_total);"
echo "the service's CPU time per print."
echo
echo "| form | prints | p50 (s) | p95 (s) | max (s) | service CPU per print (s) | size |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
row "01 receipt and appointment slip" "$API/t/$WARD/dossiers/$RECEIPT/forms/receipt.pdf" "$RENDERS"
row "02 request to supplement" "$API/t/$WARD/dossiers/$SUPPLEMENT/forms/supplement-request.pdf" "$RENDERS"
row "03 refusal" "$API/t/$WARD/dossiers/$REFUSAL/forms/refusal.pdf" "$RENDERS"
row "04 apology and request to extend" "$API/t/$WARD/dossiers/$APOLOGY/forms/apology.pdf" "$RENDERS"
row "05 notice that processing stops" "$API/t/$WARD/dossiers/$STOP/forms/stop-notice.pdf" "$RENDERS"
row "06 process control slip" "$API/t/$WARD/dossiers/$CONTROL/forms/control-slip.pdf" "$RENDERS"
BOOK_ROW=$(row "07 tracking book, $LINES lines" "$API/t/$WARD/tracking-book.pdf?from=$TODAY&to=$TODAY" "$BOOK_RENDERS")
echo "$BOOK_ROW"
echo
echo "Load average (1 min) at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores."
echo
echo "Target: p95 at most 2 s for every form (issue 18)."
