"""Benchmark: working-day deadline arithmetic for 12351 messages (core.workdays).

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/interaction-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/interaction-bench .venv/bin/python bench/interaction.py --count 100000

Computes `--count` deadlines with `core.workdays.deadline_after` for start times spread over
2024-2025 (春节, 国庆 and their 调休 weekends included): once with the first-response limit
(3 working days) and once with the answer limit (15). Prints the wall and CPU time of each run; the
target is under 1 s per 100,000 computations of the 3-day limit.
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from core import workdays  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    tz = ZoneInfo("Asia/Shanghai")
    base = datetime.datetime(2024, 1, 1, 8, 0, tzinfo=tz)
    # A new start every ~10 minutes across two years: every weekday, weekend and holiday.
    step = datetime.timedelta(seconds=(2 * 365 * 86400 - 40 * 86400) // args.count)
    starts = [base + i * step for i in range(args.count)]
    workdays.known_years()  # load the admin's calendar entries once, as a running process has
    for days in (3, 15):
        started, cpu_started = time.perf_counter(), time.process_time()
        for start in starts:
            workdays.deadline_after(start, days)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print(
            f"{args.count} deadlines of {days} working days: {elapsed:.3f} s wall, {cpu:.3f} s CPU "
            f"({elapsed / args.count * 1e6:.2f} µs each)"
        )


if __name__ == "__main__":
    main()
