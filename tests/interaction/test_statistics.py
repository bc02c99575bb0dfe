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


def _reference_report(messages, year):
    """The report worked out message by message in Python, as the page did before the database
    counted it: what the grouped queries must agree with."""
    import statistics as pystats

    def row(rows):
        answered = [m for m in rows if m.answered_at]
        days = lambda a, b: (b - a).total_seconds() / 86400  # noqa: E731
        firsts = [days(m.created_at, m.first_responded_at) for m in rows if m.first_responded_at]
        answers = [days(m.created_at, m.answered_at) for m in answered]
        return (
            len(rows),
            len(answered),
            len([m for m in answered if m.answer_due and m.answered_at <= m.answer_due]),
            round(pystats.median(firsts), 1) if firsts else None,
            round(pystats.median(answers), 1) if answers else None,
        )

    counted = [m for m in messages if m.status not in (Status.SPAM, Status.INVALID)]
    counted = [m for m in counted if m.created_at.astimezone(TZ).year == year]
    return {
        "total": row(counted),
        "category": [row([m for m in counted if m.category == value]) for value in Category.values],
        "month": [
            row([m for m in counted if m.created_at.astimezone(TZ).month == month]) for month in range(1, 13)
        ],
    }


def _figures(row):
    keys = ("received", "answered", "in_time", "median_first_response_days", "median_answer_days")
    return tuple(row[key] for key in keys)


def _agree(rows, expected):
    """Counts exactly; medians to the page's precision (an average of two middle values may round
    either way at a half tenth of a day, as documented in interaction/stats.py)."""
    assert len(rows) == len(expected)
    for row, wanted in zip(rows, expected, strict=True):
        got = _figures(row)
        assert got[:3] == wanted[:3], (row["label"], got, wanted)
        for value, reference in zip(got[3:], wanted[3:], strict=True):
            assert (value is None) == (reference is None), (row["label"], got, wanted)
            if value is not None:
                assert abs(value - reference) <= 0.1 + 1e-9, (row["label"], got, wanted)


def test_grouped_report_agrees_with_counting_each_message(django_assert_max_num_queries):
    """Months and years by local time (31 March 23:30 is March; 1 January 00:30 is the new year
    although UTC still says the old one); medians of odd and even counts; unanswered messages."""
    import random

    rng = random.Random(15)
    messages = []
    starts = [at(2025, 3, 31, 23, 30), at(2026, 1, 1, 0, 30), at(2025, 1, 1, 0, 10), at(2024, 12, 31, 23, 50)]
    starts += [at(2025, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)) for _ in range(45)]
    for number, created in enumerate(starts):
        message = make_message(created_at=created, category=rng.choice(Category.values))
        # Handling times in whole tenths of a day (2 h 24 min), so rounding cannot blur the medians.
        if rng.random() < 0.8:
            message.first_responded_at = created + datetime.timedelta(minutes=144 * rng.randint(1, 40))
            message.status = Status.ACCEPTED
        if rng.random() < 0.6:
            message.first_responded_at = message.first_responded_at or created
            message.answered_at = created + datetime.timedelta(minutes=144 * rng.randint(5, 300))
            message.status = Status.ANSWERED
        if number % 11 == 0:
            message.status = Status.SPAM
        message.save()
        messages.append(message)
    for year in (2025, 2026):
        expected = _reference_report(messages, year)
        with django_assert_max_num_queries(2):
            report = stats.report(year)
        _agree([report["total"]], [expected["total"]])
        _agree(report["by_category"], expected["category"])
        _agree(report["by_month"], expected["month"])
    assert stats.report(2025)["by_month"][2]["received"] >= 1  # the 31 March 23:30 message
    assert stats.report(2026)["total"]["received"] == 1
