"""Dates and times as Chinese editors type them, read by every admin date field (core.dates)."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models.campaign import CampaignPage
from core.dates import parse_date, parse_datetime
from news.models import ArticlePage

DATETIMES = {
    "2026-12-01 08:00": datetime.datetime(2026, 12, 1, 8, 0),
    "2026/12/1 8:00": datetime.datetime(2026, 12, 1, 8, 0),
    "2026年12月1日 8:00": datetime.datetime(2026, 12, 1, 8, 0),
    "2026年12月1日 08：00": datetime.datetime(2026, 12, 1, 8, 0),
    "2026年12月1日 8点": datetime.datetime(2026, 12, 1, 8, 0),
    "2026年12月1日8点30分": datetime.datetime(2026, 12, 1, 8, 30),
    "2026年11月30日 9点": datetime.datetime(2026, 11, 30, 9, 0),
    "2026年11月30日 9点半": datetime.datetime(2026, 11, 30, 9, 30),
    "2026-12-01 08:00:15": datetime.datetime(2026, 12, 1, 8, 0, 15),
    "2026年12月1日": datetime.datetime(2026, 12, 1, 0, 0),
}
REFUSED = [
    "11月30日",
    "11月30日 9点",
    "2026年2月30日 8点",
    "2026年12月1日 25点",
    "明天上午",
    "12/1/2026 8:00",
    "2026年12月",
]


@pytest.mark.parametrize("typed,expected", DATETIMES.items())
def test_parse_datetime(typed, expected):
    assert parse_datetime(typed) == expected


@pytest.mark.parametrize("typed", REFUSED)
def test_unreadable_datetime_is_none(typed):
    assert parse_datetime(typed) is None


@pytest.mark.parametrize("typed", ["2026-12-01", "2026/12/1", "2026年12月1日", "2026.12.1"])
def test_parse_date(typed):
    assert parse_date(typed) == datetime.date(2026, 12, 1)


@pytest.mark.parametrize("typed", ["12月1日", "2026年12月1日 8点", "2026年13月1日"])
def test_unreadable_date_is_none(typed):
    assert parse_date(typed) is None


def _clean(form_class, name, typed):
    """What the admin form stores for `typed` posted in field `name` (widget then field)."""
    form = form_class(data={}, instance=form_class._meta.model())
    field = form.fields[name]
    value = field.widget.value_from_datadict({name: typed}, {}, name)
    return field.clean(value)


def _article_form():
    return ArticlePage.get_edit_handler().get_form_class()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["go_live_at", "expire_at", "display_date"])
@pytest.mark.parametrize("typed,expected", DATETIMES.items())
def test_article_form_datetime_fields_read_chinese_input(name, typed, expected):
    stored = _clean(_article_form(), name, typed)
    assert timezone.localtime(stored).replace(tzinfo=None) == expected
    assert str(timezone.localtime(stored).tzinfo) == "Asia/Shanghai"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["go_live_at", "display_date"])
@pytest.mark.parametrize("typed", REFUSED)
def test_article_form_refuses_unreadable_datetime_in_chinese(name, typed):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        _clean(_article_form(), name, typed)
    assert "有效" in str(error.value.messages)


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["2026-12-01", "2026/12/1", "2026年12月1日"])
def test_campaign_date_fields_read_chinese_input(typed):
    form_class = CampaignPage.get_edit_handler().get_form_class()
    assert _clean(form_class, "start_date", typed) == datetime.date(2026, 12, 1)


def test_date_picker_keeps_what_was_typed():
    from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

    assert AdminDateTimeInput().get_config()["validateOnBlur"] is False
    assert AdminDateInput().get_config()["validateOnBlur"] is False
