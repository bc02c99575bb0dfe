"""Benchmark: campaign pages when the campaign tag gathers thousands of articles.

Usage (own database, never the shared var/):

    VAR_DIR=/tmp/campaigns-bench .venv/bin/python manage.py migrate
    VAR_DIR=/tmp/campaigns-bench .venv/bin/python manage.py load_demo_content
    VAR_DIR=/tmp/campaigns-bench .venv/bin/python bench/campaigns_pages.py --articles 20000 --repeat 25

Tops the news up to `--articles` synthetic articles (demo/bulk.py; its tag pool
includes the demo campaigns' tags 农民工入会, 建功立业, 下基层, 暖心驿站), then requests
each scenario `--repeat` times through Django's test client (whole stack) and
prints the median and 90th percentile wall time, the median CPU time of this
process and the number of SQL queries of one request. Set DATABASE_URL to run
it on PostgreSQL.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def scenarios():
    from campaigns.models import CampaignFormPage, CampaignIndexPage, CampaignPage

    campaign = CampaignPage.objects.get(slug="nong-min-gong-ru-hui")
    form_page = CampaignFormPage.objects.child_of(campaign).first()
    index = CampaignIndexPage.objects.first()
    return [
        ("专题列表", index.url),
        ("专题首页（农民工入会集中行动）", campaign.url),
        ("专题新闻 第 1 页", campaign.url + "news/"),
        ("专题新闻 第 50 页", campaign.url + "news/?page=50"),
        ("专题 RSS", campaign.url + "feed/"),
        ("全部活动日程 .ics", campaign.calendar_url()),
        ("报名表单", form_page.url),
        ("首页（含当前专题区块）", "/"),
    ]


def measure(client, url, repeat):
    client.get(url)  # warm caches (templates, site root, feed cache)
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    walls.sort()
    return statistics.median(walls), walls[int(len(walls) * 0.9) - 1], statistics.median(cpus), len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    from campaigns.models import CampaignPage
    from news.models import ArticlePage

    missing = args.articles - ArticlePage.objects.count()
    if missing > 0:
        call_command("generate_bulk_content", articles=missing)
    campaign = CampaignPage.objects.get(slug="nong-min-gong-ru-hui")
    gathered = campaign.get_listing_queryset().count()
    print(f"文章总数 {ArticlePage.objects.count()}，本专题汇集 {gathered} 篇；数据库 {connection.vendor}")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'场景':<24}{'中位数 ms':>10}{'P90 ms':>10}{'CPU ms':>10}{'查询数':>8}")
    for title, url in scenarios():
        median, p90, cpu, queries = measure(client, url, args.repeat)
        print(f"{title:<24}{median * 1000:>10.1f}{p90 * 1000:>10.1f}{cpu * 1000:>10.1f}{queries:>8}")


if __name__ == "__main__":
    main()
