"""Benchmark: a full `inspect_site` run (internal links, documents, wording, rendering every page).

Usage (own database, never the shared one):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/unionsite_inspect
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py generate_bulk_content --articles 20000
    .venv/bin/python bench/inspection_site.py --links 2000      # adds links to 2,000 articles, then runs
    .venv/bin/python bench/inspection_site.py --no-render        # the run without rendering

`--links N` gives N articles a paragraph with an internal page link, a document link, a link to a
deleted page and an external link (to 127.0.0.1:9, refused at once, so the run never waits on
the internet). Prints wall time, CPU time, peak RSS (ru_maxrss) and the pages per second, and the
added time of the on-publish check for one article (median of 50).
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.db import transaction  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402

from inspection.models import InspectionLock, InspectionRun  # noqa: E402
from inspection.run import check_page_internal_links, inspect_site  # noqa: E402
from news.models import ArticlePage  # noqa: E402


def add_links(count):
    Document = get_document_model()
    document = Document.objects.filter(title="巡查测试附件").first()
    if document is None:
        document = Document(title="巡查测试附件")
        document.file.save("bench-inspection.pdf", ContentFile(b"%PDF-1.4 bench"), save=True)
    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True)[:count])
    target = ids[0]
    with transaction.atomic():
        for article in ArticlePage.objects.filter(pk__in=ids):
            paragraph = (
                f'<p><a linktype="page" id="{target}">相关</a> <a linktype="document" id="{document.pk}">附件</a> '
                f'<a linktype="page" id="99999999">旧链接</a> <a href="http://127.0.0.1:9/x{article.pk}">外链</a></p>'
            )
            body = list(article.body.raw_data)
            body.append({"type": "paragraph", "value": paragraph})
            article.body = body
            article.save(update_fields=["body"])
    print(f"links added to {len(ids)} articles")


def render_sample(count):
    from inspection.run import _render_client, render_status

    client = _render_client()
    articles = list(ArticlePage.objects.live().order_by("?")[:count])
    wall, cpu = time.perf_counter(), time.process_time()
    statuses = [render_status(client, article) for article in articles]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"rendered {count} articles: {wall / count * 1000:.1f} ms/page wall, {cpu / count * 1000:.1f} ms/page CPU, "
        f"5xx={sum(1 for s in statuses if s and s >= 500)} peak_rss={rss:.0f}MB"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=0)
    parser.add_argument("--no-render", action="store_true")
    parser.add_argument(
        "--render-sample", type=int, default=0, help="only render this many articles, report ms/page"
    )
    args = parser.parse_args()
    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log, no debug templates
    if args.render_sample:
        render_sample(args.render_sample)
        return
    if args.links:
        add_links(args.links)
    InspectionLock.objects.all().delete()
    InspectionRun.objects.filter(state=InspectionRun.RUNNING).delete()
    pages = ArticlePage.objects.live().count()
    wall, cpu = time.perf_counter(), time.process_time()
    run = inspect_site(render=not args.no_render, external=True)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles={pages} pages={run.summary['pages']} render={not args.no_render}")
    print(f"wall={wall:.1f}s cpu={cpu:.1f}s pages/s={run.summary['pages'] / wall:.1f} peak_rss={rss:.0f}MB")
    article = ArticlePage.objects.live().order_by("pk").first()
    times = []
    for _ in range(50):
        started = time.perf_counter()
        check_page_internal_links(article)
        times.append((time.perf_counter() - started) * 1000)
    print(f"on-publish internal check: median={statistics.median(times):.1f}ms max={max(times):.1f}ms")


if __name__ == "__main__":
    main()
