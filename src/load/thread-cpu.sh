#!/usr/bin/env bash
# The service's CPU by kind of thread (docs/load-test.md, "1 and 3 replicas side by side"): which threads of the
# replica JVMs spend the CPU that ./motcua load reports as one figure. Beside a run, from another terminal:
#   bash src/load/thread-cpu.sh sample > /tmp/threads.txt &     # every 5 s while the run's replicas are up
#   bash src/load/thread-cpu.sh report START_MS END_MS REQUESTS < /tmp/threads.txt
# START_MS and END_MS are the steady part's (the first two numbers of target/load/window after the run), REQUESTS the
# steady requests (the "all" row). Samples: "epoch-ms pid tid name ticks", ticks = utime + stime of
# /proc/<pid>/task/<tid>/stat; tid 0 is the whole process (its ended threads included).
set -euo pipefail
cd "$(dirname "$0")/../.."
PIDS=${LOAD_PIDS:-target/load/cluster/pids}

stat_line() { # t pid tid file: one sample, the name's spaces as _
  awk -v t="$1" -v p="$2" -v id="$3" '{c = $0; sub(/^[0-9]+ \(/, "", c); sub(/\) .*$/, "", c); gsub(/ /, "_", c)
    r = $0; sub(/^.*\) /, "", r); split(r, f, " "); print t, p, id, (id == 0 ? "PROCESS" : c), f[12] + f[13]}' "$4" 2>/dev/null || true
}

case "${1:-}" in
  sample)
    while true; do
      t=$(date +%s%3N)
      for p in $(cat "$PIDS"/replica-*.pid 2>/dev/null); do
        stat_line "$t" "$p" 0 "/proc/$p/stat"
        for s in /proc/"$p"/task/*/stat; do stat_line "$t" "$p" "$(basename "$(dirname "$s")")" "$s"; done
      done
      sleep 5
    done ;;
  report)
    awk -v s="$2" -v e="$3" -v n="$4" -v tick="$(getconf CLK_TCK)" '
      function kind(c) {
        if (c ~ /^C[12]_Compiler/) return "the JIT compilers (C1, C2)"
        if (c ~ /^VM_Thread|^GC_|^VM_Periodic/) return "the collector and the VM thread"
        if (c ~ /^vert\.x-eventloo/) return "event loops"
        if (c ~ /^vert\.x-acceptor/) return "the HTTP acceptor"
        if (c ~ /^executor-thread|^vert\.x-worker|^vert\.x-internal/) return "workers"
        # JGroups 5.5 runs on virtual threads (TP.use_vthreads): their carriers and poller.
        if (c ~ /^ForkJoinPool-1-|^MasterPoller|^Read-Poller|^Write-Poller|jgroups|^TQ-|^Timer/) return "the cache cluster (JGroups)"
        return "other"
      }
      { ts[$1] = 1; if ($3 == 0) {P[$1, $2] = $5; pids[$2] = 1} else {T[$1, $2, $3] = $5; K[$2, $3] = kind($4)} }
      END {
        # The samples nearest the steady part start and end; the times are compared as read (no number conversion).
        for (x in ts) { if (a == "" || (x - s) ^ 2 < (a - s) ^ 2) a = x; if (b == "" || (x - e) ^ 2 < (b - e) ^ 2) b = x }
        span = (b - a) / 1000
        for (pt in K) { split(pt, q, SUBSEP)
          if ((b, q[1], q[2]) in T) { d = T[b, q[1], q[2]] - (((a, q[1], q[2]) in T) ? T[a, q[1], q[2]] : 0); S[K[pt]] += d; alive += d } }
        for (p in pids) total += P[b, p] - P[a, p]
        S["other"] += total - alive  # threads that ended in the span
        printf "| threads (span %.0f s) | CPU s | cores | ms per request |\n| --- | ---: | ---: | ---: |\n", span
        for (k in S) printf "| %s | %.1f | %.3f | %.2f |\n", k, S[k] / tick, S[k] / tick / span, S[k] / tick * 1000 / n
        printf "| **all** | **%.1f** | **%.3f** | **%.2f** |\n", total / tick, total / tick / span, total / tick * 1000 / n
      }' ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
