#!/usr/bin/env bash
# Chaos 3 (docs/chaos.md): Keycloak stopped mid-load. Two replicas behind HAProxy; clients submit through the proxy
# with a citizen's token issued before. After 10 s Keycloak stops for 20 s, then starts again on the same port and data.
# While it is away: tokens already issued keep working (the clients' submissions, and an officer's queue read through
# every replica), and a page that needs sign-in answers our Vietnamese page (503 sign-in-unavailable) instead of
# sending the browser to a dead address. After: sign-in leads to Keycloak's login page again.
# Run: flock /tmp/motcua-build.lock ./motcua chaos keycloak-stop
source "$(dirname "$0")/common.sh"
SECONDS_OF_LOAD=${CHAOS_SECONDS:-45}
WORKERS=${CHAOS_WORKERS:-4}
REPLICAS=2
FAILED=()

# The sign-in as a browser starts it: "STATUS where-it-goes title".
sign_in() { # path
  local h b
  h=$(curl -s -o "$WORK/signin.html" -D - -H 'Accept: text/html' "$PROXY$1" | tr -d '\r')
  b=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$WORK/signin.html" | head -1)
  echo "$(echo "$h" | awk 'NR == 1 {print $2}') $(echo "$h" | awk 'tolower($1) == "location:" {sub(/\?.*/, "", $2); print $2}') ${b:-}"
}
# An officer's queue through each replica directly and through the proxy: "200 200 200".
queue_reads() {
  local i out=""
  for i in $(seq 1 $REPLICAS); do
    out+="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $STAFF_TOKEN" "http://127.0.0.1:$(replica_port "$i")/api/t/ba-dinh-dien-bien/queue?limit=5") "
  done
  echo "${out}proxy $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $STAFF_TOKEN" "$PROXY/api/t/ba-dinh-dien-bien/queue?limit=5")"
}
expect() { # label actual pattern
  if [[ "$2" =~ $3 ]]; then event "$1: $2"; else event "$1: $2 (expected $3)"; FAILED+=("$1"); fi
}

chaos_start $REPLICAS
STAFF_TOKEN=$(token staff canbo.dienbien)
expect "queue before" "$(queue_reads)" '^200 200 proxy 200$'
expect "portal sign-in before" "$(sign_in /signin)" "^302 $MOTCUA_OIDC_URL/realms/citizens/"
expect "console sign-in before" "$(sign_in /console)" "^302 $MOTCUA_OIDC_URL/realms/staff/"
start_load "$SECONDS_OF_LOAD" "$WORKERS"
sleep 10
event "Keycloak stops"
stop_part keycloak
event "Keycloak stopped"
expect "queue, Keycloak down (token issued before)" "$(queue_reads)" '^200 200 proxy 200$'
expect "portal sign-in, Keycloak down" "$(sign_in /signin)" '^503 .*Tạm thời chưa đăng nhập được'
cp "$WORK/signin.html" "$WORK/$RUN.signin-down.html"
expect "console sign-in, Keycloak down" "$(sign_in /console)" '^503 .*Tạm thời chưa đăng nhập được'
sleep 15
expect "queue, Keycloak down 15 s later" "$(queue_reads)" '^200 200 proxy 200$'
event "Keycloak starts again"
start_keycloak
event "Keycloak up"
sleep 6  # the service's answer about Keycloak is remembered 5 s
expect "portal sign-in after" "$(sign_in /signin)" "^302 $MOTCUA_OIDC_URL/realms/citizens/"
LOGIN=$(curl -s -o /dev/null -w '%{http_code}' -L -H 'Accept: text/html' "$PROXY/signin")
expect "Keycloak's login page after" "$LOGIN" '^200$'
expect "queue after" "$(queue_reads)" '^200 200 proxy 200$'
wait_load
event "$(proxy_summary)"
echo "keycloak-stop: $(cat "$WORK/$RUN.load")"
echo "keycloak-stop: timeline:"; sed 's/^/  /' "$WORK/$RUN.events" | grep -v 'starting\|cluster up'
if RESULT=$(check_dossiers) && [ ${#FAILED[@]} -eq 0 ]; then
  echo "keycloak-stop: $RESULT: PASS"
else
  echo "keycloak-stop: $RESULT; failed: ${FAILED[*]:-none}: FAIL"; exit 1
fi
