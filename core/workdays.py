"""The one working-day calendar: China's official holidays and 调休 working weekends.

Every deadline the site counts in working days (messages, join applications, error
reports, inspection) comes from here. The library `chinesecalendar` supplies the
State Council's schedules for the years it knows; an administrator adds a later year
in the admin (`CalendarYear`, `CalendarDay`) when the schedule is published. A date
in a year that neither knows raises `UnknownYear`: a deadline is never silently counted
as if the year had no holidays.
"""

import bisect
import datetime
import time

import chinese_calendar
from django.utils import timezone

from .models import CalendarDay, CalendarYear

# Entries changed in the admin reach every process within this many seconds.
RELOAD_SECONDS = 60

_LIBRARY_YEARS = frozenset(
    day.year for table in (chinese_calendar.holidays, chinese_calendar.workdays) for day in table
)
# The library's own is_workday() rescans its whole table for the supported range on every call
# (~90 µs); the same rule on frozen sets keeps 100,000 deadlines well under a second.
_LIBRARY_HOLIDAYS = frozenset(chinese_calendar.holidays)
_LIBRARY_WORKDAYS = frozenset(chinese_calendar.workdays)


class UnknownYear(Exception):
    def __init__(self, year):
        super().__init__(f"{year}年的法定节假日安排尚未录入，无法按工作日计算期限。")
        self.year = year


class _Overrides:
    """The admin's years and days, read at most once a minute per process."""

    def __init__(self):
        self.loaded_at = None
        self.complete_years = frozenset()
        self.days = {}
        self.runs = None

    def current(self):
        if self.loaded_at is None or time.monotonic() - self.loaded_at > RELOAD_SECONDS:
            self.reload()
        return self

    def reload(self):
        self.complete_years = frozenset(
            CalendarYear.objects.filter(complete=True).values_list("year", flat=True)
        )
        self.days = dict(CalendarDay.objects.values_list("date", "kind"))
        self.runs = None
        self.loaded_at = time.monotonic()

    def working_day_runs(self):
        """{year: sorted ordinals of the working days} for each run of consecutive known years,
        built once per reload: a deadline is then one bisection instead of a walk day by day."""
        if self.runs is None:
            runs = {}
            years = sorted(_LIBRARY_YEARS | self.complete_years)
            while years:
                first = last = years.pop(0)
                while years and years[0] == last + 1:
                    last = years.pop(0)
                day, end = datetime.date(first, 1, 1), datetime.date(last, 12, 31)
                ordinals = []
                while day <= end:
                    if is_working_day(day):
                        ordinals.append(day.toordinal())
                    day += datetime.timedelta(days=1)
                for year in range(first, last + 1):
                    runs[year] = ordinals
            self.runs = runs
        return self.runs


_overrides = _Overrides()


def forget_overrides():
    """Called when the admin changes the calendar, so this process reads it again."""
    _overrides.loaded_at = None


def known_years():
    return sorted(_LIBRARY_YEARS | _overrides.current().complete_years)


def is_known_year(year):
    return year in _LIBRARY_YEARS or year in _overrides.current().complete_years


def is_working_day(day):
    overrides = _overrides.current()
    kind = overrides.days.get(day)
    if kind is not None:
        return kind == "workday"
    if day.year in _LIBRARY_YEARS:
        return day in _LIBRARY_WORKDAYS or (day.weekday() < 5 and day not in _LIBRARY_HOLIDAYS)
    if day.year in overrides.complete_years:
        return day.weekday() < 5
    raise UnknownYear(day.year)


def _local_date(moment):
    if isinstance(moment, datetime.datetime):
        if moment.tzinfo is not None and moment.utcoffset() is not None:
            moment = moment.astimezone(timezone.get_default_timezone())
        return moment.date()
    return moment


def add_working_days(start, count):
    """The date of the `count`-th working day after `start` (a date or datetime).

    Day 1 is the first working day after the day of `start`, whatever the hour: a
    message that arrives on Friday evening with a 3-day limit is due on Wednesday.
    """
    day = _local_date(start)
    if count > 0:
        ordinals = _overrides.current().working_day_runs().get(day.year)
        if ordinals is not None:
            index = bisect.bisect_right(ordinals, day.toordinal()) + count - 1
            if index < len(ordinals):
                return datetime.date.fromordinal(ordinals[index])
    # Past the end of the known years: walk, so that an unknown year raises UnknownYear.
    remaining = count
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def deadline_after(start, count):
    """The end (23:59:59 local time) of the `count`-th working day after `start`."""
    day = add_working_days(start, count)
    return datetime.datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=timezone.get_default_timezone())


def working_days_between(start, end):
    """Working days after `start`'s day up to and including `end`'s day (0 if end is earlier)."""
    first, last = _local_date(start), _local_date(end)
    count = 0
    day = first
    while day < last:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
