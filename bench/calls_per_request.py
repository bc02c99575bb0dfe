"""Benchmark companion to news_pages.py for a busy machine: Python function calls and SQL queries
per request, which do not depend on what else the machine is doing.

Run from the checkout to measure, with its own database (see news_pages.py), e.g.:

    VAR_DIR=/tmp/news-bench .venv/bin/python bench/calls_per_request.py --repeat 20

For an older checkout without this file, run this file from inside that checkout (it imports the
checkout's own bench/news_pages.py for the pages, so both sides request the same page types):

    cd ../before && VAR_DIR=/tmp/news-bench-before .venv/bin/python ../after/bench/calls_per_request.py

"uncached" and "cold" as in news_pages.py (cold: right after the site cache's version changed).
Medians of one request. A function call is counted by cProfile each time Python enters a function (built-ins included).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd() / "bench"))
sys.path.insert(0, str(Path.cwd()))

import news_pages  # sets up Django for the checkout in the current directory
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

try:
    from sitecache.cache import bump_version
except ImportError:  # checkouts before the architecture step (issue 13)
    from home.site_cache import bump_version


def count(client, urls, repeat, cold):
    """Median calls and queries of one request (a median, so that a cache entry expiring during
    the run, e.g. a per-minute listing, does not move the figure)."""
    for url in urls:
        assert client.get(url).status_code == 200, url
    calls, queries = [], []
    for number in range(repeat):
        url = urls[number % len(urls)]
        if cold:
            bump_version()
        profile = cProfile.Profile()
        with CaptureQueriesContext(connection) as captured:
            profile.enable()
            response = client.get(url)
            profile.disable()
        assert response.status_code == 200, url
        calls.append(sum(entry[1] for entry in pstats.Stats(profile).stats.values()))
        queries.append(len(captured))
    return statistics.median(calls), statistics.median(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"checkout: {os.getcwd()}, requests per page type: {args.repeat}")
    print(f"{'page':<24}{'uncached calls':>16}{'queries':>9}{'cold calls':>12}{'queries':>9}")
    for label, urls in news_pages.scenarios():
        calls, queries = count(Client(HTTP_HOST="127.0.0.1"), urls, args.repeat, cold=False)
        cold_calls, cold_queries = count(Client(HTTP_HOST="127.0.0.1"), urls, args.repeat, cold=True)
        print(f"{label:<24}{calls:>16.0f}{queries:>9.0f}{cold_calls:>12.0f}{cold_queries:>9.0f}")


if __name__ == "__main__":
    main()
