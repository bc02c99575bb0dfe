"""The bisection table gives the same deadlines as walking day by day, admin overrides included."""

import datetime

import pytest

from core import workdays
from core.models import CalendarDay, CalendarYear

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_workday_overrides")]


def walk(start, count):
    day = start
    while count > 0:
        day += datetime.timedelta(days=1)
        if workdays.is_working_day(day):
            count -= 1
    return day


def test_table_matches_the_walk_for_every_day_of_2024_and_2025():
    day = datetime.date(2024, 1, 1)
    while day.year < 2026:
        for count in (1, 3, 15):
            assert workdays.add_working_days(day, count) == walk(day, count), (day, count)
        day += datetime.timedelta(days=1)


def test_an_admin_override_changes_the_table():
    CalendarYear.objects.get_or_create(year=2025)
    # Declare Monday 2025-11-17 a holiday: a Friday message's 1-day limit moves to Tuesday.
    CalendarDay.objects.create(date=datetime.date(2025, 11, 17), kind="holiday", name="测试")
    workdays.forget_overrides()
    assert workdays.add_working_days(datetime.date(2025, 11, 14), 1) == datetime.date(2025, 11, 18)


def test_running_past_the_known_years_still_refuses_an_unknown_year():
    last = max(workdays.known_years())
    with pytest.raises(workdays.UnknownYear):
        workdays.add_working_days(datetime.date(last, 12, 20), 15)
