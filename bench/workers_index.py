"""Benchmark: the 劳模风采 index (filters with their counts, sorting, pagination) on many profiles.

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/workers-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/workers-bench .venv/bin/python bench/workers_index.py --profiles 5000 --repeat 25

Tops the gallery up to `--profiles` synthetic profiles (demo/bulk.py), then
requests each scenario `--repeat` times through Django's test client (whole
stack: middleware, page serving, template) and prints the median and 90th
percentile wall time, the median CPU time of this process (steadier than wall
time on a shared machine; with SQLite it includes the database's work, with
PostgreSQL it does not) and the number of SQL queries of one request. Set
DATABASE_URL to run it on PostgreSQL.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management.base import BaseCommand  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from page_timing import measure  # noqa: E402

SCENARIOS = [
    ("无筛选（最近获奖排序）", ""),
    ("单个筛选：地区", "?region=xining"),
    ("单个筛选：荣誉级别", "?level=national"),
    ("组合筛选：级别 + 年份 + 地区 + 性别", "?level=national&year=2020&region=haixi&gender=%E7%94%B7"),
    ("七项全选 + 拼音排序", "?level=provincial&title=qinghai-laomo&year=2015&industry=nongmuye"
     "&region=haidong&ethnicity=%E6%B1%89%E6%97%8F&gender=%E7%94%B7&sort=name"),
    ("拼音排序 第 100 页", "?sort=name&page=100"),
    ("含无效参数", "?year=abc&region=atlantis&sort=price"),
]  # fmt: skip


def ensure_profiles(target):
    from demo import bulk
    from demo.loader import ensure_home_page
    from workers.models import WorkerIndexPage, WorkerPage

    home = ensure_home_page()
    index = WorkerIndexPage.objects.child_of(home).first()
    existing = WorkerPage.objects.child_of(index).count() if index else 0
    if existing < target:
        bulk.generate_workers(BaseCommand(), target - existing)
    index = WorkerIndexPage.objects.child_of(home).first()
    return index, WorkerPage.objects.child_of(index).live().count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    settings.DEBUG = False
    index, total = ensure_profiles(args.profiles)
    client = Client()
    vendor = connection.vendor
    print(f"数据库：{vendor}；劳模总数：{total}；每个场景请求 {args.repeat} 次\n")
    print("| 场景 | 中位数 (ms) | P90 (ms) | 本进程 CPU 中位数 (ms) | SQL 查询数 |")
    print("|---|---:|---:|---:|---:|")
    for label, query in SCENARIOS:
        median, p90, cpu, queries = measure(client, index.url + query, args.repeat)
        print(f"| {label} | {median:.0f} | {p90:.0f} | {cpu:.0f} | {queries} |")


if __name__ == "__main__":
    main()
