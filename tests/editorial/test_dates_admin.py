"""定时上线时间 (when the page goes live) and 显示日期 (the date printed on it) are told apart."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from news.models import ArticlePage

from .helpers import post_edit

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def _draft(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def test_the_two_dates_have_distinct_names_in_the_editor(client, staff, draft_article):
    article = draft_article()
    client.force_login(staff["writer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "显示日期" in html and "定时上线时间" in html
    with translation.override("zh-hans"):
        assert translation.gettext("go live date/time") == "定时上线时间"
        assert translation.gettext("Go-live:") == "定时上线时间："
    assert "发布时间：" not in html


def test_a_future_displayed_date_without_a_go_live_time_is_refused_with_the_way_to_schedule(
    client, staff, draft_article
):
    article = draft_article()
    client.force_login(staff["writer"])
    response = post_edit(client, article, display_date="2030年12月1日 8点", go_live_at="")
    html = response.content.decode()
    assert "要定时发布请用定时上线时间" in html
    assert "2030-12-01 08:00" in html  # what was typed stays in the field (read as a date)
    assert _draft(article).display_date is None


@pytest.mark.parametrize(
    "typed", ["2030年12月1日 08:00", "2030年12月1日 8点", "2030/12/1 8:00", "2030-12-01 08:00"]
)
def test_the_schedule_dialog_reads_what_chinese_editors_type(client, staff, draft_article, typed):
    article = draft_article()
    client.force_login(staff["writer"])
    # With a go-live time, the displayed date may be as late as going live.
    response = post_edit(client, article, go_live_at=typed, display_date=typed)
    assert response.status_code == 200
    expected = datetime.datetime(2030, 12, 1, 8, 0, tzinfo=SHANGHAI)
    draft = _draft(article)
    assert draft.go_live_at == expected
    assert draft.display_date == expected


def test_a_displayed_date_later_than_going_live_is_refused(client, staff, draft_article):
    article = draft_article()
    client.force_login(staff["writer"])
    html = post_edit(
        client, article, go_live_at="2030年12月1日 8点", display_date="2030年12月3日 8点"
    ).content.decode()
    assert "晚于定时上线时间" in html
    assert _draft(article).go_live_at is None


def test_an_unreadable_go_live_time_is_refused_in_chinese_never_reinterpreted(client, staff, draft_article):
    article = draft_article()
    client.force_login(staff["writer"])
    before = timezone.now()
    html = post_edit(client, article, go_live_at="下周一早上八点").content.decode()
    assert "输入一个有效的日期/时间" in html
    assert "下周一早上八点" in html
    draft = _draft(article)
    assert draft.go_live_at is None or draft.go_live_at < before
