"""Benchmark: the site feed (and a section and a tag feed) with many articles in the database.

Usage (own database, never the shared var/; PostgreSQL shown, omit DATABASE_URL for SQLite):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/unionsite_feeds VAR_DIR=/tmp/feeds-bench-var
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py generate_bulk_content --articles 100000
    .venv/bin/python bench/feeds_site.py --repeat 25

Each feed is requested through Django's test client (whole stack: URL routing,
page routing, feed generation, XML) `--repeat` times. "cold" clears the feed
cache before every request, which is what the first reader after a publish
pays; "cached" is every later reader until the next publish. Prints median and
90th percentile in ms, the SQL queries of one cold request, and the item count.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def feed_urls():
    from news.models import NewsIndexPage, NewsSectionPage, published_tags

    section = NewsSectionPage.objects.live().order_by("-numchild").first()
    index = NewsIndexPage.objects.live().first()
    used = published_tags()
    tag = used[0].slug if used else None  # the most used tag: the largest tag listing
    urls = [("全站 RSS", "/feed/"), ("全站 Atom", "/atom/"), ("全站 RSS ?limit=100", "/feed/?limit=100")]
    if section is not None:
        urls.append((f"栏目 RSS（{section.title}，{section.numchild} 篇）", section.url + "feed/"))
    if index is not None and tag:
        urls.append((f"标签 RSS（{used[0].name}，{used[0].uses} 篇）", index.url + f"tags/{tag}/feed/"))
    return urls


def timed(client, url, repeat, clear):
    timings = []
    for _ in range(repeat):
        if clear:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.9) - 1, 0)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    from news.models import ArticlePage

    client = Client(HTTP_HOST="localhost")
    if connection.vendor == "postgresql":
        # Fresh planner statistics, as autovacuum keeps them in production; right after a bulk
        # load PostgreSQL would otherwise think the article table is empty and scan it whole.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wagtailcore_page, news_articlepage, news_articletag, taggit_tag")
    total = ArticlePage.objects.count()
    print(
        f"数据库：{connection.vendor}，文章 {total} 篇（已发布 {ArticlePage.objects.published().count()} 篇）"
    )
    print(
        f"{'feed':<36} {'cold median':>12} {'cold p90':>9} {'cached median':>14} {'queries':>8} {'items':>6}"
    )
    for label, url in feed_urls():
        cache.clear()
        client.get(url)  # warm up: templates, content types, image files
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)  # now: DEBUG's query log is a ring buffer
        items = response.content.count(b"<item>") + response.content.count(b"<entry>")
        cold_median, cold_p90 = timed(client, url, args.repeat, clear=True)
        cached_median, _ = timed(client, url, args.repeat, clear=False)
        print(
            f"{label:<36} {cold_median:>10.1f}ms {cold_p90:>7.1f}ms {cached_median:>12.1f}ms"
            f" {query_count:>8} {items:>6}"
        )


if __name__ == "__main__":
    main()
