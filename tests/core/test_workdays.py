"""Deadlines in working days on China's official calendar, 调休 weekends included."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from core import workdays
from core.models import CalendarDay, CalendarYear

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_workday_overrides")]

D = datetime.date.fromisoformat


def test_national_day_holiday_and_its_adjusted_weekends_2025():
    # 国庆、中秋 2025: 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班。
    assert workdays.add_working_days(D("2025-09-26"), 1) == D("2025-09-28")
    assert workdays.add_working_days(D("2025-09-30"), 1) == D("2025-10-09")
    assert workdays.add_working_days(D("2025-09-30"), 3) == D("2025-10-11")


def test_spring_festival_2025():
    # 春节 2025: 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班。
    assert workdays.is_working_day(D("2025-01-26"))
    assert not workdays.is_working_day(D("2025-01-28"))
    assert workdays.add_working_days(D("2025-01-27"), 1) == D("2025-02-05")
    assert workdays.add_working_days(D("2025-02-07"), 1) == D("2025-02-08")


def test_across_the_year_boundary():
    # 元旦 2026: 1月1日至3日放假，1月4日（周日）上班.
    assert workdays.add_working_days(D("2025-12-31"), 1) == D("2026-01-04")
    assert workdays.working_days_between(D("2025-12-30"), D("2026-01-05")) == 3


def test_a_friday_evening_message_with_three_days_is_due_on_wednesday():
    from django.utils import timezone

    friday_evening = timezone.make_aware(datetime.datetime(2025, 11, 14, 21, 30))
    deadline = workdays.deadline_after(friday_evening, 3)
    assert deadline.date() == D("2025-11-19")
    assert (deadline.hour, deadline.minute) == (23, 59)


@pytest.mark.django_db
def test_a_year_nobody_entered_is_refused_not_counted_as_weekdays():
    assert not workdays.is_known_year(2031)
    with pytest.raises(workdays.UnknownYear) as raised:
        workdays.add_working_days(D("2031-03-02"), 3)
    assert "2031年" in str(raised.value)


@pytest.mark.django_db
def test_an_administrator_enters_next_years_schedule():
    CalendarYear.objects.create(year=2031, complete=True, source="演示")
    CalendarDay.objects.create(date=D("2031-03-04"), kind=CalendarDay.Kind.HOLIDAY, name="演示假日")
    CalendarDay.objects.create(date=D("2031-03-08"), kind=CalendarDay.Kind.WORKDAY, name="调休")
    assert workdays.is_known_year(2031)
    # 3月3日（周一）之后：4日放假，5、6、7日上班 → 3个工作日到7日；8日（周六）调休上班.
    assert workdays.add_working_days(D("2031-03-03"), 3) == D("2031-03-07")
    assert workdays.add_working_days(D("2031-03-03"), 4) == D("2031-03-08")


@pytest.mark.django_db
def test_a_day_of_a_year_not_yet_added_is_refused_with_a_chinese_message():
    day = CalendarDay(date=D("2032-01-01"), kind=CalendarDay.Kind.HOLIDAY)
    with pytest.raises(ValidationError) as raised:
        day.full_clean()
    assert "2032年放假安排" in str(raised.value)
