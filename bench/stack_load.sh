#!/usr/bin/env bash
# Load test of the production stack (make stack): locust headless, in one run:
#   1. readers + editor + checker through Varnish (DURATION, default 5m),
#   2. the same proxy serving one small cached file (the ceiling; SHORT, default 60s),
#   3. readers straight at node A without the proxy (the origin; SHORT).
# Then the gunicorn workers' memory (RSS, PSS, USS) and, with wrk installed, the proxy's own rates for a
# cached page against a static file (bench/proxy_ratio.sh: locust cannot saturate Varnish).
# Results: var/stack/bench/*.csv and the printed table.
#
#   make stack && bench/stack_load.sh            # USERS=40 DURATION=5m SHORT=60s
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-40}
DURATION=${DURATION:-5m}
SHORT=${SHORT:-60s}
OUT=var/stack/bench
mkdir -p "$OUT"
LOCUST=.venv/bin/locust
curl -fsS -o /dev/null http://127.0.0.1:8080/robots.txt || { echo "stack not running: make stack" >&2; exit 1; }

run() {  # name host duration classes…
    local name=$1 host=$2 duration=$3; shift 3
    echo "== $name: $host for $duration ($*)"
    $LOCUST -f bench/locustfile.py --headless --host "$host" -u "$USERS" -r "$USERS" -t "$duration" \
        --csv "$OUT/$name" --only-summary "$@" 2>"$OUT/$name.log" || true
}

run proxy http://127.0.0.1:8080 "$DURATION" Reader Editor Checker
run static http://127.0.0.1:8080 "$SHORT" StaticFile
run origin http://127.0.0.1:8101 "$SHORT" Reader

echo "== results (requests/s, percentiles in ms)"
for name in proxy static origin; do
    echo "-- $name"
    column -s, -t <"$OUT/${name}_stats.csv" | cut -c1-200
done
echo "== failures"
cat "$OUT"/*_failures.csv 2>/dev/null | head -20
echo "== gunicorn workers after the run (MB; USS = Private_Clean + Private_Dirty of /proc/PID/smaps_rollup)"
for pidfile in var/stack/node-a.pid var/stack/node-b.pid; do
    master=$(cat "$pidfile")
    for pid in $(pgrep -P "$master"); do
        echo "$(basename "$pidfile" .pid) worker $pid: $(awk '$1 == "Rss:" {r = $2} $1 == "Pss:" {p = $2}
            $1 ~ /^Private_(Clean|Dirty):$/ {u += $2} END {printf "RSS %.1f  PSS %.1f  USS %.1f", r / 1024, p / 1024, u / 1024}' \
            "/proc/$pid/smaps_rollup")"
    done
done
if command -v wrk >/dev/null; then bench/proxy_ratio.sh; else echo "(wrk not installed: no proxy ratio; apt-get install wrk)"; fi
