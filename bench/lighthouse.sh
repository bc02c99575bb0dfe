#!/usr/bin/env bash
# Lighthouse (mobile) on the home page and an article of the demo site, served by gunicorn with the
# production settings (DEBUG off, compressed static files with far-future caching) on localhost.
# Not part of `make test`. Needs /usr/bin/chromium and npm (runs the pinned lighthouse with npx).
#
#   bench/lighthouse.sh                 # fresh demo database in /tmp/lighthouse-var, port 8190
#   PORT=8191 RUNS=3 bench/lighthouse.sh
#
# Prints the four category scores per page (median of RUNS runs) and keeps the JSON reports in
# $VAR_DIR/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION=12.8.2
PORT=${PORT:-8190}
RUNS=${RUNS:-3}
export VAR_DIR=${VAR_DIR:-/tmp/lighthouse-var}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PY=.venv/bin/python
BASE="http://127.0.0.1:$PORT"

rm -rf "$VAR_DIR" && mkdir -p "$VAR_DIR/reports"
echo "== demo site in $VAR_DIR"
DJANGO_SETTINGS_MODULE=unionsite.settings.dev $PY manage.py migrate --noinput -v0
DJANGO_SETTINGS_MODULE=unionsite.settings.dev $PY manage.py load_demo_content >/dev/null
# Absolute URLs (canonical, og:url) must name the address Lighthouse visits.
DJANGO_SETTINGS_MODULE=unionsite.settings.dev $PY manage.py shell -v0 -c "
from wagtail.models import Site
Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port=$PORT)"
ARTICLE=$(DJANGO_SETTINGS_MODULE=unionsite.settings.dev $PY manage.py shell -v0 -c "
from news.models import ArticlePage
print(ArticlePage.objects.live().public().exclude(lead_image=None).order_by('-display_date').first().url)")

export DJANGO_SETTINGS_MODULE=unionsite.settings.production
export SECRET_KEY=lighthouse-bench-not-secret-$(hostname) SECURE_SSL=0 ALLOWED_HOSTS=127.0.0.1,localhost
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn bench.lighthouse_wsgi:application --chdir . --bind "127.0.0.1:$PORT" --workers 2 \
    --log-level warning &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$BASE/" -o /dev/null && break; sleep 1; done

# First views render the image sizes; warm them so Lighthouse measures what readers normally get.
for path in / "$ARTICLE"; do curl -fs "$BASE$path" -o /dev/null; done

CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync"
for name in home article; do
    path=/; [ "$name" = article ] && path=$ARTICLE
    for run in $(seq 1 "$RUNS"); do
        npx --yes "lighthouse@$LIGHTHOUSE_VERSION" "$BASE$path" --quiet --form-factor=mobile \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="$CHROME_FLAGS" --output=json \
            --output-path="$VAR_DIR/reports/$name-$run.json" >/dev/null
    done
done

$PY - "$VAR_DIR/reports" <<'PYEOF'
import json, statistics, sys
from pathlib import Path

reports = Path(sys.argv[1])
for name in ("home", "article"):
    runs = [json.loads(p.read_text()) for p in sorted(reports.glob(f"{name}-*.json"))]
    scores = {
        key: statistics.median(round(r["categories"][key]["score"] * 100) for r in runs)
        for key in ("performance", "accessibility", "best-practices", "seo")
    }
    audits = runs[0]["audits"]
    print(f"{name:8} {runs[0]['finalDisplayedUrl']}")
    print("         " + "  ".join(f"{k} {v:g}" for k, v in scores.items()))
    print(
        "         LCP {:.2f} s, TBT {:.0f} ms, CLS {:.3f}, transfer {:.0f} KB".format(
            audits["largest-contentful-paint"]["numericValue"] / 1000,
            audits["total-blocking-time"]["numericValue"],
            audits["cumulative-layout-shift"]["numericValue"],
            audits["total-byte-weight"]["numericValue"] / 1024,
        )
    )
    for r in runs[:1]:
        for cat in r["categories"].values():
            for ref in cat["auditRefs"]:
                a = r["audits"][ref["id"]]
                if ref.get("weight") and a.get("score") is not None and a["score"] < 0.9:
                    print(f"         - {cat['title']}: {a['title']} ({a['score']})")
PYEOF
