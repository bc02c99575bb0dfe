"""Anonymous figures for the public statistics page and the yearly report (网站工作年度报表).

Counted from the messages themselves (category, dates, status, rating): they survive the
retention command, which strips only personal data. Spam and invalid messages are not counted.
"""

import datetime
import statistics as pystats
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db.models.functions import ExtractYear

from .models import Category, Message, Satisfaction, Status

CACHE_SECONDS = 600
EXCLUDED = (Status.SPAM, Status.INVALID)


def _tz():
    return ZoneInfo(settings.TIME_ZONE)


def available_years():
    """Years with counted messages, newest first (cached with the reports)."""
    result = cache.get("interaction:stats:years")
    if result is None:
        years = (
            Message.objects.exclude(status__in=EXCLUDED)
            .annotate(year=ExtractYear("created_at", tzinfo=_tz()))
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        )
        result = sorted(set(years), reverse=True)
        cache.set("interaction:stats:years", result, CACHE_SECONDS)
    return result


def _days(start, end):
    return (end - start).total_seconds() / 86400


def _median(values):
    return round(pystats.median(values), 1) if values else None


def _row(label, rows):
    answered = [r for r in rows if r[3] is not None]
    in_time = [r for r in answered if r[4] is not None and r[3] <= r[4]]
    return {
        "label": label,
        "received": len(rows),
        "answered": len(answered),
        "in_time": len(in_time),
        "in_time_percent": round(100 * len(in_time) / len(answered)) if answered else None,
        "median_first_response_days": _median([_days(r[1], r[2]) for r in rows if r[2] is not None]),
        "median_answer_days": _median([_days(r[1], r[3]) for r in answered]),
    }


def report(year):
    tz = _tz()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    rows = list(
        Message.objects.filter(created_at__gte=start, created_at__lt=end)
        .exclude(status__in=EXCLUDED)
        .values_list(
            "category", "created_at", "first_responded_at", "answered_at", "answer_due", "satisfaction"
        )
    )
    # One pass: each row's month is worked out once.
    per_category = {value: [] for value in Category.values}
    per_month = {month: [] for month in range(1, 13)}
    for row in rows:
        per_category.setdefault(row[0], []).append(row)
        per_month[row[1].astimezone(tz).month].append(row)
    by_category = [_row(label, per_category[value]) for value, label in Category.choices]
    by_month = [_row(f"{month}月", per_month[month]) for month in range(1, 13)]
    ratings = [r[5] for r in rows if r[5] is not None]
    satisfaction = [{"label": label, "count": ratings.count(value)} for value, label in Satisfaction.choices]
    return {
        "year": year,
        "total": _row("合计", rows),
        "by_category": by_category,
        "by_month": by_month,
        "satisfaction": satisfaction,
        "rated": len(ratings),
    }


def cached_report(year):
    key = f"interaction:stats:{year}"
    result = cache.get(key)
    if result is None:
        result = report(year)
        cache.set(key, result, CACHE_SECONDS)
    return result
