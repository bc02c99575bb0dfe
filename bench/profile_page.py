"""Profile one URL in process: fastest / median time, queries, Python calls per request and cProfile's table.

Django test client, whole stack (middleware, routing, templates), site cache warm. Production settings
by default (set SECRET_KEY, SECURE_SSL=0, ALLOW_LOCAL_CACHE=1 and VAR_DIR to an own database with
collected static files), e.g.:

    VAR_DIR=/tmp/speed-nb-main SECRET_KEY=x SECURE_SSL=0 ALLOW_LOCAL_CACHE=1 \\
        .venv/bin/python bench/profile_page.py /about/ --repeat 200 --sort tottime --top 40
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.production")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(20):  # warm: per-process caches, renditions
        response = client.get(args.url)
        assert response.status_code == 200, (args.url, response.status_code)
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        client.get(args.url)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(args.url)
    print(
        f"{args.url}: fastest {min(timings):.2f} ms, median {statistics.median(timings):.2f} ms, "
        f"queries {len(queries)}"
    )
    for query in queries.captured_queries:
        print("   SQL", query["sql"][:200])
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.repeat):
        client.get(args.url)
    profile.disable()
    calls = sum(entry[1] for entry in pstats.Stats(profile).stats.values())
    print(f"Python calls per request: {calls / args.repeat:,.0f}")
    if args.top:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
