"""Benchmark: median server time of each news page type on many articles.

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/news-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/news-bench .venv/bin/python manage.py load_demo_content
    VAR_DIR=/tmp/news-bench .venv/bin/python manage.py generate_bulk_content --articles 10000
    VAR_DIR=/tmp/news-bench .venv/bin/python bench/news_pages.py --repeat 50

Each page type is requested `--repeat` times in-process through Django's test
client (whole stack: middleware, Wagtail routing, page serving, templates);
article pages rotate through 25 different articles. Three figures per page:

- "uncached": no page cache: the page is routed, served and rendered, with the
  app's data and fragment caches warm (sitecache.cache: routes, menus,
  breadcrumbs, settings, the rendered article text and listing items; QR code,
  热点排行), as on a running site between two edits;
- "cold": the same, right after an edit emptied the site cache (every request
  here follows a version change), i.e. the first view of a page after a
  publication;
- "cached": Django's cache middleware in front, standing in for the reverse
  proxy / CDN. Like Varnish and a CDN it keeps a response for its `s-maxage`
  (Django's own middleware reads only `max-age`, which listings set to 0 so
  that browsers revalidate them; read by Django's, they would never be cached).

DEBUG is off. Set DATABASE_URL for PostgreSQL.
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.middleware.cache import UpdateCacheMiddleware  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

settings.DEBUG = False


class SharedCacheUpdateMiddleware(UpdateCacheMiddleware):
    """Django's cache middleware, keeping a response for `s-maxage` as a shared cache does."""

    def process_response(self, request, response):
        shared_seconds = re.search(r"s-maxage=(\d+)", response.get("Cache-Control", ""))
        # One request at a time in this script, so the instance attribute is safe here.
        self.page_timeout = int(shared_seconds.group(1)) if shared_seconds else None
        return super().process_response(request, response)


CACHE_MIDDLEWARE = (
    [f"{__name__}.SharedCacheUpdateMiddleware"]
    + list(settings.MIDDLEWARE)
    + ["django.middleware.cache.FetchFromCacheMiddleware"]
)


def scenarios():
    from news.models import ArticlePage, NewsIndexPage, NewsSectionPage

    index = NewsIndexPage.objects.live().first()
    section = max(NewsSectionPage.objects.live(), key=lambda s: ArticlePage.objects.child_of(s).count())
    articles = list(
        ArticlePage.objects.published().order_by("?").only("id", "url_path", "path", "depth", "title")[:25]
    )
    article_urls = [article.url for article in articles]
    year = articles[0].display_date.year if articles[0].display_date else 2020
    from home.models import StandardPage

    baseline = StandardPage.objects.live().order_by("pk").first()
    return [
        # Not a news page: the cost every page shares (chrome, menu, footer, site settings, feeds).
        *([("baseline: plain page", [baseline.url])] if baseline else []),
        ("home /", ["/"]),
        ("section page 1", [section.url]),
        ("section page 50", [section.url + "?page=50"]),
        ("news index (latest)", [index.url]),
        ("tag page (12351)", [index.url + "tags/12351/"]),
        ("year archive", [index.url + f"{year}/"]),
        ("month archive", [index.url + f"{year}/6/"]),
        ("article (25 rotating)", article_urls),
    ]


def measure(client, urls, repeat, cold=False):
    try:
        from sitecache.cache import bump_version
    except ImportError:  # checkouts before the architecture step (issue 13), measured for comparison
        from home.site_cache import bump_version

    for url in urls:  # warm: renditions, QR codes, per-process caches
        assert client.get(url).status_code == 200, url
    timings, cpu_timings = [], []
    for number in range(repeat):
        url = urls[number % len(urls)]
        if cold:
            bump_version()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu_started) * 1000)
        assert response.status_code == 200, url
    if cold:
        bump_version()
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    return STATISTIC(timings), STATISTIC(cpu_timings), len(queries)


# Median by default; `--statistic min` gives the fastest request of each page type, which
# another process competing for the CPU can slow down but not speed up, so two checkouts
# measured on a shared machine compare better by it.
STATISTIC = statistics.median


def calibration():
    """How busy the machine is: reference timings to judge the figures by (idle: ~0.1 ms and ~0.05 ms)."""
    loop = statistics.median(_timed(lambda: sum(range(10_000))) for _ in range(50))
    with connection.cursor() as cursor:
        query = statistics.median(_timed(lambda: cursor.execute("SELECT 1")) for _ in range(50))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"sum(range(10000)) {loop:.3f} ms, SELECT 1 {query:.3f} ms, load average {load:.1f} on {os.cpu_count()} CPUs"


def _timed(function):
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--statistic", choices=["median", "min"], default="median")
    args = parser.parse_args()
    global STATISTIC
    STATISTIC = min if args.statistic == "min" else statistics.median

    from news.models import ArticlePage

    total = ArticlePage.objects.published().count()
    print(
        f"database: {connection.vendor}, published articles: {total}, requests per page type: {args.repeat}"
    )
    print(f"machine load: {calibration()}")
    print(
        f"times in ms: wall-clock {args.statistic} / CPU-time {args.statistic} of this process"
        " (less sensitive to a busy machine)"
    )
    print(
        f"{'page':<24}{'uncached wall':>14}{'cpu':>8}{'queries':>9}"
        f"{'cold wall':>11}{'cpu':>8}{'queries':>9}{'cached wall':>13}{'cpu':>8}"
    )
    for label, urls in scenarios():
        median, cpu, queries = measure(Client(HTTP_HOST="127.0.0.1"), urls, args.repeat)
        cold, cold_cpu, cold_queries = measure(Client(HTTP_HOST="127.0.0.1"), urls, args.repeat, cold=True)
        with override_settings(MIDDLEWARE=CACHE_MIDDLEWARE):
            # A new client, so that it builds its handler with the cache middleware.
            cached, cached_cpu, _ = measure(Client(HTTP_HOST="127.0.0.1"), urls, args.repeat)
        print(
            f"{label:<24}{median:>14.2f}{cpu:>8.2f}{queries:>9}"
            f"{cold:>11.2f}{cold_cpu:>8.2f}{cold_queries:>9}{cached:>13.2f}{cached_cpu:>8.2f}"
        )


if __name__ == "__main__":
    main()
