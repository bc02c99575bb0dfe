"""A new search question every request, in process: median server time, queries, and a profile.

Each request adds `&fresh=N` with a new N, so the search view's per-minute answer cache never
answers it and the whole search runs (segmentation, ranking, the page of hits, snippets, template).
Django test client, whole stack; production settings by default (set SECRET_KEY, SECURE_SSL=0,
ALLOW_LOCAL_CACHE=1 and VAR_DIR to an own database with the search index built and static files
collected; bench/search.md, 2026-11-28).

One checkout:

    VAR_DIR=/tmp/search-var SECRET_KEY=x SECURE_SSL=0 ALLOW_LOCAL_CACHE=1 \\
        .venv/bin/python bench/search_fresh.py --repeat 300 --profile --top 40

Servers (gunicorn, deploy/gunicorn.conf.py, access log with `--access-logformat '%(r)s %(s)s %(D)s'`),
the requests alternating between them, server time from each access log:

    .venv/bin/python bench/search_fresh.py --repeat 300 \\
        --http before=http://127.0.0.1:8611,/tmp/ss-run/before.access after=http://127.0.0.1:8612,/tmp/ss-run/after.access

Two checkouts on the same database, alternated in blocks (one worker process per checkout, each
runs `--block` requests in turn, `--rounds` times), so that both see the same machine load:

    VAR_DIR=/tmp/search-var SECRET_KEY=x SECURE_SSL=0 ALLOW_LOCAL_CACHE=1 \\
        .venv/bin/python bench/search_fresh.py --compare before=/tmp/base-code after=. --rounds 20 --block 15
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

DEFAULT_PATHS = ["/search/?q=" + quote("工会")]


def setup(code_dir):
    sys.path.insert(0, str(Path(code_dir).resolve()))
    os.chdir(code_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.production")
    import django

    django.setup()


class Requester:
    def __init__(self, paths, start):
        from django.test import Client

        self.client = Client(HTTP_HOST="127.0.0.1")
        self.paths = paths
        self.fresh = start

    def get(self, path):
        self.fresh += 1
        response = self.client.get(f"{path}&fresh={self.fresh}")
        assert response.status_code == 200, (path, response.status_code)
        return response

    def timed(self, count):
        timings = []
        for index in range(count):
            path = self.paths[index % len(self.paths)]
            started = time.perf_counter()
            self.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        return timings


def worker(args):
    """Answer `run N` lines on stdin with a JSON list of N timings (ms)."""
    setup(args.code)
    requester = Requester(args.path, start=int(time.time() * 1000) * 1000)
    requester.timed(20)  # warm: per-process caches, the segmenter
    print("ready", flush=True)
    for line in sys.stdin:
        command, count = line.split()
        assert command == "run"
        print(json.dumps(requester.timed(int(count))), flush=True)


def compare(args):
    workers = {}
    for spec in args.compare:
        name, code = spec.split("=", 1)
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--code", code]
        for path in args.path:
            command += ["--path", path]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready", name
        workers[name] = process
    timings = {name: [] for name in workers}
    started = time.time()
    load_before = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, process in workers.items():
            process.stdin.write(f"run {args.block}\n")
            process.stdin.flush()
            timings[name].extend(json.loads(process.stdout.readline()))
    load_after = os.getloadavg()[0]
    for process in workers.values():
        process.stdin.close()
        process.wait()
    print(
        f"{len(args.compare)} checkouts, {args.rounds} rounds x {args.block} requests each, "
        f"{time.time() - started:.0f} s, load average {load_before:.2f} -> {load_after:.2f}"
    )
    baseline = None
    for name, values in timings.items():
        values.sort()
        median = statistics.median(values)
        p10, p90 = values[len(values) // 10], values[len(values) * 9 // 10]
        ratio = f", {baseline / median:.2f}x the first" if baseline else ""
        print(f"{name}: n={len(values)} median {median:.2f} ms (p10 {p10:.2f}, p90 {p90:.2f}){ratio}")
        baseline = baseline or median


def http(args):
    """Servers already running (gunicorn with an access log written with --access-logformat
    '%(r)s %(s)s %(D)s'): one client, the servers in turn on every request; server time from the logs."""
    import re
    import urllib.request

    servers = []
    for spec in args.http:
        name, rest = spec.split("=", 1)
        base, log = rest.rsplit(",", 1)
        servers.append((name, base, log))
    fresh = int(time.time() * 1000) * 1000
    starts = {}
    for index in range(args.warm + args.repeat):
        if index == args.warm:
            starts = {name: Path(log).stat().st_size for name, _base, log in servers}
        for name, base, _log in servers:
            fresh += 1
            path = args.path[index % len(args.path)]
            with urllib.request.urlopen(f"{base}{path}&fresh={fresh}") as response:
                assert response.status == 200, (name, response.status)
                response.read()
    time.sleep(0.5)
    baseline = None
    for name, _base, log in servers:
        with open(log, "rb") as handle:
            handle.seek(starts[name])
            lines = handle.read().decode("utf-8", "replace").splitlines()
        values = sorted(
            int(match.group(1)) / 1000
            for line in lines
            if (match := re.search(r"GET /search/\S* HTTP/[\d.]+ 200 (\d+)$", line.strip()))
        )
        median = statistics.median(values)
        ratio = f", {baseline / median:.2f}x the first" if baseline else ""
        print(
            f"{name}: n={len(values)} server median {median:.2f} ms "
            f"(p10 {values[len(values) // 10]:.2f}, p90 {values[len(values) * 9 // 10]:.2f}){ratio}"
        )
        baseline = baseline or median


def single(args):
    setup(args.code)
    import cProfile
    import io
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    requester = Requester(args.path, start=int(time.time() * 1000) * 1000)
    requester.timed(20)
    timings = requester.timed(args.repeat)
    with CaptureQueriesContext(connection) as queries:
        requester.get(args.path[0])
    print(
        f"{args.path}: fastest {min(timings):.2f} ms, median {statistics.median(timings):.2f} ms, "
        f"queries {len(queries)}"
    )
    for query in queries.captured_queries:
        print(f"   SQL {query['time']}s", query["sql"][: args.sql_chars])
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        requester.timed(args.repeat)
        profile.disable()
        calls = sum(entry[1] for entry in pstats.Stats(profile).stats.values())
        print(f"Python calls per request: {calls / args.repeat:,.0f}")
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", action="append", help="a search URL with ?q=… (repeatable)")
    parser.add_argument("--code", default=".", help="the checkout to run (single mode and workers)")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--sql-chars", type=int, default=300)
    parser.add_argument("--compare", nargs="+", metavar="NAME=DIR")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--block", type=int, default=15)
    parser.add_argument("--http", nargs="+", metavar="NAME=BASE_URL,ACCESS_LOG")
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.path = args.path or DEFAULT_PATHS
    if args.worker:
        worker(args)
    elif args.http:
        http(args)
    elif args.compare:
        compare(args)
    else:
        single(args)


if __name__ == "__main__":
    main()
