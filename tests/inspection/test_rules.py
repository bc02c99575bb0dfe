"""Update rules per section and the indicators built on them, on a fixed clock."""

import datetime

import pytest

from inspection import indicators, rules
from inspection.models import UPDATE_EXEMPT, UPDATE_NOTICE, SectionRule
from interaction.models import ErrorKind, ErrorReport
from tests.factories import ArticleFactory, NewsSectionFactory, local_datetime

pytestmark = pytest.mark.django_db


def row(key, now):
    return next(r for r in indicators.scorecard_data(now=now) if r["key"] == key)


def status_of(section, now):
    return next(s for s in rules.sections(now) if s.page.pk == section.pk)


def test_defaults_come_from_the_section_type(site_root):
    news = NewsSectionFactory(parent=site_root, title="工会要闻")
    notices = NewsSectionFactory(parent=site_root, title="通知公告", column_type="通知公告")
    service = NewsSectionFactory(parent=site_root, title="办事指南", column_type="办事服务")
    now = local_datetime(2026, 3, 10)
    assert (status_of(news, now).update_class, status_of(news, now).days) == ("news", 14)
    assert (status_of(notices, now).update_class, status_of(notices, now).days) == ("notice", 180)
    assert status_of(service, now).exempt


def test_editors_rule_overrides_the_default(site_root):
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    SectionRule.objects.create(page=section, update_class=UPDATE_NOTICE, days=30)
    status = status_of(section, local_datetime(2026, 3, 10))
    assert (status.update_class, status.days, status.rule_set_by_editor) == ("notice", 30, True)


@pytest.mark.parametrize(
    "day, colour",
    [(13, "green"), (14, "amber"), (16, "amber"), (17, "red"), (30, "red")],
)
def test_home_page_turns_amber_then_red_on_the_right_day(site_root, day, colour):
    section = NewsSectionFactory(parent=site_root)
    ArticleFactory(parent=section, display_date=local_datetime(2026, 3, 2))
    result = row("home", local_datetime(2026, 3, day, 12))
    assert result["colour"] == colour
    assert result["veto"] is True
    if colour != "red":
        assert result["red_on"] == "2026-03-17"


def test_an_undated_item_does_not_count_as_a_home_update(site_root):
    section = NewsSectionFactory(parent=site_root)
    ArticleFactory(parent=section, display_date=local_datetime(2026, 3, 2))
    undated = ArticleFactory(parent=section)
    type(undated).objects.filter(pk=undated.pk).update(display_date=None)
    now = local_datetime(2026, 3, 20)
    assert row("home", now)["colour"] == "red"
    assert row("undated", now)["figure"] == "1 篇"


def test_five_stale_sections_are_a_veto_with_the_date_it_turns_red(site_root):
    now = local_datetime(2026, 6, 1, 12)
    # Four stale news sections and one that goes stale on 6 June.
    for n in range(4):
        section = NewsSectionFactory(parent=site_root, title=f"动态{n}")
        ArticleFactory(parent=section, display_date=local_datetime(2026, 5, 1))
    fifth = NewsSectionFactory(parent=site_root, title="基层动态")
    ArticleFactory(parent=fifth, display_date=local_datetime(2026, 5, 22))
    result = row("sections", now)
    assert result["colour"] == "amber"
    assert result["red_on"] == "2026-06-06"
    assert "基层动态将在 5 天后过期" not in result["detail"]  # 5 days out is not yet in the warning window
    assert row("sections", local_datetime(2026, 6, 4, 12))["detail"].endswith("基层动态将在 2 天后过期")
    assert row("sections", local_datetime(2026, 6, 6, 9))["colour"] == "red"


def test_notice_sections_have_six_months(site_root):
    section = NewsSectionFactory(parent=site_root, title="通知公告", column_type="通知公告")
    ArticleFactory(parent=section, display_date=local_datetime(2026, 1, 5))
    status = status_of(section, local_datetime(2026, 6, 1))
    assert status.stale_on == datetime.date(2026, 7, 5)
    assert not status.is_stale(datetime.date(2026, 7, 4))
    assert status.warn(datetime.date(2026, 6, 25))
    assert status.is_stale(datetime.date(2026, 7, 5))


def test_exempt_sections_are_never_stale_and_empty_ones_are_counted(site_root):
    now = local_datetime(2026, 6, 1)
    for n in range(5):
        NewsSectionFactory(parent=site_root, title=f"空栏目{n}")
    archive = NewsSectionFactory(parent=site_root, title="历史档案")
    SectionRule.objects.create(page=archive, update_class=UPDATE_EXEMPT)
    result = row("empty_sections", now)
    assert result["colour"] == "red" and result["figure"].startswith("5 个")
    assert "历史档案" not in result["detail"]


def test_an_item_dated_in_the_future_is_reported_and_does_not_count(site_root):
    section = NewsSectionFactory(parent=site_root, title="工会要闻")
    ArticleFactory(parent=section, display_date=local_datetime(2026, 3, 1))
    ArticleFactory(parent=section, display_date=local_datetime(2026, 9, 1))
    now = local_datetime(2026, 3, 20)
    assert status_of(section, now).newest == local_datetime(2026, 3, 1)
    future = row("future", now)
    assert future["colour"] == "amber" and "工会要闻" in future["detail"]


def _error_report(due):
    return ErrorReport.objects.create(page_url="/", kind=ErrorKind.values[0], description="错字", due=due)


def test_error_reports_due_by_the_next_working_day_follow_the_adjusted_calendar(site_root):
    # Friday 13 February 2026: Saturday the 14th is a working day (调休) before the Spring Festival.
    now = local_datetime(2026, 2, 13, 10)
    _error_report(local_datetime(2026, 2, 16, 18))  # Monday, a holiday: not the next working day
    assert row("error_reports", now)["figure"] == "逾期 0 件，下一个工作日到期 0 件"
    _error_report(local_datetime(2026, 2, 14, 18))
    result = row("error_reports", now)
    assert result["figure"] == "逾期 0 件，下一个工作日到期 1 件" and result["colour"] == "amber"
    assert row("error_reports", local_datetime(2026, 2, 17, 10))["colour"] == "red"
