#!/usr/bin/env bash
# The proxy's own rates (issue 17's "cached page ≥ 90 % of the static-file rate"), measured with a C
# load generator so the client is not the bottleneck: wrk (Debian's `wrk`, bench-only:
# apt-get install wrk) against Varnish, one URL at a time, same threads, connections and duration:
#   a cached article, the cached home page, a static file of comparable size (the site stylesheet,
#   ~28 KB) and the tiny robots.txt. Each with the header browsers and locust send
#   (Accept-Encoding: gzip) and without it (identity). Varnish's hit/miss counters before and after
#   show the pages came from the cache.
#
#   make stack && flock -x /work/cpu.lock bench/proxy_ratio.sh      # THREADS=2 CONNECTIONS=40 RATIO_DURATION=15s
set -euo pipefail
cd "$(dirname "$0")/.."
PROXY=${PROXY:-http://127.0.0.1:8080}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-40}
DURATION=${RATIO_DURATION:-15s}
ENCODINGS=${ENCODINGS:-"gzip identity"}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
curl -fsS -o /dev/null "$PROXY/robots.txt" || { echo "stack not running: make stack" >&2; exit 1; }

article=$(curl -fsS "$PROXY/sitemap.xml" | grep -o '<loc>[^<]*' | sed 's/<loc>//; s#^https\?://[^/]*##' \
    | awk -F/ 'NF >= 5' | grep -v '^/news/' | head -1)
stylesheet=/static/$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['paths']['css/site.css'])" \
    var/stack/static/staticfiles.json)
URLS=("$article" / "$stylesheet" /robots.txt)
NAMES=(article home stylesheet robots.txt)

varnish_counters() {
    varnishstat -n "$PWD/var/stack/varnish" -1 -f MAIN.cache_hit -f MAIN.cache_miss -f MAIN.client_req \
        | awk '{printf "%s=%s ", $1, $2} END {print ""}'
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC') load: $(uptime | sed 's/.*load average: //')"
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION through $PROXY"
for i in "${!URLS[@]}"; do
    for _ in 1 2; do curl -fsS -o /dev/null -H 'Accept-Encoding: gzip' "$PROXY${URLS[$i]}"; curl -fsS -o /dev/null "$PROXY${URLS[$i]}"; done
    echo "-- ${NAMES[$i]} ${URLS[$i]}: $(curl -fsS -o /dev/null -D - -H 'Accept-Encoding: gzip' "$PROXY${URLS[$i]}" \
        | tr -d '\r' | grep -iE '^(x-cache|age|content-length|content-encoding):' | tr '\n' ' ')"
done
echo "counters before: $(varnish_counters)"
printf '%-11s %-9s %10s %9s %9s %9s %8s\n' what encoding req/s "avg ms" "p50 ms" "p99 ms" "KB/req"
declare -A RATE
for enc in $ENCODINGS; do
    for i in "${!URLS[@]}"; do
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $enc" "$PROXY${URLS[$i]}")
        rate=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
        bytes=$(awk '/^Transfer\/sec/ {v=$2; u=substr(v, length(v)-1); n=v+0;
            if (u=="KB") n*=1024; else if (u=="MB") n*=1048576; else if (u=="GB") n*=1073741824; print n}' <<<"$out")
        errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
        printf '%-11s %-9s %10s %9s %9s %9s %8.1f %s\n' "${NAMES[$i]}" "$enc" "$rate" \
            "$(awk '/^    Latency/ {print $2}' <<<"$out")" "$(awk '/^ +50%/ {print $2}' <<<"$out")" \
            "$(awk '/^ +99%/ {print $2}' <<<"$out")" "$(awk -v b="$bytes" -v r="$rate" 'BEGIN {print b / r / 1024}')" "$errors"
        RATE[${NAMES[$i]}/$enc]=$rate
    done
done
echo "counters after:  $(varnish_counters)"
for enc in $ENCODINGS; do
    for page in article home; do
        awk -v p="${RATE[$page/$enc]}" -v s="${RATE[stylesheet/$enc]}" -v r="${RATE[robots.txt/$enc]}" -v n="$page" -v e="$enc" \
            'BEGIN {printf "ratio %-7s %-8s / stylesheet = %5.1f %%   / robots.txt = %5.1f %%\n", n, e, 100 * p / s, 100 * p / r}'
    done
done
echo "== load at the end: $(uptime | sed 's/.*load average: //')"
