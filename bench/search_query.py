"""Search benchmark: median query time on N articles, and the memory segmentation adds.

Usage (always with your own VAR_DIR, never the shared var/):

    VAR_DIR=/tmp/search-bench-10k .venv/bin/python bench/search_query.py --articles 10000
    VAR_DIR=/tmp/search-bench-100k .venv/bin/python bench/search_query.py --articles 100000
    VAR_DIR=/tmp/search-bench-10k .venv/bin/python bench/search_query.py --memory-only

It migrates the database under VAR_DIR, makes a home page if there is none,
tops the news articles up to N with `generate_bulk_content --articles`, indexes
them with `update_index` (timed), then runs each query REPEAT times through the
search backend exactly as /search/ does (count + first page of 10) and through
the whole view (Django test client), and prints the medians.

Memory (`--memory-only` measures only this) is the resident set (VmRSS) of real
server processes, in MB of 1,048,576 bytes:

1. a fresh process with the dev settings: after django.setup() + the URLconf,
   after loading the segmenter and answering one search through the backend,
   then after serving typical pages through the WSGI handler (home, an article,
   its section, /search/?q=工会, the model-worker index and a profile, a campaign);
2. a gunicorn worker as `make serve` runs it (production settings, one sync
   worker, the same malloc setting), after the home page (a worker loads Django
   on its first request) and after GETting all the same pages over HTTP. Static
   files are collected into VAR_DIR first.

RSS counts every page the process has resident, shared libraries included, so
it is the figure `ps` and `top` show, not a share of it.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
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
    # Quoted: the exact phrase (FTS5 phrase / tsquery <->), as a reader types it.
    '"五一劳动奖章"',
    '"法律服务热线"',
    '"工会工作人员"',
    '"劳动竞赛" 西宁市',
    # Both words are in every article, never adjacent: every match's positions are read.
    '"职工工会"',
]
REPEAT = 9

MEMORY_TARGET_MB = 110
# As the Makefile's `serve` target runs gunicorn (see the comment there).
SERVE_ENV = {"MALLOC_MMAP_THRESHOLD_": "131072"}

MEMORY_PROBE = r"""
import io, json, os, sys
sys.path.insert(0, {base!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024

from django.core.wsgi import get_wsgi_application
application = get_wsgi_application()
import unionsite.urls  # noqa: F401  (a server imports every view module)
print(json.dumps(["django.setup() + URLconf", rss_mb()]))
from wagtail.models import Page
from search.segmentation import query_terms
query_terms("百万职工高原建功立业工程")
list(Page.objects.live().search("工会")[:10])
print(json.dumps(["segmenter loaded + one search", rss_mb()]))
for url in {urls!r}:
    path, _, query = url.partition("?")
    environ = {{
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "localhost",
        "SERVER_PORT": "80", "HTTP_HOST": "localhost", "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }}
    statuses = []
    b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    assert statuses[0].startswith("200"), (url, statuses[0])
print(json.dumps(["typical pages served", rss_mb()]))
"""


def rss_mb(pid="self"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def typical_pages():
    """Home, the newest article and its section, a search, 劳模 index and profile, a campaign."""
    import django

    django.setup()
    from urllib.parse import quote

    from campaigns.models import CampaignPage
    from news.models import ArticlePage
    from workers.models import WorkerPage

    urls = ["/"]
    article = ArticlePage.objects.live().public().order_by("-display_date").first()
    if article:
        urls += [article.url, article.get_parent().url]
    urls.append("/search/?q=" + quote("工会"))
    worker = WorkerPage.objects.live().public().first()
    if worker:
        urls += [worker.get_parent().url, worker.url]
    campaign = CampaignPage.objects.live().public().first()
    if campaign:
        urls.append(campaign.url)
    return [url for url in urls if url]


def measure_dev_process(urls):
    probe = MEMORY_PROBE.format(base=str(BASE_DIR), urls=urls)
    output = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    ).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("[")]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def child_pids(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return [int(child) for child in children.read().split()]


def measure_gunicorn_worker(urls):
    env = {
        **os.environ,
        **SERVE_ENV,
        "DJANGO_SETTINGS_MODULE": "unionsite.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "SECURE_SSL": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    manage = [sys.executable, str(BASE_DIR / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "--verbosity", "0"], env=env, check=True)
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    master = subprocess.Popen(
        [str(gunicorn), "unionsite.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers = []
        while time.monotonic() < deadline:
            workers = child_pids(master.pid)
            if workers:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    pass
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start within 60 s")
        worker = workers[0]
        figures = []
        for number, url in enumerate(urls):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=60) as response:
                assert response.status == 200, (url, response.status)
                response.read()
            if number == 0:
                figures.append(
                    ["home page served (the worker loads Django on its first request)", rss_mb(worker)]
                )
        assert child_pids(master.pid) == [worker], "the worker was replaced while measuring"
        figures.append(["typical pages served", rss_mb(worker)])
        return figures
    finally:
        master.terminate()
        master.wait(timeout=30)


def measure_memory():
    urls = typical_pages()
    load = os.getloadavg()[0]
    print(f"memory: load average {load:.1f} on {os.cpu_count()} CPUs; pages: {' '.join(urls)}", flush=True)
    results = {}
    for title, measure in (
        ("dev settings, one process", measure_dev_process),
        ("gunicorn worker, production settings (make serve)", measure_gunicorn_worker),
    ):
        figures = measure(urls)
        for label, value in figures:
            print(f"memory: {title}: {label}: RSS {value:.1f} MB", flush=True)
        results[title] = figures[-1][1]
    for title, value in results.items():
        verdict = "met" if value < MEMORY_TARGET_MB else "NOT met"
        print(
            f"memory: {title}: {value:.1f} MB after typical pages; target < {MEMORY_TARGET_MB} MB {verdict}"
        )
    return results


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
    from django.db import connection

    if connection.vendor == "postgresql":
        # Statistics for the (title || body) index, which the planner needs. Autovacuum
        # gathers them after a bulk load too, only not before this script's first query.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def calibration():
    """How busy the machine is: reference timings (the sum takes ~0.1 ms on an idle machine)."""
    from django.db import connection

    def timed(function):
        started = time.perf_counter()
        function()
        return (time.perf_counter() - started) * 1000

    loop = statistics.median(timed(lambda: sum(range(10_000))) for _ in range(50))
    with connection.cursor() as cursor:
        query = statistics.median(timed(lambda: cursor.execute("SELECT 1")) for _ in range(50))
    load = os.getloadavg()[0]
    return (
        f"{connection.vendor}; sum(range(10000)) {loop:.3f} ms, SELECT 1 {query:.3f} ms, "
        f"load average {load:.1f} on {os.cpu_count()} CPUs"
    )


def database_cpu_seconds():
    """CPU time of the PostgreSQL server process serving this connection (SQLite runs in ours)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:  # a server on another machine
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_queries():
    from django.test import Client
    from wagtail.models import Page

    from search.views import ReaderQuery

    print(f"machine: {calibration()}", flush=True)
    pages = Page.objects.live().public().specific()
    # Load the segmenter and warm the caches before anything is timed.
    list(pages.search(QUERIES[0])[:10])
    backend_times, backend_cpu, view_times = {}, {}, {}
    client = Client()
    for query in QUERIES:
        samples = []
        cpu_started = time.process_time() + database_cpu_seconds()
        for _ in range(REPEAT):
            started = time.perf_counter()
            # Quotes parsed as /search/ parses them.
            results = pages.search(ReaderQuery.parse(query).search_query("and"))
            count = results.count()
            list(results[:10])
            samples.append((time.perf_counter() - started) * 1000)
        # Python and database CPU per search, mean: steadier than wall time on a busy machine
        # (the database's is counted in 10 ms ticks, hence the mean over REPEAT).
        backend_cpu[query] = (time.process_time() + database_cpu_seconds() - cpu_started) * 1000 / REPEAT
        backend_times[query] = (statistics.median(samples), count)
        samples = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query}, HTTP_HOST="localhost")
            assert response.status_code == 200, (query, response.status_code)
            samples.append((time.perf_counter() - started) * 1000)
        view_times[query] = statistics.median(samples)
    print(f"{'query':<28}{'hits':>8}{'backend ms':>12}{'cpu ms':>8}{'page ms':>10}")
    for query in QUERIES:
        median, count = backend_times[query]
        print(f"{query:<28}{count:>8}{median:>12.1f}{backend_cpu[query]:>8.1f}{view_times[query]:>10.1f}")
    overall_backend = statistics.median(value for value, _count in backend_times.values())
    overall_cpu = statistics.median(backend_cpu.values())
    overall_view = statistics.median(view_times.values())
    print(
        f"median over queries: backend {overall_backend:.1f} ms (CPU {overall_cpu:.1f} ms), "
        f"whole /search/ page {overall_view:.1f} ms"
    )
    print(f"machine after: {calibration()}")
    print(f"RSS of this process at the end: {rss_mb():.1f} MB")


def phrase_recall(samples_per_text=8, seed=2):
    """How often a quoted phrase finds the pages that contain it, on this database's live pages.

    Phrases of 1-4 consecutive words are sampled from each page's title and text,
    plus dictionary words inside its long words; for every (page, phrase) the
    phrase match (token sequences of search.backends.common.phrase_alternatives
    standing in a row in the page's segmented text, as in the index) is compared
    with whether the text contains the phrase. Run it after changing segmentation.
    """
    import random
    import re

    import django

    django.setup()
    from wagtail.models import Page

    from search.backends.common import phrase_alternatives
    from search.segmentation import normalise, segment_for_index, segmenter
    from search.snippets import searchable_text

    def in_a_row(tokens, sequence):
        return any(tokens[i : i + len(sequence)] == list(sequence) for i in range(len(tokens)))

    han = re.compile(r"[\u3400-\u9fff]")
    rng = random.Random(seed)
    texts = [text for page in Page.objects.live().specific() for text in (page.title, searchable_text(page))]
    phrases = set()
    for text in texts:
        words = segmenter.words(text)
        for _ in range(samples_per_text if words else 0):
            size = rng.randint(1, min(4, len(words)))
            start = rng.randint(0, len(words) - size)
            if all(han.search(word) for word in words[start : start + size]):
                phrases.add("".join(words[start : start + size]))
        for word in words:
            for start in range(len(word)):
                for end in range(start + 2, len(word) + 1):
                    inside = word[start:end]
                    if inside != word and segmenter.knows(inside) and rng.random() < 0.3:
                        phrases.add(inside)
    phrases = sorted(phrase for phrase in phrases if len(phrase) > 1)
    indexed = [
        (segment_for_index(text).split(), re.sub(r"[^0-9a-z\u3400-\u9fff]", "", normalise(text)))
        for text in texts
    ]
    found = missed = wrong = 0
    for phrase in phrases:
        alternatives = phrase_alternatives(phrase)
        for tokens, plain in indexed:
            matched = any(in_a_row(tokens, alternative) for alternative in alternatives)
            if phrase in plain:
                found += matched
                missed += not matched
            else:
                wrong += matched
    print(
        f"phrase recall: {len(phrases)} phrases, {len(texts)} texts; found {found} of {found + missed} "
        f"(page, phrase) pairs where the text has the phrase ({found / max(found + missed, 1):.1%}), "
        f"matched {wrong} where it has not"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("--queries-only", action="store_true", help="skip the memory measurement")
    parser.add_argument(
        "--phrase-recall", action="store_true", help="only check quoted phrases against the live pages"
    )
    args = parser.parse_args()
    if "VAR_DIR" not in os.environ:
        parser.error("set VAR_DIR to a directory of your own (the benchmark uses a database there)")
    os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    if args.memory_only:
        measure_memory()
        return
    if args.phrase_recall:
        phrase_recall()
        return
    prepare(args.articles)
    if not args.queries_only:
        measure_memory()
    time_queries()


if __name__ == "__main__":
    main()
