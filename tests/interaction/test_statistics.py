"""The public statistics page: received, answered, in time, medians, by category and month."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from interaction import stats
from interaction.models import Category, Status
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime.datetime(*args, tzinfo=TZ)


def test_report_counts_and_medians():
    on_time = make_message(created_at=at(2025, 3, 3, 9), category=Category.WAGES)
    on_time.first_responded_at = at(2025, 3, 4, 9)
    on_time.answered_at = at(2025, 3, 7, 9)
    on_time.status = Status.ANSWERED
    on_time.satisfaction = 3
    on_time.save()
    late = make_message(created_at=at(2025, 3, 10, 9), category=Category.INJURY)
    late.first_responded_at = at(2025, 3, 12, 9)
    late.answered_at = at(2025, 5, 1, 9)
    late.status = Status.CLOSED
    late.save()
    make_message(created_at=at(2025, 4, 1, 9), category=Category.WAGES)
    make_message(created_at=at(2025, 4, 2, 9), status=Status.SPAM)
    report = stats.report(2025)
    total = report["total"]
    assert (total["received"], total["answered"], total["in_time"]) == (3, 2, 1)
    assert total["median_first_response_days"] == 1.5
    wages = next(row for row in report["by_category"] if row["label"] == "工资拖欠")
    assert (wages["received"], wages["answered"]) == (2, 1)
    march = report["by_month"][2]
    assert march["received"] == 2
    assert report["rated"] == 1


def test_statistics_page_renders(client, site_root):
    make_message(created_at=at(2025, 3, 3, 9))
    response = client.get("/hudong/tongji/?year=2025")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2025年职工留言办理统计" in html and "工资拖欠" in html
    assert "public" in response["Cache-Control"]
    assert client.get("/hudong/tongji/?year=abc").status_code == 200
