#!/usr/bin/env bash
# Chaos 1 (docs/chaos.md): kill -9 of a replica mid-load. Three replicas behind HAProxy; clients submit dossiers
# through the proxy, each with its Idempotency-Key, retrying until they hear a settled answer. Replica 2 is killed
# (SIGKILL: no shutdown, connections cut mid-request) after 20 s and started again 15 s later.
# Passes when no accepted dossier is lost, none is duplicated, and the receipt codes of every agency and day the run
# touched are exactly 1..n. Run: flock /tmp/motcua-build.lock ./motcua chaos kill-replica
source "$(dirname "$0")/common.sh"
SECONDS_OF_LOAD=${CHAOS_SECONDS:-50}
WORKERS=${CHAOS_WORKERS:-8}

chaos_start 3
start_watch
start_load "$SECONDS_OF_LOAD" "$WORKERS"
sleep 20
event "kill -9 replica 2 (pid $(pid_of replica-2))"
stop_part replica-2 KILL
sleep 15
event "replica 2 starts again"
start_replica 2
wait_replica 2
event "replica 2 ready"
wait_load
stop_watch
event "$(proxy_summary)"
echo "kill-replica: $(cat "$WORK/$RUN.load")"
if RESULT=$(check_dossiers); then
  echo "kill-replica: $RESULT: PASS"
else
  echo "kill-replica: $RESULT: FAIL"; exit 1
fi
