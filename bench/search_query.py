"""Search benchmark: median query time on N articles, and the memory segmentation adds.

Usage (always with your own VAR_DIR, never the shared var/):

    VAR_DIR=/tmp/search-bench-10k .venv/bin/python bench/search_query.py --articles 10000
    VAR_DIR=/tmp/search-bench-100k .venv/bin/python bench/search_query.py --articles 100000
    VAR_DIR=/tmp/search-bench-10k .venv/bin/python bench/search_query.py --memory-only

It migrates the database under VAR_DIR, makes a home page if there is none,
tops the news articles up to N with `generate_bulk_content --articles`, indexes
them with `update_index` (timed), then runs each query REPEAT times through the
search backend exactly as /search/ does (count + first page of 10) and through
the whole view (Django test client), and prints the medians. Memory is measured
in fresh subprocesses: RSS after django.setup(), and after loading the segmenter
and answering one query.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

QUERIES = [
    "工会",
    "劳模",
    "农民工入会",
    "暖心驿站",
    "西宁市 技能比武",
    "12351",
    "五一劳动奖章",
    "百万职工高原建功立业工程",
    "金秋助学金",
    "法律服务热线",
    "海西州总工会",
    "潜水艇",
]
REPEAT = 5

MEMORY_PROBE = r"""
import os, sys
sys.path.insert(0, {base!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

import django
django.setup()
import unionsite.urls  # noqa: F401  (a server imports every view module)
before = rss_mb()
from wagtail.models import Page
from search.segmentation import query_terms
query_terms("百万职工高原建功立业工程")
list(Page.objects.live().search("工会")[:10])
after = rss_mb()
print(f"{{before:.1f}} {{after:.1f}}")
"""


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure_memory():
    probe = MEMORY_PROBE.format(base=str(BASE_DIR))
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    ).stdout.split()
    before, after = float(output[-2]), float(output[-1])
    print(f"memory: RSS after django.setup() + urls {before:.1f} MB", flush=True)
    print(
        f"memory: RSS with segmenter loaded + one query {after:.1f} MB (segmentation adds {after - before:.1f} MB)"
    )
    return before, after


def prepare(articles):
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from home.models import HomePage
    from news.models import ArticlePage

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="首页", slug="bench-home"))
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    missing = articles - ArticlePage.objects.count()
    if missing > 0:
        call_command("generate_bulk_content", articles=missing)
    from wagtail.search.models import IndexEntry

    if IndexEntry.objects.count() < Page.objects.count() - 1:
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(
            f"update_index: {time.perf_counter() - started:.1f} s for {Page.objects.count()} pages",
            flush=True,
        )
    else:
        print(f"search index already holds {IndexEntry.objects.count()} entries; update_index skipped")


def time_queries():
    from django.test import Client
    from wagtail.models import Page

    pages = Page.objects.live().public().specific()
    backend_times, view_times = {}, {}
    client = Client()
    for query in QUERIES:
        samples = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            results = pages.search(query, operator="and")
            count = results.count()
            list(results[:10])
            samples.append((time.perf_counter() - started) * 1000)
        backend_times[query] = (statistics.median(samples), count)
        samples = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query}, HTTP_HOST="localhost")
            assert response.status_code == 200, (query, response.status_code)
            samples.append((time.perf_counter() - started) * 1000)
        view_times[query] = statistics.median(samples)
    print(f"{'query':<28}{'hits':>8}{'backend ms':>12}{'page ms':>10}")
    for query in QUERIES:
        median, count = backend_times[query]
        print(f"{query:<28}{count:>8}{median:>12.1f}{view_times[query]:>10.1f}")
    overall_backend = statistics.median(value for value, _count in backend_times.values())
    overall_view = statistics.median(view_times.values())
    print(f"median over queries: backend {overall_backend:.1f} ms, whole /search/ page {overall_view:.1f} ms")
    print(f"RSS of this process at the end: {rss_mb():.1f} MB")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--memory-only", action="store_true")
    args = parser.parse_args()
    if "VAR_DIR" not in os.environ:
        parser.error("set VAR_DIR to a directory of your own (the benchmark uses a database there)")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    if args.memory_only:
        measure_memory()
        return
    prepare(args.articles)
    measure_memory()
    time_queries()


if __name__ == "__main__":
    main()
