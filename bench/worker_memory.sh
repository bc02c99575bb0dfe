#!/usr/bin/env bash
# A gunicorn node's memory after a load run (issue 17: "a worker under 110 MB resident"): starts
# gunicorn from a source tree (default: this one) with deploy/gunicorn.conf.py of that tree and the
# stack's production environment, drives it with locust's Reader mix (bench/locustfile.py) for
# DURATION, then prints the master's and every worker's RSS, PSS and USS (/proc/PID/smaps_rollup).
#
#   flock -x /work/cpu.lock bench/worker_memory.sh [SOURCE_TREE] [PORT]   # USERS=8 DURATION=60s WORKERS=2
#
# Needs the stack's database (make stack once); uses Redis DB ${MEM_REDIS_DB:-15}.
# SERVER_VENV=DIR serves from another virtualenv, e.g. a production install of requirements.txt
# alone (the development venv also holds the dev tools' libraries, which some packages load when
# they find them installed); locust always comes from this tree's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TREE=$(cd "${1:-$ROOT}" && pwd)
PORT=${2:-8201}
USERS=${USERS:-8}
DURATION=${DURATION:-60s}
OUT=var/stack/bench
mkdir -p "$OUT"
export DJANGO_SETTINGS_MODULE=unionsite.settings.production
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/unionsite_stack}
export REDIS_URL=redis://127.0.0.1:6379/${MEM_REDIS_DB:-15}
export SECRET_KEY=memory-bench-local-only-not-for-the-internet-0123456789abcdef
export SECURE_SSL=0 SERVE_MEDIA=1 ALLOWED_HOSTS=127.0.0.1,localhost CLIENT_IP_HEADER=HTTP_X_REAL_IP
export STATIC_ROOT=$ROOT/var/stack/static MEDIA_ROOT=$ROOT/var/stack/media
export MALLOC_MMAP_THRESHOLD_=131072 WEB_CONCURRENCY=${WORKERS:-2}

mb() { awk -v k="$2" '$1 == k":" {s += $2} END {printf "%.1f", s / 1024}' "/proc/$1/smaps_rollup"; }
report() {
    local pid=$1 role=$2
    printf '%-7s %7s  RSS %6s MB  PSS %6s MB  USS %6s MB\n' "$role" "$pid" "$(mb "$pid" Rss)" "$(mb "$pid" Pss)" \
        "$(awk '$1 ~ /^Private_(Clean|Dirty):$/ {s += $2} END {printf "%.1f", s / 1024}' "/proc/$pid/smaps_rollup")"
}

cd "$TREE"
"${SERVER_VENV:-$ROOT/.venv}/bin/gunicorn" unionsite.wsgi:application --config deploy/gunicorn.conf.py \
    --bind "127.0.0.1:$PORT" --pid "$ROOT/$OUT/memory-$PORT.pid" >"$ROOT/$OUT/memory-$PORT.log" 2>&1 &
cd "$ROOT"
trap 'kill "$(cat "$OUT/memory-$PORT.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/robots.txt" 2>/dev/null && break; sleep 1; done
master=$(cat "$OUT/memory-$PORT.pid")
echo "== $TREE on :$PORT, ${SERVER_VENV:-$ROOT/.venv} ($(git -C "$TREE" rev-parse --short HEAD 2>/dev/null || echo export)); before the load"
for pid in $master $(pgrep -P "$master"); do report "$pid" "$([ "$pid" = "$master" ] && echo master || echo worker)"; done
.venv/bin/locust -f bench/locustfile.py --headless --host "http://127.0.0.1:$PORT" -u "$USERS" -r "$USERS" \
    -t "$DURATION" --csv "$OUT/memory-$PORT" --only-summary Reader 2>"$OUT/memory-$PORT.locust.log" || true
echo "== after $DURATION of locust's Reader mix, $USERS users: $(awk -F, '$2 == "Aggregated" {print $3 " requests, " $4 " failures, " $10 " req/s"}' "$OUT/memory-${PORT}_stats.csv")"
for pid in $master $(pgrep -P "$master"); do report "$pid" "$([ "$pid" = "$master" ] && echo master || echo worker)"; done
