#!/usr/bin/env bash
# Chaos 4 (docs/chaos.md): a replica cut off from the cluster, then healed, under load. Three replicas; each one's
# JGroups transport is bound to an address of its own (127.0.0.11, .12, .13), so replica 3 is cut off from the other
# two, and from nothing else, by dropping every packet from or to 127.0.0.13 (iptables): its HTTP port (reached on
# 127.0.0.1), the proxy's health checks and its database connections go on. While it is cut off, a district
# administrator changes a ward's desk hours through replica 1 (the tenant tree, cached on every replica); after the
# cut is healed, the ward, its procedure and its calendar are read through every replica and compared.
# Without iptables (or CHAOS_PARTITION=sigstop) replica 3 is suspended with SIGSTOP and resumed with SIGCONT instead.
# Run: flock /tmp/motcua-build.lock ./motcua chaos partition
source "$(dirname "$0")/common.sh"
REPLICAS=3
CUT=3
WARD=ba-dinh-ngoc-ha
YEAR=$(date -u +%Y)
MODE=${CHAOS_PARTITION:-iptables}
CUT_SECONDS=${CHAOS_CUT_SECONDS:-50}     # JGroups' failure detection (FD_ALL3) gives up on a member after 40 s
HEAL_SECONDS=${CHAOS_HEAL_SECONDS:-60}   # and MERGE3 looks for split views every 10 to 30 s

if [ "$MODE" = iptables ] && ! command -v iptables >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iptables >/dev/null 2>&1 || true
fi
if [ "$MODE" = iptables ] && ! { command -v iptables >/dev/null && iptables -L INPUT -n >/dev/null 2>&1; }; then
  echo "partition: iptables is not usable here (apt-get install iptables, and CAP_NET_ADMIN): suspending the replica instead" >&2
  MODE=sigstop
fi
ADDR=$(replica_jgroups_addr $CUT)
cut_off() {
  if [ "$MODE" = iptables ]; then
    iptables -I INPUT -s "$ADDR" -j DROP && iptables -I INPUT -d "$ADDR" -j DROP
    CLEANUPS+=("heal_up")
  else
    kill -STOP "$(pid_of replica-$CUT)"; CLEANUPS+=("heal_up")
  fi
}
heal_up() {
  if [ "$MODE" = iptables ]; then
    while iptables -D INPUT -s "$ADDR" -j DROP 2>/dev/null; do :; done
    while iptables -D INPUT -d "$ADDR" -j DROP 2>/dev/null; do :; done
  else
    kill -CONT "$(pid_of replica-$CUT)" 2>/dev/null || true
  fi
}

# What each replica serves of the ward: "r1:<hash> r2:<hash> r3:<hash>" (tenant with desk hours, procedure, calendar).
snapshot() {
  local i port s=""
  for i in $(seq 1 $REPLICAS); do
    port=$(replica_port "$i")
    s+="r$i:$( { curl -s --max-time 5 "http://127.0.0.1:$port/api/tenants/$WARD"
                 curl -s --max-time 5 "http://127.0.0.1:$port/api/procedures/1.000656?tenant=$WARD"
                 curl -s --max-time 5 "http://127.0.0.1:$port/api/calendar/holidays?tenant=$WARD&year=$YEAR"; } | sha256sum | cut -c1-10) "
  done
  echo "${s% }"
}
saturdays() { # each replica's Saturday hours for the ward
  local i s=""
  for i in $(seq 1 $REPLICAS); do
    s+="r$i:$(curl -s --max-time 5 "http://127.0.0.1:$(replica_port "$i")/api/tenants/$WARD" | jq -c '.deskHours.SATURDAY // []') "
  done
  echo "${s% }"
}
same() { [ "$(echo "$1" | tr ' ' '\n' | cut -d: -f2 | sort -u | wc -l)" -eq 1 ]; }
# The desk hours page of the ward through replica $1, as the district's administrator: Saturday set to $2.
set_saturday() {
  local port page csrf
  port=$(replica_port "$1")
  page=$(curl -s -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$port/console/$WARD/settings/hours")
  csrf=$(echo "$page" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --max-time 60 -H "Authorization: Bearer $ADMIN_TOKEN" \
    --data-urlencode "csrf=$csrf" --data-urlencode "MONDAY=07:30-11:30, 13:30-17:00" \
    --data-urlencode "TUESDAY=07:30-11:30, 13:30-17:00" --data-urlencode "WEDNESDAY=07:30-11:30, 13:30-17:00" \
    --data-urlencode "THURSDAY=07:30-11:30, 13:30-17:00" --data-urlencode "FRIDAY=07:30-11:30, 13:30-17:00" \
    --data-urlencode "SATURDAY=$2" --data-urlencode "SUNDAY=" --data-urlencode "reason=chaos $RUN" \
    "http://127.0.0.1:$port/console/$WARD/settings/hours"
}

chaos_start $REPLICAS
ADMIN_TOKEN=$(token staff quantri.badinh)
start_load $((CUT_SECONDS + HEAL_SECONDS + 10)) 3
BEFORE=$(snapshot)
event "before: $BEFORE; Saturday $(saturdays)"
same "$BEFORE" || event "the replicas differ before the cut"
event "cut off replica $CUT ($MODE, JGroups at $ADDR)"
cut_off
sleep 2
event "write 1 through replica 1, replica $CUT still a member: $(set_saturday 1 '07:30-11:00')"
event "during the cut: $(snapshot); Saturday $(saturdays)"
sleep $((CUT_SECONDS - 2))
event "write 2 through replica 1, replica $CUT suspected by now: $(set_saturday 1 '07:30-10:30')"
DURING=$(snapshot)
event "during the cut: $DURING; Saturday $(saturdays)"
event "heal"
heal_up
CONSISTENT=
for _ in $(seq 1 $((HEAL_SECONDS / 5))); do
  sleep 5
  NOW=$(snapshot)
  if same "$NOW"; then CONSISTENT=1; event "consistent: $NOW; Saturday $(saturdays)"; break; fi
  event "not yet: $NOW; Saturday $(saturdays)"
done
# One more change after the heal must reach every replica: the cluster works again.
event "write 3 through replica 1 after the heal: $(set_saturday 1 '')"
sleep 3
AFTER=$(snapshot)
event "after write 3: $AFTER; Saturday $(saturdays)"
same "$AFTER" || CONSISTENT=
wait_load
event "$(proxy_summary)"
echo "partition: $(cat "$WORK/$RUN.load")"
echo "partition: timeline:"; sed 's/^/  /' "$WORK/$RUN.events" | grep -v 'starting\|cluster up'
if RESULT=$(check_dossiers) && [ -n "$CONSISTENT" ]; then
  echo "partition: $RESULT; caches consistent after the heal: PASS"
else
  echo "partition: $RESULT; caches consistent after the heal: ${CONSISTENT:-no}: FAIL"; exit 1
fi
