"""Benchmark: working-day deadline arithmetic for 12351 messages (core.workdays).

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/interaction-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/interaction-bench .venv/bin/python bench/interaction.py --count 100000

Computes `--count` deadlines with `core.workdays.deadline_after` for start times spread over
2024-2025 (春节, 国庆 and their 调休 weekends included): once with the first-response limit
(3 working days) and once with the answer limit (15). Prints the wall and CPU time of each run; the
target is under 1 s per 100,000 computations of the 3-day limit.

With `--queue 100000` it also tops the database up to that many messages (bulk insert, spread
over 2025, random region, status and handler) and measures, `--repeat` times each, the handler's
queue through Django's test client (whole stack), the overdue panel's query, and the public
statistics page uncached (the cache emptied before each request) and cached, and the report's own
queries. Targets: queue and panel < 300 ms median, cached statistics < 50 ms. Set DATABASE_URL
for PostgreSQL.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from core import workdays  # noqa: E402


def ensure_cases(count):
    """Top the database up to `count` messages spread over 2025 (bulk insert, deadlines computed)."""
    import random

    from django.contrib.auth import get_user_model

    from interaction.access import HANDLER_GROUP, SUPERVISOR_GROUP
    from interaction.models import Category, Message, Region, Status
    from tests.factories.interaction import make_staff

    user_model = get_user_model()
    if not user_model.objects.filter(username="bench-xining").exists():
        make_staff("bench-xining", HANDLER_GROUP, regions=[Region.XINING, Region.HAIDONG])
        make_staff("bench-helper", HANDLER_GROUP, regions=[Region.XINING])
        make_staff("bench-supervisor", SUPERVISOR_GROUP)
    handlers = list(user_model.objects.filter(username__in=["bench-xining", "bench-helper"]))
    missing = count - Message.objects.count()
    if missing <= 0:
        return
    rng = random.Random(15)
    tz = ZoneInfo("Asia/Shanghai")
    start = datetime.datetime(2025, 1, 2, 8, 0, tzinfo=tz)
    statuses = [Status.SUBMITTED, Status.ACCEPTED, Status.ANSWERED, Status.CLOSED, Status.CLOSED, Status.SPAM]
    batch = []
    for number in range(missing):
        created = start + datetime.timedelta(minutes=rng.randrange(0, 360 * 24 * 60))
        status = rng.choice(statuses)
        message = Message(
            category=rng.choice(Category.values),
            region=rng.choice(Region.values),
            title=f"压测留言 {number}",
            description="压测内容",
            name="压测",
            mobile=f"138{number:08d}",
            status=status,
            created_at=created,
            assigned_to=rng.choice(handlers + [None]),
            fingerprint=f"bench-{number}",
        )
        message.compute_deadlines()
        if status != Status.SUBMITTED:
            message.first_responded_at = created + datetime.timedelta(hours=rng.randrange(2, 120))
        if status in (Status.ANSWERED, Status.CLOSED):
            message.answered_at = created + datetime.timedelta(hours=rng.randrange(24, 600))
        batch.append(message)
        if len(batch) == 5000:
            Message.objects.bulk_create(batch)
            batch = []
    Message.objects.bulk_create(batch)


CPU_TIMES = []


def timed(function, repeat):
    """Median and P90 wall time in ms; the median CPU time of this process (which on SQLite includes
    the database's work, and is steadier than wall time on a busy machine) goes to CPU_TIMES."""
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    CPU_TIMES.append(statistics.median(cpu))
    return statistics.median(times), sorted(times)[int(len(times) * 0.9) - 1]


def bench_queue(count, repeat):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from interaction.admin_views import handler_summary

    ensure_cases(count)
    handler = get_user_model().objects.get(username="bench-xining")
    supervisor = get_user_model().objects.get(username="bench-supervisor")
    client = Client()
    client.force_login(handler)
    scenarios = [
        ("受理员：留言列表（无筛选）", lambda: client.get("/admin/interaction/")),
        (
            "受理员：西宁·办理中·已超期",
            lambda: client.get("/admin/interaction/?region=xining&status=accepted&due=overdue"),
        ),
        ("受理员：2天内到期", lambda: client.get("/admin/interaction/?due=soon")),
        ("受理员：超期面板（handler_summary）", lambda: handler_summary(handler)),
        ("督办：超期面板（handler_summary）", lambda: handler_summary(supervisor)),
    ]
    for label, function in scenarios:
        response = function()
        if hasattr(response, "status_code") and response.status_code != 200:
            raise SystemExit(f"{label}: HTTP {response.status_code}")
        median, p90 = timed(function, repeat)
        print(f"{label}: median {median:.1f} ms, p90 {p90:.1f} ms, CPU median {CPU_TIMES[-1]:.1f} ms")
    from interaction import stats

    public = Client()
    cache.clear()
    started = time.perf_counter()
    public.get("/hudong/tongji/?year=2025")
    print(f"公开统计页（本进程第一次请求，未缓存）: {(time.perf_counter() - started) * 1000:.1f} ms")

    def uncached():
        cache.clear()  # the report, the list of years and every other cached piece of the page
        response = public.get("/hudong/tongji/?year=2025")
        assert response.status_code == 200

    median, p90 = timed(uncached, repeat)
    print(
        f"公开统计页（每次先清空缓存）: median {median:.1f} ms, p90 {p90:.1f} ms, CPU median {CPU_TIMES[-1]:.1f} ms"
    )
    median, p90 = timed(lambda: stats.report(2025), repeat)
    print(
        f"stats.report(2025) 本身: median {median:.1f} ms, p90 {p90:.1f} ms, CPU median {CPU_TIMES[-1]:.1f} ms"
    )
    median, p90 = timed(lambda: public.get("/hudong/tongji/?year=2025"), repeat)
    print(
        f"公开统计页（已缓存）: median {median:.1f} ms, p90 {p90:.1f} ms, CPU median {CPU_TIMES[-1]:.1f} ms"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--queue", type=int, default=0, help="also measure the queue with this many cases")
    parser.add_argument("--repeat", type=int, default=15)
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
    if args.queue:
        bench_queue(args.queue, args.repeat)


if __name__ == "__main__":
    main()
