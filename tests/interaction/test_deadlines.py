"""Deadlines in working days on a fixed clock: 国庆 2025 with its 调休 Saturday, and a year the
calendar does not know."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from interaction.models import Message, Status
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def test_deadlines_across_national_day_2025():
    # 10月1日至8日放假，10月11日（周六）上班。Submitted on 30 September at 10:00.
    message = make_message(created_at=at(2025, 9, 30, 10, 0))
    first = message.first_response_due.astimezone(SHANGHAI)
    answer = message.answer_due.astimezone(SHANGHAI)
    # 3 working days: 9, 10 and (Saturday) 11 October.
    assert first.date() == datetime.date(2025, 10, 11)
    assert (first.hour, first.minute) == (23, 59)
    # 15 working days: 9-11, 13-17, 20-24, 27, 28 October.
    assert answer.date() == datetime.date(2025, 10, 28)


def test_limits_come_from_settings(settings):
    settings.INTERACTION_FIRST_RESPONSE_DAYS = 1
    settings.INTERACTION_ANSWER_DAYS = 2
    message = make_message(created_at=at(2025, 9, 30, 10, 0))
    assert message.first_response_due.astimezone(SHANGHAI).date() == datetime.date(2025, 10, 9)
    assert message.answer_due.astimezone(SHANGHAI).date() == datetime.date(2025, 10, 10)


def test_a_year_without_a_calendar_leaves_no_deadline_and_is_flagged():
    message = make_message(created_at=at(2031, 3, 2, 9, 0))
    assert message.first_response_due is None and message.answer_due is None
    assert list(Message.objects.without_deadline()) == [message]
    # Never counted as overdue or due soon by guesswork.
    assert not Message.objects.overdue(at(2031, 12, 1)).exists()


def test_overdue_and_due_soon_on_a_fixed_clock():
    message = make_message(created_at=at(2025, 9, 30, 10, 0))
    # 10 October: the first-response deadline (11 October, end of day) is within 2 days.
    assert list(Message.objects.due_soon(at(2025, 10, 10, 9, 0))) == [message]
    assert not Message.objects.overdue(at(2025, 10, 10, 9, 0)).exists()
    # 13 October: first response overdue.
    assert list(Message.objects.overdue(at(2025, 10, 13, 9, 0))) == [message]
    assert message.is_overdue(at(2025, 10, 13, 9, 0))
    # Answered in time: neither overdue nor due soon, counted in time.
    message.first_responded_at = at(2025, 10, 9, 9, 0)
    message.answered_at = at(2025, 10, 20, 9, 0)
    message.status = Status.ANSWERED
    message.save()
    assert not Message.objects.overdue(at(2025, 11, 30)).exists()
    assert message.answered_in_time
