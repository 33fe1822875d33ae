#!/usr/bin/env bash
# Benchmark of backup and restore (issue 20, item 7; docs/operations.md): seeds the generated 631-tenant tree with
# src/bench/seed-dossiers.sql (BENCH_DOSSIERS, default 100,000) and BENCH_ATTACHMENTS files of BENCH_ATTACHMENT_KB
# random bytes (default 1,000 of 200 KB) with their rows, then times ./motcua backup, verify-backup and restore (into a
# second, freshly created database of the same embedded PostgreSQL and an empty folder), each as the packaged service
# runs it. Run it with ./motcua bench backup (it builds first). Prints a Markdown report; docs/operations.md keeps the
# last one.
set -euo pipefail
cd "$(dirname "$0")/../.."

DOSSIERS=${BENCH_DOSSIERS:-100000}
ATTACHMENTS=${BENCH_ATTACHMENTS:-1000}
ATTACHMENT_KB=${BENCH_ATTACHMENT_KB:-200}
PORT=${BENCH_PORT:-18095}
MGMT_PORT=$((PORT + 1))
WORK=target/bench-backup
source src/bench/common.sh

for tool in psql curl sha256sum; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install postgresql-client curl coreutils" >&2; exit 1; }
done
rm -rf "$WORK"; mkdir -p "$WORK"
java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar generate-tenants "$WORK/tenants" 30 20 >/dev/null

start_services
database_env
# The service once, for the schema and the tenant rows the seed joins; then stopped: the backup runs beside nothing.
MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" start_app
kill $APP; wait $APP 2>/dev/null || true
T0=$(date +%s)
as_super psql -q -v n="$DOSSIERS" -f src/bench/seed-dossiers.sql > "$WORK/seed.out"
as_super psql -At -c "select id from dossier order by id limit $ATTACHMENTS" > "$WORK/ids"
while read -r d; do
  a=$(cat /proc/sys/kernel/random/uuid)
  mkdir -p "$WORK/attachments/$d"
  head -c $((ATTACHMENT_KB * 1024)) /dev/urandom > "$WORK/attachments/$d/$a"
  echo "$a,$d,$(sha256sum < "$WORK/attachments/$d/$a" | cut -c1-64)"
done < "$WORK/ids" > "$WORK/attachments.csv"
as_super psql -q <<SQL
create temp table bench_attachment (id uuid, dossier_id uuid, sha256 text);
\copy bench_attachment from '$WORK/attachments.csv' csv
insert into attachment (id, dossier_id, document, file_name, content_type, size_bytes, stored_bytes, sha256, storage_key, uploaded_by)
select id, dossier_id, 1, 'scan.pdf', 'application/pdf', $((ATTACHMENT_KB * 1024)), $((ATTACHMENT_KB * 1024)), sha256,
       dossier_id || '/' || id, 'citizens:bench'
  from bench_attachment;
SQL
SEED_S=$(( $(date +%s) - T0 ))
DB_SIZE=$(as_super psql -At -c "select pg_size_pretty(pg_database_size(current_database()))")

timed() { # label command...: runs it, keeps its output in $WORK/label.out, prints the seconds it took
  local label=$1; shift
  local t0; t0=$(date +%s.%N)
  "$@" > "$WORK/$label.out" 2>&1 || { cat "$WORK/$label.out" >&2; echo "$label failed" >&2; exit 1; }
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'
}
CLI=(java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar)
BACKUP_S=$(MOTCUA_ATTACHMENTS_DIR="$WORK/attachments" timed backup "${CLI[@]}" backup "$PWD/$WORK/backup")
VERIFY_S=$(timed verify "${CLI[@]}" verify-backup "$PWD/$WORK/backup")
as_super psql -q -d postgres -c "create database motcua_restored owner $MOTCUA_DB_OWNER_USER encoding 'UTF8' template template0" \
  -c "alter database motcua_restored set app.tenants = ''"
RESTORE_S=$(MOTCUA_DB_URL="${MOTCUA_DB_URL%/*}/motcua_restored" MOTCUA_ATTACHMENTS_DIR="$WORK/restored-attachments" \
  timed restore "${CLI[@]}" restore "$PWD/$WORK/backup")
BACKUP_SIZE=$(du -sh "$WORK/backup" | cut -f1)

echo "### Backup and restore, $(date -u +%Y-%m-%d) ($(nproc) cores)"
echo
echo "$DOSSIERS dossiers seeded and $ATTACHMENTS attachments of $ATTACHMENT_KB KB in ${SEED_S} s; database $DB_SIZE, backup folder $BACKUP_SIZE."
echo
echo "| step | seconds | what it printed |"
echo "| --- | ---: | --- |"
for step in backup verify restore; do
  case $step in backup) s=$BACKUP_S ;; verify) s=$VERIFY_S ;; restore) s=$RESTORE_S ;; esac
  echo "| \`$step\` | $s | $(grep -v '^\[motcua\]' "$WORK/$step.out" | sed 's/^ *//' | paste -sd ';' | sed 's/;/; /g') |"
done
