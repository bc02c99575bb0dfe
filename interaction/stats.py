"""Anonymous figures for the public statistics page and the yearly report (网站工作年度报表).

Counted from the messages themselves (category, dates, status, rating): they survive the
retention command, which strips only personal data. Spam and invalid messages are not counted.

The database does the counting: a year's report is two GROUP BY queries (per category, month and
tenth of a day to the first response, then to the answer), whose answers are bounded by the
vocabulary (8 categories × 12 months) and the spread of handling times, never by the number of
messages (it read every message of the year before: 2-3.5 s at 100,000). Both read the covering
index `interaction_stats_cover`, not the messages' rows.

Medians: each message's time to first response and to answer is rounded in the database to a
tenth of a day (the precision the page shows) and counted per tenth; the median is read from those
counts. That is the median of the rounded times: with an odd count it is the rounded median itself;
with an even count (two middle values averaged) it is within 0.05 day of the exact median, so the
shown figure can differ by one tenth from rounding the exact median.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Case, Count, F, Func, IntegerField, Max, Min, Q, Value, When

from .models import Category, Message, Satisfaction, Status

CACHE_SECONDS = 600
EXCLUDED = (Status.SPAM, Status.INVALID)
TENTHS_PER_DAY = 10


def _tz():
    return ZoneInfo(settings.TIME_ZONE)


def counted():
    return Message.objects.exclude(status__in=EXCLUDED)


def _year_bounds(year, tz):
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def available_years():
    """Years with counted messages, newest first (cached with the reports).

    The first and last dates, then one indexed existence check per year between them: a few
    queries, whatever the number of messages."""
    result = cache.get("interaction:stats:years")
    if result is None:
        tz = _tz()
        span = counted().aggregate(first=Min("created_at"), last=Max("created_at"))
        result = []
        if span["first"] is not None:
            for year in range(span["last"].astimezone(tz).year, span["first"].astimezone(tz).year - 1, -1):
                start, end = _year_bounds(year, tz)
                if counted().filter(created_at__gte=start, created_at__lt=end).exists():
                    result.append(year)
        cache.set("interaction:stats:years", result, CACHE_SECONDS)
    return result


class TenthsOfDayBetween(Func):
    """Whole tenths of a day from the first datetime to the second, rounded, computed by the database."""

    arity = 2
    output_field = IntegerField()

    def _parts(self, compiler):
        (start_sql, start_params), (end_sql, end_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return start_sql, start_params, end_sql, end_params

    def as_sql(self, compiler, connection, **extra_context):
        start, start_params, end, end_params = self._parts(compiler)
        seconds = 86400 // TENTHS_PER_DAY
        # date_part() answers in double precision; EXTRACT() answers in numeric, several times slower.
        sql = f"CAST(ROUND(date_part('epoch', {end} - {start}) / {seconds}.0) AS INTEGER)"
        return sql, (*end_params, *start_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django keeps datetimes in SQLite as ISO text in UTC, which julianday() reads.
        start, start_params, end, end_params = self._parts(compiler)
        sql = f"CAST(ROUND((julianday({end}) - julianday({start})) * {TENTHS_PER_DAY}) AS INTEGER)"
        return sql, (*end_params, *start_params)


def _month_of_created(year, tz):
    """The local month of `created_at` as plain comparisons with the month boundaries (no per-row
    time-zone conversion; the rows are already limited to the year)."""
    whens = [
        When(created_at__lt=datetime.datetime(year, month + 1, 1, tzinfo=tz), then=Value(month))
        for month in range(1, 12)
    ]
    return Case(*whens, default=Value(12), output_field=IntegerField())


def _median_from_counts(counts):
    """Median of values given as {value: how many}; None when there are none."""
    total = sum(counts.values())
    if not total:
        return None
    lower_rank, upper_rank = (total - 1) // 2, total // 2
    seen, lower = 0, None
    for value in sorted(counts):
        seen += counts[value]
        if lower is None and seen > lower_rank:
            lower = value
        if seen > upper_rank:
            return (lower + value) / 2
    return None  # not reached


def _plain_rows(queryset, columns):
    """The rows of a grouped query as plain tuples in the order of `columns`.

    Run on the cursor rather than through the queryset: every column is a whole number or the
    category's code, so Django's per-value conversions (a third of the time with 25,000 groups)
    are not needed."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        position = {column[0]: index for index, column in enumerate(cursor.description)}
        order = [position[name] for name in columns]
        rows = cursor.fetchall()
    if order == list(range(len(rows[0]) if rows else len(order))):
        return rows
    return [tuple(row[index] for index in order) for row in rows]


def _merge(histograms):
    merged = {}
    for histogram in histograms:
        for value, count in histogram.items():
            merged[value] = merged.get(value, 0) + count
    return merged


def _row(label, counts, first_histogram, answer_histogram):
    received, answered, in_time = counts
    first, answer = _median_from_counts(first_histogram), _median_from_counts(answer_histogram)
    return {
        "label": label,
        "received": received,
        "answered": answered,
        "in_time": in_time,
        "in_time_percent": round(100 * in_time / answered) if answered else None,
        "median_first_response_days": None if first is None else round(first / TENTHS_PER_DAY, 1),
        "median_answer_days": None if answer is None else round(answer / TENTHS_PER_DAY, 1),
    }


def report(year):
    tz = _tz()
    start, end = _year_bounds(year, tz)
    messages = (
        counted()
        .filter(created_at__gte=start, created_at__lt=end)
        .annotate(month=_month_of_created(year, tz))
    )
    zero = (0, 0, 0)
    counts = {"category": {}, "month": {}}
    first = {"category": {}, "month": {}}
    answer = {"category": {}, "month": {}}
    ratings = dict.fromkeys(Satisfaction.values, 0)
    # First pass: per (category, month, tenths of a day to the first response) the messages
    # received, answered, answered in time and rated; rows without a response have tenths NULL.
    per_cell = (
        messages.annotate(tenths=TenthsOfDayBetween(F("created_at"), F("first_responded_at")))
        .values("category", "month", "tenths")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            in_time=Count(
                "pk",
                filter=Q(
                    answered_at__isnull=False, answer_due__isnull=False, answered_at__lte=F("answer_due")
                ),
            ),
            **{f"rated_{value}": Count("pk", filter=Q(satisfaction=value)) for value in Satisfaction.values},
        )
        .order_by()
    )
    rating_values = Satisfaction.values
    columns = ["category", "month", "tenths", "received", "answered", "in_time"]
    columns += [f"rated_{value}" for value in rating_values]
    for cell in _plain_rows(per_cell, columns):
        category, month, tenths, received, answered, in_time, *rated = cell
        for value, count in zip(rating_values, rated, strict=True):
            ratings[value] += count
        for table, key in (("category", category), ("month", month)):
            before = counts[table].get(key, zero)
            counts[table][key] = (before[0] + received, before[1] + answered, before[2] + in_time)
            if tenths is not None:
                histogram = first[table].setdefault(key, {})
                histogram[tenths] = histogram.get(tenths, 0) + received
    # Second pass: per (category, month, tenths of a day to the answer), answered messages only.
    per_answer = (
        messages.filter(answered_at__isnull=False)
        .annotate(tenths=TenthsOfDayBetween(F("created_at"), F("answered_at")))
        .values("category", "month", "tenths")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_category, by_month = answer["category"], answer["month"]
    for category, month, tenths, n in _plain_rows(per_answer, ["category", "month", "tenths", "n"]):
        histogram = by_category.setdefault(category, {})
        histogram[tenths] = histogram.get(tenths, 0) + n
        histogram = by_month.setdefault(month, {})
        histogram[tenths] = histogram.get(tenths, 0) + n

    def row(label, table, key):
        return _row(
            label, counts[table].get(key, zero), first[table].get(key, {}), answer[table].get(key, {})
        )

    by_category = [row(label, "category", value) for value, label in Category.choices]
    by_month = [row(f"{month}月", "month", month) for month in range(1, 13)]
    total_counts = tuple(sum(figures[i] for figures in counts["category"].values()) for i in range(3))
    total = _row(
        "合计",
        total_counts,
        _merge(first["category"].values()),
        _merge(answer["category"].values()),
    )
    satisfaction = [{"label": label, "count": ratings[value]} for value, label in Satisfaction.choices]
    return {
        "year": year,
        "total": total,
        "by_category": by_category,
        "by_month": by_month,
        "satisfaction": satisfaction,
        "rated": sum(ratings.values()),
    }


def cached_report(year):
    key = f"interaction:stats:{year}"
    result = cache.get(key)
    if result is None:
        result = report(year)
        cache.set(key, result, CACHE_SECONDS)
    return result
