#!/usr/bin/env bash
# Chaos 2 (docs/chaos.md): PostgreSQL restarted mid-load. Two replicas behind HAProxy; clients submit through the
# proxy, retrying with their Idempotency-Key. After 15 s PostgreSQL stops (a fast shutdown: sessions cut), and starts
# again 10 s later on the same port and data. The replicas are never restarted: their readiness must go red while the
# database is away and green again after, by themselves; the timeline of both is printed.
# Passes when the replicas recovered (same processes), and nothing accepted was lost or duplicated.
# Run: flock /tmp/motcua-build.lock ./motcua chaos postgres-restart
source "$(dirname "$0")/common.sh"
SECONDS_OF_LOAD=${CHAOS_SECONDS:-50}
WORKERS=${CHAOS_WORKERS:-6}
REPLICAS=2

chaos_start $REPLICAS
PIDS_BEFORE=$(for i in $(seq 1 $REPLICAS); do pid_of "replica-$i"; done | tr '\n' ' ')
start_watch
start_load "$SECONDS_OF_LOAD" "$WORKERS"
DB_URL_BEFORE=$MOTCUA_DB_URL
sleep 15
event "PostgreSQL stops"
stop_part postgres
event "PostgreSQL stopped"
sleep 10
event "PostgreSQL starts again"
start_postgres
event "PostgreSQL up ($MOTCUA_DB_URL)"
[ "$MOTCUA_DB_URL" = "$DB_URL_BEFORE" ] || { echo "postgres-restart: PostgreSQL came back at another address (its port was taken): FAIL"; exit 1; }
RECOVERED=
for _ in $(seq 1 600); do
  ok=1; for i in $(seq 1 $REPLICAS); do replica_ready "$i" || ok=0; done
  if [ $ok = 1 ]; then RECOVERED=1; event "every replica ready again"; break; fi
  sleep 0.1
done
wait_load
stop_watch
PIDS_AFTER=$(for i in $(seq 1 $REPLICAS); do pid_of "replica-$i"; done | tr '\n' ' ')
event "$(proxy_summary)"
echo "postgres-restart: replicas before $PIDS_BEFORE after $PIDS_AFTER"
echo "postgres-restart: $(cat "$WORK/$RUN.load")"
echo "postgres-restart: readiness timeline:"; grep -E 'PostgreSQL|r1:|every replica' "$WORK/$RUN.events" | sed 's/^/  /'
if RESULT=$(check_dossiers) && [ -n "$RECOVERED" ] && [ "$PIDS_BEFORE" = "$PIDS_AFTER" ]; then
  echo "postgres-restart: $RESULT: PASS"
else
  echo "postgres-restart: $RESULT recovered=${RECOVERED:-no}: FAIL"; exit 1
fi
