"""Benchmark: a full `inspect_site` run (internal links, documents, wording, rendering every page).

Usage (own database, never the shared one):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/unionsite_inspect
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py generate_bulk_content --articles 20000
    .venv/bin/python bench/inspection_site.py --links 2000      # adds links to 2,000 articles, then runs
    .venv/bin/python bench/inspection_site.py --no-render        # the run without rendering
    .venv/bin/python bench/inspection_site.py --render-stage --minutes 20   # the rendering stage, resumable:
                                                 # run again to go on where the last chunk stopped
    .venv/bin/python bench/inspection_site.py --render-sample 300 # one process, random articles

`--links N` gives N articles a paragraph with an internal page link, a document link, a link to a
deleted page and an external link (to 127.0.0.1:9, refused at once, so the run never waits on
the internet). Prints wall time, CPU time (this process and its rendering workers), the CPU time
of this database's PostgreSQL backends, peak resident memory summed over this process and its
workers (RSS, and PSS which counts pages shared after the fork once), the pages per second, and
the added time of the on-publish check for one article (median of 50).
"""

import argparse
import os
import resource
import statistics
import sys
import threading
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


class Meter:
    """Wall, CPU (this process and reaped children), PostgreSQL backend CPU of our database, and the
    peak of RSS and PSS summed over this process and its children, sampled every 0.5 s."""

    def __init__(self, database, timeline=0):
        self.database, self.peak_rss, self.peak_pss, self.backends = database, 0, 0, {}
        self.peak_one, self.most_processes, self.timeline = 0, 0, timeline
        self._stop = threading.Event()

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), _cpu()
        self._sample()
        self.backend_start = dict(self.backends)
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()
        self._sample()
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu
        self.db_cpu = sum(t - self.backend_start.get(pid, 0) for pid, t in self.backends.items())

    def _loop(self):
        last = time.perf_counter()
        while not self._stop.wait(0.5):
            self._sample()
            if self.timeline and time.perf_counter() - last >= self.timeline:
                last = time.perf_counter()
                print(
                    f"  t={last - self.wall:.0f}s processes={self.processes} rss_sum={self.rss / 1024:.0f}MB "
                    f"pss_sum={self.pss / 1024:.0f}MB peak_rss_sum={self.peak_rss / 1024:.0f}MB "
                    f"peak_pss_sum={self.peak_pss / 1024:.0f}MB load={os.getloadavg()[0]:.2f}",
                    flush=True,
                )

    def _sample(self):
        pids = [os.getpid(), *_children(os.getpid())]
        each = [_proc_kb(pid, "status", "VmRSS") for pid in pids]
        rss, pss = sum(each), sum(_proc_kb(pid, "smaps_rollup", "Pss") for pid in pids)
        self.rss, self.pss, self.processes = rss, pss, len(pids)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        self.peak_one, self.most_processes = max(self.peak_one, *each), max(self.most_processes, len(pids))
        tick = os.sysconf("SC_CLK_TCK")
        for pid in _backends(self.database):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self.backends[pid] = (int(fields[11]) + int(fields[12])) / tick

    def line(self, pages):
        return (
            f"wall={self.wall:.1f}s cpu={self.cpu:.1f}s (python, all processes) postgres_cpu={self.db_cpu:.1f}s "
            f"pages={pages} wall/page={self.wall / max(pages, 1) * 1000:.1f}ms "
            f"cpu/page={self.cpu / max(pages, 1) * 1000:.1f}ms+{self.db_cpu / max(pages, 1) * 1000:.1f}ms db "
            f"peak_rss_sum={self.peak_rss / 1024:.0f}MB peak_pss_sum={self.peak_pss / 1024:.0f}MB "
            f"peak_rss_one_process={self.peak_one / 1024:.0f}MB processes<={self.most_processes}"
        )


def _cpu():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _proc_kb(pid, table, field):
    """A "Field:  123 kB" line of /proc/PID/TABLE (status: VmRSS; smaps_rollup: Pss); 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/{table}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _backends(database):
    """PostgreSQL backend processes serving `database` (their process title names it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres: ") and f" {database} ".encode() in title:
            pids.append(int(entry.name))
    return pids


def _database():
    from django.db import connection

    return connection.settings_dict["NAME"]


def render_sample(count):
    from inspection.render import connections_kept, local_caches, render_client, render_status

    articles = list(ArticlePage.objects.live().order_by("?")[:count])
    with local_caches(), connections_kept():
        client = render_client()
        render_status(client, articles[0])  # what every page shares, built once
        with Meter(_database()) as meter:
            statuses = [render_status(client, article) for article in articles[1:]]
        from django.core.cache import caches

        for alias in ("default", "template_fragments"):
            held = caches[alias]._cache
            print(
                f"local cache {alias}: {len(held)} entries, {sum(len(v) for v in held.values()) / 1024:.0f} KB pickled"
            )
    print(f"one process, {len(statuses)} random articles, 5xx={sum(1 for s in statuses if s and s >= 500)}")
    print(meter.line(len(statuses)))


def render_stage(minutes):
    """The run's rendering stage, from where the last chunk stopped, for at most `minutes`."""
    from inspection import render as rendering
    from inspection import run as run_module

    run = InspectionRun.objects.filter(state=InspectionRun.RUNNING, stage="render").first()
    if run is None:
        InspectionRun.objects.filter(state=InspectionRun.RUNNING).delete()
        run = InspectionRun.objects.create(stage="render")
    before = run.summary.get("rendered", 0)
    deadline = time.monotonic() + minutes * 60
    batches = run_module._page_batches

    def until_deadline(after):
        for ids in batches(after):
            if time.monotonic() > deadline:
                return
            yield ids

    run_module._page_batches = until_deadline
    InspectionLock.objects.all().delete()
    print(
        f"render processes={rendering.processes()} starting after page {run.checkpoint} ({before} rendered)"
    )
    with Meter(_database()) as meter:
        run_module.render_stage(run)
    run.refresh_from_db()
    done = run.summary["rendered"] - before
    left = run_module.Page.objects.live().filter(depth__gt=1, pk__gt=run.checkpoint).count()
    print(f"this chunk: {meter.line(done)}")
    print(
        f"rendered so far {run.summary['rendered']}, 5xx so far {len(run.summary['render_errors'])}, left {left}"
    )


def render_first(count, new_renditions, avif_threads):
    """The rendering stage over the first `count` live pages only (home, the demo pages, listing
    pages), as the run renders them (2 processes by default); with `new_renditions` every rendition
    is deleted first, so the pages' images are generated again — the first run after uploads."""
    from wagtail.images import get_image_model

    from inspection import render as rendering
    from inspection.run import _page_batches

    Rendition = get_image_model().get_rendition_model()
    if new_renditions:
        print(f"renditions deleted: {Rendition.objects.all().delete()[0]}")
    if avif_threads:
        from PIL import AvifImagePlugin

        AvifImagePlugin.DEFAULT_MAX_THREADS = avif_threads
    before, done = Rendition.objects.count(), {"pages": 0, "errors": 0}

    def first():
        left = count
        for ids in _page_batches(0):
            if left <= 0:
                return
            yield ids[:left]
            left -= len(ids)

    def record(ids, rendered, errors):
        done["pages"] += rendered
        done["errors"] += len(errors)

    print(f"render processes={rendering.processes()} avif_threads={avif_threads or 'default'}")
    with Meter(_database()) as meter:
        rendering.render_pages(first(), record)
    print(
        f"first {done['pages']} pages, 5xx={done['errors']}, renditions made={Rendition.objects.count() - before}"
    )
    print(meter.line(done["pages"]))


def leak_probe(count, warm=300, skip=50000):
    """What the rendering keeps, page after page: one process renders `warm` bulk articles (its
    bounded caches fill), then `count` more under tracemalloc; prints the RSS growth and the
    allocation sites holding the most new memory at the end."""
    import gc
    import tracemalloc

    from wagtail.models import Page

    from inspection import render as rendering

    ids = list(
        Page.objects.live()
        .filter(depth__gt=1)
        .order_by("pk")
        .values_list("pk", flat=True)[skip : skip + warm + count]
    )
    with rendering.local_caches(), rendering.connections_kept():
        client = rendering.render_client()
        rendering.render_batch(ids[:warm], client)
        gc.collect()
        tracemalloc.start(12)
        first, rss = tracemalloc.take_snapshot(), _proc_kb(os.getpid(), "status", "VmRSS")
        started = time.perf_counter()
        for at in range(warm, len(ids), 200):
            rendering.render_batch(ids[at : at + 200], client)
        gc.collect()
        second = tracemalloc.take_snapshot()
    grown = _proc_kb(os.getpid(), "status", "VmRSS") - rss
    stats = second.compare_to(first, "traceback")
    print(
        f"{len(ids) - warm} pages after {warm} in {time.perf_counter() - started:.0f} s (traced): RSS +{grown / 1024:.1f} MB, "
        f"traced +{sum(stat.size_diff for stat in stats) / 1024 / 1024:.1f} MB"
    )
    for stat in stats[:8]:
        print(f"+{stat.size_diff / 1024:.0f} KB in +{stat.count_diff} blocks:")
        for line in stat.traceback.format()[-12:]:
            print("    " + line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=0)
    parser.add_argument("--no-render", action="store_true")
    parser.add_argument(
        "--render-sample", type=int, default=0, help="only render this many articles, report ms/page"
    )
    parser.add_argument("--render-stage", action="store_true", help="the rendering stage only, resumable")
    parser.add_argument("--minutes", type=float, default=20, help="with --render-stage: stop after this long")
    parser.add_argument("--render-first", type=int, default=0, help="render only the first N pages")
    parser.add_argument(
        "--new-renditions", action="store_true", help="with --render-first: renditions made again"
    )
    parser.add_argument(
        "--avif-threads", type=int, default=0, help="with --render-first: AVIF encoder threads"
    )
    parser.add_argument("--leak-probe", type=int, default=0, help="pages rendered under tracemalloc")
    parser.add_argument("--timeline", type=float, default=0, help="print memory every this many seconds")
    args = parser.parse_args()
    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log, no debug templates
    if args.render_sample:
        render_sample(args.render_sample)
        return
    if args.render_stage:
        render_stage(args.minutes)
        return
    if args.leak_probe:
        leak_probe(args.leak_probe)
        return
    if args.render_first:
        render_first(args.render_first, args.new_renditions, args.avif_threads)
        return
    if args.links:
        add_links(args.links)
    InspectionLock.objects.all().delete()
    InspectionRun.objects.filter(state=InspectionRun.RUNNING).delete()
    pages = ArticlePage.objects.live().count()
    from inspection import run as run_module

    stages = {}
    original_render_stage = run_module.render_stage

    def timed_render_stage(run):
        started, cpu = time.perf_counter(), _cpu()
        original_render_stage(run)
        stages["render"] = (time.perf_counter() - started, _cpu() - cpu)

    run_module.render_stage = timed_render_stage
    print(f"start {time.strftime('%H:%M:%S', time.gmtime())} UTC, load {os.getloadavg()}", flush=True)
    with Meter(_database(), timeline=args.timeline) as meter:
        run = inspect_site(render=not args.no_render, external=True)
    print(f"end {time.strftime('%H:%M:%S', time.gmtime())} UTC, load {os.getloadavg()}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"articles={pages} pages={run.summary['pages']} rendered={run.summary.get('rendered', 0)} "
        f"5xx={len(run.summary.get('render_errors', []))} state={run.state}"
    )
    print(f"{meter.line(run.summary['pages'])} ru_maxrss(self)={rss:.0f}MB")
    if "render" in stages:
        wall, cpu = stages["render"]
        print(
            f"of which rendering stage: wall={wall:.1f}s cpu={cpu:.1f}s; "
            f"other stages: wall={meter.wall - wall:.1f}s cpu={meter.cpu - cpu:.1f}s"
        )
    article = ArticlePage.objects.live().order_by("pk").first()
    times = []
    for _ in range(50):
        started = time.perf_counter()
        check_page_internal_links(article)
        times.append((time.perf_counter() - started) * 1000)
    print(f"on-publish internal check: median={statistics.median(times):.1f}ms max={max(times):.1f}ms")


if __name__ == "__main__":
    main()
