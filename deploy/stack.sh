#!/usr/bin/env bash
# `make stack` / `make stack-stop`: a local production stack on one machine — Varnish (deploy/varnish)
# in front of two gunicorn nodes with production settings, PostgreSQL, Redis and the scheduler as its
# own process. Every process's PID is in var/stack/*.pid; `stop` kills exactly those.
#
#   deploy/stack.sh start | stop | status | manage <command> …
#
# Environment (defaults in brackets): STACK_DB [unionsite_stack], STACK_REDIS_URL
# [redis://127.0.0.1:6379/7], STACK_NODE_B_REDIS_URL [= STACK_REDIS_URL; the tests point node B at
# a proxy they can cut], STACK_VARNISH_PORT [8080], STACK_WORKERS [2 per node], PG_URL
# [postgres://postgres@127.0.0.1:5432]. The node ports 8101/8102 are those in deploy/varnish/backends.vcl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=$ROOT/var/stack
PY=$ROOT/.venv/bin/python
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}
STACK_DB=${STACK_DB:-unionsite_stack}
REDIS=${STACK_REDIS_URL:-redis://127.0.0.1:6379/7}
REDIS_B=${STACK_NODE_B_REDIS_URL:-$REDIS}
VARNISH_PORT=${STACK_VARNISH_PORT:-8080}
WORKERS=${STACK_WORKERS:-2}
NODES=("a:8101" "b:8102")

export DJANGO_SETTINGS_MODULE=unionsite.settings.production
export DATABASE_URL=$PG_URL/$STACK_DB
export SECRET_KEY=${STACK_SECRET_KEY:-stack-$(hostname)-local-only-not-for-the-internet-0123456789}
export SECURE_SSL=0 SERVE_MEDIA=1
export ALLOWED_HOSTS=127.0.0.1,localhost
export CLIENT_IP_HEADER=HTTP_X_REAL_IP
export FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$VARNISH_PORT/
export WAGTAILADMIN_BASE_URL=http://127.0.0.1:$VARNISH_PORT
export STATIC_ROOT=$DIR/static MEDIA_ROOT=$DIR/media
export MALLOC_MMAP_THRESHOLD_=131072
export JOINING_LOOKUP_RATE_LIMIT=${JOINING_LOOKUP_RATE_LIMIT:-10}
export PYTHONUNBUFFERED=1

alive() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

wait_http() {  # url, seconds
    for _ in $(seq 1 "$2"); do
        if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 1
    done
    echo "!! $1 did not answer within $2 s (logs: $DIR/*.log)" >&2
    return 1
}

start() {
    command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || {
        echo "!! varnishd not found: apt-get install varnish" >&2; exit 1; }
    mkdir -p "$DIR"
    if alive varnish; then echo "stack already running (var/stack/*.pid); make stack-stop first"; return 0; fi

    echo "== database $STACK_DB"
    psql "$PG_URL/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$STACK_DB'" | grep -q 1 \
        || psql "$PG_URL/postgres" -qc "CREATE DATABASE $STACK_DB"
    REDIS_URL=$REDIS $PY manage.py migrate --noinput --verbosity 0
    if ! REDIS_URL=$REDIS $PY manage.py shell -c \
        "from home.models import HomePage; import sys; sys.exit(0 if HomePage.objects.exists() else 1)"; then
        echo "== demo content (first start)"
        # Production settings refuse demo content; the loader runs once with dev settings on the same database.
        DJANGO_SETTINGS_MODULE=unionsite.settings.dev REDIS_URL=$REDIS FRONTEND_CACHE_PURGE_URL= $PY manage.py load_demo_content
    fi
    for setup in setup_editorial setup_joining setup_interaction; do
        REDIS_URL=$REDIS $PY manage.py "$setup" --verbosity 0 >/dev/null
    done
    REDIS_URL=$REDIS $PY manage.py collectstatic --noinput --verbosity 0

    for node in "${NODES[@]}"; do
        name=${node%%:*}; port=${node##*:}
        url=$REDIS; [ "$name" = b ] && url=$REDIS_B
        echo "== node $name on 127.0.0.1:$port (REDIS_URL=$url)"
        REDIS_URL=$url setsid "$ROOT/.venv/bin/gunicorn" unionsite.wsgi:application \
            --config "$ROOT/deploy/gunicorn.conf.py" --bind "127.0.0.1:$port" --workers "$WORKERS" \
            --pid "$DIR/node-$name.pid" >"$DIR/node-$name.log" 2>&1 &
    done
    echo "== scheduler"
    REDIS_URL=$REDIS setsid $PY manage.py run_scheduler --interval "${STACK_SCHEDULER_INTERVAL:-10}" \
        >"$DIR/scheduler.log" 2>&1 &
    echo $! >"$DIR/scheduler.pid"

    for node in "${NODES[@]}"; do wait_http "http://127.0.0.1:${node##*:}/robots.txt" 60; done
    echo "== varnish on 127.0.0.1:$VARNISH_PORT"
    local jail=()
    [ "$(id -u)" = 0 ] && jail=(-j none)  # root on a throw-away machine: no privilege separation
    /usr/sbin/varnishd "${jail[@]}" -n "$DIR/varnish" -a "127.0.0.1:$VARNISH_PORT" \
        -f "$ROOT/deploy/varnish/default.vcl" -p "vcl_path=$ROOT/deploy/varnish" \
        -s "malloc,${STACK_VARNISH_MEMORY:-128m}" -P "$DIR/varnish.pid"
    wait_http "http://127.0.0.1:$VARNISH_PORT/robots.txt" 30
    echo "stack up: http://127.0.0.1:$VARNISH_PORT/ (Varnish) · nodes :8101 :8102 · logs var/stack/*.log"
}

stop() {
    local pids=()
    for file in "$DIR"/*.pid; do
        [ -f "$file" ] || continue
        pid=$(cat "$file")
        if kill -0 "$pid" 2>/dev/null; then kill "$pid" && pids+=("$pid"); fi
        rm -f "$file"
    done
    for _ in $(seq 1 30); do
        local left=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
        [ $left = 0 ] && break
        sleep 0.5
    done
    echo "stack stopped"
}

status() {
    for file in "$DIR"/*.pid; do
        [ -f "$file" ] || continue
        name=$(basename "$file" .pid)
        if kill -0 "$(cat "$file")" 2>/dev/null; then echo "$name: running ($(cat "$file"))"; else echo "$name: dead"; fi
    done
}

case "${1:-}" in
    start) start ;;
    # Any manage.py command with node A's environment (the tests publish through it).
    manage) shift; REDIS_URL=$REDIS exec $PY manage.py "$@" ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
