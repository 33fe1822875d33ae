# Shared by the benchmark scripts (sourced): the JVM options of ./motcua run, the embedded PostgreSQL and Keycloak
# started before the service, and the medians of the rounds. Expects WORK and PORT to be set.

# The same JVM options as ./motcua run.
JAVA_OPTS=(-XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 -XX:CompileThresholdScaling=5 --enable-native-access=ALL-UNNAMED)
# BENCH_GC_LOG=1 records every collection's pause in $WORK/gc*.log, to tell GC pauses from the rest in a p99.
if [ "${BENCH_GC_LOG:-0}" = 1 ]; then JAVA_OPTS+=("-Xlog:gc:file=$WORK/gc-%p.log:uptime"); fi
# BENCH_JFR=1 records the service with Java Flight Recorder's profiling settings in $WORK/app-<pid>.jfr (read it with
# `jfr print --events jdk.ExecutionSample` or JDK Mission Control): where the time of a slow measurement went.
if [ "${BENCH_JFR:-0}" = 1 ]; then JAVA_OPTS+=("-XX:StartFlightRecording=settings=profile,filename=$WORK/app-%p.jfr,dumponexit=true"); fi
APP=
SERVICES=

# Starts PostgreSQL and Keycloak for the tree in $WORK/tenants (./motcua services) and exports how to reach them;
# both, and the service ($APP), are stopped when the script exits.
start_services() {
  MOTCUA_DATA_DIR="$WORK/data" MOTCUA_TENANTS_DIR="$WORK/tenants" QUARKUS_HTTP_PORT=$PORT \
    java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar services > "$WORK/services.log" 2>&1 &
  SERVICES=$!
  trap 'kill $APP 2>/dev/null || true; kill $SERVICES 2>/dev/null || true; wait 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do grep -q "^export MOTCUA_OIDC_URL" "$WORK/services.log" && break; sleep 1; done
  grep -q "^export MOTCUA_OIDC_URL" "$WORK/services.log" || { cat "$WORK/services.log"; exit 1; }
  eval "$(grep '^export ' "$WORK/services.log")"
}

# Starts the service on $PORT (management on $MGMT_PORT) for the tree in $WORK/tenants, with the caller's extra
# variables, and waits until it is ready; its log is $WORK/app.log. The tenants' API quota is raised out of the way of
# the load (still counted, never reached) unless the caller sets MOTCUA_API_QUOTA.
start_app() {
  MOTCUA_API_QUOTA=${MOTCUA_API_QUOTA:-100000000} \
  MOTCUA_TENANTS_DIR="$WORK/tenants" QUARKUS_HTTP_PORT=$PORT MOTCUA_MANAGEMENT_PORT=$MGMT_PORT \
    java "${JAVA_OPTS[@]}" -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -fs -m 5 -o /dev/null "http://127.0.0.1:$MGMT_PORT/q/health/ready"; do
    kill -0 $APP 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.2
  done
}

# psql and pgbench reach the embedded database: as the application role (row-level security applies), as the owner
# for what only it may do, or as the embedded server's superuser (local trust) for bulk loads and fixtures.
database_env() {
  local db="${MOTCUA_DB_URL#*://}"
  export PGHOST="${db%%:*}" PGPORT="$(echo "$db" | sed 's/^[^:]*:\([0-9]*\).*/\1/')" PGDATABASE="${db##*/}"
}
as_app() { PGUSER=$MOTCUA_DB_USER PGPASSWORD=$MOTCUA_DB_PASSWORD "$@"; }
as_super() { PGUSER=postgres PGPASSWORD= "$@"; }
as_owner() { PGUSER=$MOTCUA_DB_OWNER_USER PGPASSWORD=$MOTCUA_DB_OWNER_PASSWORD "$@"; }

median_field() { # field-index values...: the median of that field over the rounds
  local f=$1; shift
  printf '%s\n' "$@" | awk -v f="$f" '{print $f}' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
