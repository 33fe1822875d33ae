#!/usr/bin/env bash
# N replicas of the packaged service behind HAProxy, on one machine, with the embedded PostgreSQL and Keycloak started
# once (docs/cluster.md). Run through ./motcua:
#   ./motcua cluster N      start (N >= 1, default 3) and stay in the foreground; Ctrl-C stops everything
#   ./motcua cluster stop   stop a cluster started from another terminal
# Sourced by the chaos scripts (src/chaos/), which use its functions to stop and start each part.
#
# Each part is its own process, so that a chaos script can stop one and start it again alone:
#   postgres   `quarkus-run.jar services` with MOTCUA_OIDC_URL set: the embedded PostgreSQL only
#   keycloak   `quarkus-run.jar services` with MOTCUA_DB_URL set: the embedded Keycloak only
#   replica-i  the service, clustered cache (MOTCUA_CACHE_MODE=cluster, JGroups bound to 127.0.0.(10+i))
#   haproxy    Debian's haproxy, round-robin, backends checked on /q/health/ready of their management port
# Their process ids are in $CLUSTER_WORK/pids, their logs in $CLUSTER_WORK/logs, the proxy's configuration in
# $CLUSTER_WORK/haproxy.cfg.
#
# Settings (environment): CLUSTER_PORT (the proxy, 8080), CLUSTER_WORK (target/cluster),
# MOTCUA_DATA_DIR (.data, shared with ./motcua run), MOTCUA_EMBEDDED_DB_PORT (54329), MOTCUA_EMBEDDED_OIDC_PORT (8180).
# Replica i answers on port P+1000+i and its management interface on P+1100+i; HAProxy's statistics are on P+1000.

CLUSTER_PORT=${CLUSTER_PORT:-8080}
CLUSTER_WORK=${CLUSTER_WORK:-target/cluster}
CLUSTER_DATA=${MOTCUA_DATA_DIR:-.data}
CLUSTER_DB_PORT=${MOTCUA_EMBEDDED_DB_PORT:-54329}
CLUSTER_OIDC_PORT=${MOTCUA_EMBEDDED_OIDC_PORT:-8180}
CLUSTER_STATS_PORT=$((CLUSTER_PORT + 1000))
# The same JVM options as ./motcua run, with a bounded heap: N replicas share the machine. The AOT cache of the last
# ./motcua run is used when it is up to date, never written (N replicas would write it at once).
CLUSTER_JAVA=(java -XX:+UseSerialGC -Xss512k -Xmx512m -XX:CompileThresholdScaling=5 --enable-native-access=ALL-UNNAMED)
if [ -f target/motcua.aot ] && [ target/motcua.aot -nt target/quarkus-app/quarkus-run.jar ]; then
  CLUSTER_JAVA+=(-XX:AOTCache=target/motcua.aot -Xlog:aot=off -Xlog:cds=off)
fi

replica_port() { echo $((CLUSTER_PORT + 1000 + $1)); }
replica_mgmt() { echo $((CLUSTER_PORT + 1100 + $1)); }
replica_jgroups_addr() { echo "127.0.0.$((10 + $1))"; }
cluster_log() { echo "[cluster $(date -u +%H:%M:%S)] $*" >&2; }
pid_of() { cat "$CLUSTER_WORK/pids/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# start_part NAME [-u VAR] ENV=... -- COMMAND...: in a session of its own (setsid), so that the terminal's Ctrl-C reaches this
# script alone, which then stops the parts in order.
start_part() {
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  mkdir -p "$CLUSTER_WORK/pids" "$CLUSTER_WORK/logs"
  env "${envs[@]}" setsid "$@" >> "$CLUSTER_WORK/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$CLUSTER_WORK/pids/$name.pid"
  disown $!  # stopped through its pid file; no "Killed" notice from this shell
}

# stop_part NAME [SIGNAL]: the signal (TERM by default), then up to 40 s for it to end, then KILL.
stop_part() {
  local name=$1 sig=${2:-TERM} p
  p=$(pid_of "$name")
  [ -n "$p" ] || return 0
  if kill -0 "$p" 2>/dev/null; then
    kill -s "$sig" "$p" 2>/dev/null || true
    for _ in $(seq 1 400); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$p" 2>/dev/null; then
      cluster_log "$name ($p) did not stop in 40 s: KILL"
      kill -KILL "$p" 2>/dev/null || true
    fi
  fi
  rm -f "$CLUSTER_WORK/pids/$name.pid"
}

# The exports a `services` process printed (how to reach what it started), into this shell.
load_exports() { # name
  for _ in $(seq 1 300); do
    grep -q '^export ' "$CLUSTER_WORK/logs/$1.log" 2>/dev/null && grep -q '=====' "$CLUSTER_WORK/logs/$1.log" && break
    alive "$1" || { cat "$CLUSTER_WORK/logs/$1.log" >&2; cluster_log "$1 did not start"; return 1; }
    sleep 0.5
  done
  eval "$(grep '^export ' "$CLUSTER_WORK/logs/$1.log")"
}

# launch_* start a part; start_* also wait until it is up and load how to reach it.
launch_postgres() {
  mkdir -p "$CLUSTER_WORK/logs"; : > "$CLUSTER_WORK/logs/postgres.log"
  # MOTCUA_OIDC_URL set: this process embeds PostgreSQL only (EmbeddedSettings: a server is embedded when no URL is set).
  start_part postgres -u MOTCUA_DB_URL MOTCUA_DATA_DIR="$CLUSTER_DATA" MOTCUA_EMBEDDED_DB_PORT="$CLUSTER_DB_PORT" \
    MOTCUA_OIDC_URL="http://127.0.0.1:$CLUSTER_OIDC_PORT" -- "${CLUSTER_JAVA[@]}" -jar target/quarkus-app/quarkus-run.jar services
}
start_postgres() { launch_postgres; load_exports postgres; cluster_log "PostgreSQL: $MOTCUA_DB_URL"; }

launch_keycloak() {
  mkdir -p "$CLUSTER_WORK/logs"; : > "$CLUSTER_WORK/logs/keycloak.log"
  # MOTCUA_DB_URL set: Keycloak only. Its realms allow sign-in redirects to the proxy's port (QUARKUS_HTTP_PORT).
  start_part keycloak -u MOTCUA_OIDC_URL MOTCUA_DATA_DIR="$CLUSTER_DATA" MOTCUA_EMBEDDED_OIDC_PORT="$CLUSTER_OIDC_PORT" \
    QUARKUS_HTTP_PORT="$CLUSTER_PORT" MOTCUA_DB_URL="postgresql://127.0.0.1:1/none" \
    -- "${CLUSTER_JAVA[@]}" -jar target/quarkus-app/quarkus-run.jar services
}
start_keycloak() { launch_keycloak; load_exports keycloak; cluster_log "Keycloak: $MOTCUA_OIDC_URL"; }

start_replica() { # i
  local i=$1
  mkdir -p "$CLUSTER_WORK/logs"; : > "$CLUSTER_WORK/logs/replica-$i.log"
  start_part "replica-$i" MOTCUA_DB_URL="$MOTCUA_DB_URL" MOTCUA_DB_USER="$MOTCUA_DB_USER" MOTCUA_DB_PASSWORD="$MOTCUA_DB_PASSWORD" \
    MOTCUA_DB_OWNER_USER="$MOTCUA_DB_OWNER_USER" MOTCUA_DB_OWNER_PASSWORD="$MOTCUA_DB_OWNER_PASSWORD" \
    MOTCUA_OIDC_URL="$MOTCUA_OIDC_URL" MOTCUA_OIDC_CONSOLE_SECRET="$MOTCUA_OIDC_CONSOLE_SECRET" \
    MOTCUA_OIDC_PORTAL_SECRET="$MOTCUA_OIDC_PORTAL_SECRET" MOTCUA_OIDC_EMBEDDED="${MOTCUA_OIDC_EMBEDDED:-true}" \
    MOTCUA_CACHE_MODE=cluster MOTCUA_CACHE_BIND_ADDR="$(replica_jgroups_addr "$i")" \
    QUARKUS_HTTP_PORT="$(replica_port "$i")" MOTCUA_MANAGEMENT_PORT="$(replica_mgmt "$i")" \
    MOTCUA_TRUSTED_PROXIES=127.0.0.1 MOTCUA_NOTIFY_PORTAL_URL="http://localhost:$CLUSTER_PORT" \
    MOTCUA_ATTACHMENTS_DIR="$CLUSTER_DATA/attachments" \
    -- "${CLUSTER_JAVA[@]}" -jar target/quarkus-app/quarkus-run.jar
}

replica_ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(replica_mgmt "$1")/q/health/ready"; }

wait_replica() { # i [seconds]
  local i=$1 limit=$(( ${2:-180} * 10 ))
  for _ in $(seq 1 "$limit"); do
    replica_ready "$i" && return 0
    alive "replica-$i" || { tail -40 "$CLUSTER_WORK/logs/replica-$i.log" >&2; cluster_log "replica $i stopped"; return 1; }
    sleep 0.1
  done
  cluster_log "replica $i not ready in ${2:-180} s"; return 1
}

write_haproxy_cfg() { # n
  local n=$1 i
  {
    cat <<EOF
# Generated by src/cluster/cluster.sh for $n replicas: do not edit (docs/cluster.md).
global
    log stdout format raw local0 info
    maxconn 4096

defaults
    mode http
    log global
    option httplog
    # Only what goes wrong is logged (5xx, retries, redispatches), and every change of a backend's state.
    option dontlog-normal
    option forwardfor
    timeout connect 2s
    timeout client 60s
    # Server-Sent Events (the desk's live counts) keep a response open: the service sends a heartbeat within this.
    timeout server 60s
    # A connection refused (a replica gone) is tried again on another replica: nothing reached the service yet, so
    # even a POST is safe to send again. A request that did reach a replica is never replayed here: the client
    # retries it with its Idempotency-Key.
    retries 3
    option redispatch 1

frontend motcua
    bind 127.0.0.1:$CLUSTER_PORT
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk
    http-check send meth GET uri /q/health/ready
    http-check expect status 200
    # A replica that is slow because the machine is busy must stay in: taking it out puts its share on the others,
    # which are as busy, and cuts its requests in flight (the peak-morning run of docs/load-test.md lost half its
    # requests that way, with 1 s per check and out after 2 misses). A replica that is gone must still go fast.
    # - timeout check 5s: the check's answer may take 5 s (its connect: min(timeout connect, inter) = 2 s). The check
    #   is a readiness that asks PostgreSQL through the replica's own pool, so under load it waits in the same line
    #   as the requests; 5 s is over ten times the slowest kind's p99 on a loaded but healthy replica.
    # - fall 3: out only after 3 misses in a row, 17 s without an answer (5 + 1 + 5 + 1 + 5 s): by then it is not
    #   serving anyway. A replica killed refuses the connection at once, so its checks fail without waiting:
    #   out within 4 s (the next check within inter 2s, then 2 more fastinter 1s apart), and meanwhile every
    #   connection it refuses is sent to another replica (retries, redispatch) without the client seeing it. The
    #   cost: a replica hung with its port open (stopped, stuck) stays in up to 19 s instead of about 4 s.
    # - inter 2s: half as many checks as before on a busy machine; rise 2: back after 2 good checks, 1 s apart.
    # - The requests in flight on a replica taken out are left to finish (no on-marked-down shutdown-sessions): it
    #   only gets no new ones. Cutting them turned each removal of an overloaded replica into hundreds of 502s (the
    #   scale-10 run on three replicas: 15,014 requests cut, 8 removals each). A killed replica's connections close
    #   with it anyway; a hung one's wait for timeout server, or for the client to give up and retry.
    timeout check 5s
    default-server inter 2s fastinter 1s fall 3 rise 2
EOF
    for i in $(seq 1 "$n"); do
      echo "    server replica-$i 127.0.0.1:$(replica_port "$i") check port $(replica_mgmt "$i")"
    done
    cat <<EOF

listen stats
    bind 127.0.0.1:$CLUSTER_STATS_PORT
    stats enable
    stats uri /
    stats refresh 5s
EOF
  } > "$CLUSTER_WORK/haproxy.cfg"
}

need_haproxy() {
  command -v haproxy >/dev/null && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    cluster_log "installing Debian's haproxy (apt-get install -y haproxy)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
  fi
  command -v haproxy >/dev/null || { echo "HAProxy is needed: sudo apt-get install -y haproxy" >&2; return 1; }
}

start_haproxy() {
  haproxy -c -q -f "$CLUSTER_WORK/haproxy.cfg" || { cluster_log "haproxy.cfg refused"; return 1; }
  start_part haproxy -- haproxy -db -f "$CLUSTER_WORK/haproxy.cfg"
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$CLUSTER_STATS_PORT/" && return 0; sleep 0.1; done
  cluster_log "haproxy did not start"; cat "$CLUSTER_WORK/logs/haproxy.log" >&2; return 1
}

# HAProxy's view of each replica: "replica-1 UP" lines (its statistics as CSV).
proxy_backends() {
  curl -fs "http://127.0.0.1:$CLUSTER_STATS_PORT/;csv" | awk -F, '$1 == "replicas" && $2 != "BACKEND" {print $2, $18}'
}


# Everything, in order: the proxy, the replicas (together), Keycloak, PostgreSQL.
stop_cluster() {
  [ -d "$CLUSTER_WORK/pids" ] || return 0
  stop_part haproxy
  local r
  for r in $(ls "$CLUSTER_WORK/pids" | sed -n 's/^\(replica-[0-9]*\)\.pid$/\1/p'); do
    kill -TERM "$(pid_of "$r")" 2>/dev/null || true
  done
  for r in $(ls "$CLUSTER_WORK/pids" | sed -n 's/^\(replica-[0-9]*\)\.pid$/\1/p'); do stop_part "$r"; done
  stop_part keycloak
  stop_part postgres
}

start_cluster() { # n
  local n=$1 i
  CLUSTER_N=$n
  need_haproxy
  if [ -n "$(ls "$CLUSTER_WORK/pids" 2>/dev/null)" ]; then
    for f in "$CLUSTER_WORK"/pids/*.pid; do
      kill -0 "$(cat "$f")" 2>/dev/null && { echo "A cluster is running already ($CLUSTER_WORK/pids): ./motcua cluster stop" >&2; return 1; }
    done
    rm -f "$CLUSTER_WORK"/pids/*.pid
  fi
  mkdir -p "$CLUSTER_WORK/pids" "$CLUSTER_WORK/logs"
  rm -f "$CLUSTER_WORK"/logs/*.log
  # PostgreSQL and Keycloak together (Keycloak takes longer); then the first replica alone (it migrates the schema
  # and syncs the tenants), then the others together.
  launch_keycloak
  start_postgres
  load_exports keycloak
  cluster_log "Keycloak: $MOTCUA_OIDC_URL"
  start_replica 1
  wait_replica 1
  for i in $(seq 2 "$n"); do start_replica "$i"; done
  for i in $(seq 2 "$n"); do wait_replica "$i"; done
  write_haproxy_cfg "$n"
  start_haproxy
  for _ in $(seq 1 50); do [ "$(proxy_backends | grep -c ' UP$')" -eq "$n" ] && break; sleep 0.1; done
}

cluster_banner() { # n
  local n=$1 i
  echo
  echo "==================== Motcua cluster: $n replicas behind HAProxy ===================="
  echo "  Proxy (portal, console, API)   http://localhost:$CLUSTER_PORT/"
  echo "  HAProxy statistics             http://127.0.0.1:$CLUSTER_STATS_PORT/"
  for i in $(seq 1 "$n"); do
    printf '  replica %-2s http://127.0.0.1:%s   ready: http://127.0.0.1:%s/q/health/ready   JGroups %s\n' \
      "$i" "$(replica_port "$i")" "$(replica_mgmt "$i")" "$(replica_jgroups_addr "$i")"
  done
  echo "  PostgreSQL (embedded)          $MOTCUA_DB_URL"
  echo "  Keycloak (embedded)            $MOTCUA_OIDC_URL/admin   admin / admin"
  echo "  Configuration, logs            $CLUSTER_WORK/haproxy.cfg, $CLUSTER_WORK/logs/"
  echo "  Ctrl-C (or ./motcua cluster stop) stops everything; data stays in $CLUSTER_DATA/"
  echo "====================================================================================="
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/../.."
  case "${1:-3}" in
    stop)
      [ -d "$CLUSTER_WORK/pids" ] || { echo "No cluster in $CLUSTER_WORK"; exit 0; }
      stop_cluster
      echo "Cluster stopped." ;;
    *[!0-9]*|0)
      echo "usage: ./motcua cluster [N]   (N replicas, default 3)   |   ./motcua cluster stop" >&2; exit 2 ;;
    *)
      N=$1
      trap 'trap - INT TERM EXIT; echo; cluster_log "stopping"; stop_cluster; exit 0' INT TERM
      trap 'stop_cluster' EXIT
      start_cluster "$N"
      cluster_banner "$N"
      # Until Ctrl-C, or until ./motcua cluster stop from another terminal removes the proxy.
      while alive haproxy; do sleep 1; done
      ;;
  esac
fi
