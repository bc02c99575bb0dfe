"""Reader pages: status from dates, index order, landing page content, home block."""

import datetime
import json
import re
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from campaigns.models import CampaignPage
from campaigns.status import CampaignStatus, status_for
from tests.factories import CampaignFactory, figure, milestone

pytestmark = pytest.mark.django_db


def test_status_follows_the_dates_inclusively():
    day = datetime.date(2026, 11, 23)
    assert status_for(day + datetime.timedelta(days=1), None, today=day) == CampaignStatus.UPCOMING
    assert status_for(day, day, today=day) == CampaignStatus.RUNNING
    assert status_for(day - datetime.timedelta(days=9), None, today=day) == CampaignStatus.RUNNING
    assert status_for(day - datetime.timedelta(days=9), day - datetime.timedelta(days=1), today=day) == (
        CampaignStatus.ENDED
    )


def test_status_uses_the_shanghai_calendar_day():
    """At 23:30 UTC on 11-22 it is already 11-23 in Xining: a campaign starting 11-23 runs."""
    late_utc = datetime.datetime(2026, 11, 22, 23, 30, tzinfo=datetime.UTC)
    page = CampaignPage(title="x", start_date=datetime.date(2026, 11, 23), end_date=None)
    with mock.patch.object(timezone, "now", return_value=late_utc):
        assert page.status == CampaignStatus.RUNNING
        assert page.status_label == "进行中"


def test_end_before_start_is_refused_with_a_message(campaign_index, today):
    page = CampaignPage(
        title="x", slug="x", intro="x", start_date=today, end_date=today - datetime.timedelta(1)
    )
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "结束日期不能早于开始日期" in str(excinfo.value)


def test_index_lists_running_then_upcoming_then_past(client, campaign_index, today):
    CampaignFactory(
        parent=campaign_index,
        title="下基层、接地气、办实事",
        start_date=today - datetime.timedelta(400),
        end_date=today - datetime.timedelta(30),
    )
    CampaignFactory(parent=campaign_index, title="职工技能提升年", start_date=today + datetime.timedelta(20))
    CampaignFactory(
        parent=campaign_index, title="百万职工高原建功立业工程", start_date=today - datetime.timedelta(100)
    )
    response = client.get(campaign_index.url)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(title)
        for title in ("百万职工高原建功立业工程", "职工技能提升年", "下基层、接地气、办实事")
    ]
    assert positions == sorted(positions)
    assert html.index("正在进行") < html.index("即将开始") < html.index("往期专题")


def test_index_pagination_rejects_pages_past_the_end(client, campaign_index):
    assert client.get(campaign_index.url + "?page=abc").status_code == 200
    assert client.get(campaign_index.url + "?page=99").status_code == 404


def test_landing_page_shows_slogan_figures_timeline_and_events(client, campaign_index, today):
    page = CampaignFactory(
        parent=campaign_index,
        title="百万职工高原建功立业工程",
        start_date=today - datetime.timedelta(100),
        slogan="建功高原 奋斗有我",
        key_figures=[figure("参赛职工", 12345, "人", today, "省总工会经济技术部")],
        milestones=[
            milestone(today - datetime.timedelta(90), "全面启动"),
            milestone(today + datetime.timedelta(90), "总结表彰"),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "建功高原 奋斗有我" in html
    assert "12,345" in html and "省总工会经济技术部" in html
    assert "全面启动" in html and "已完成" in html and "待进行" in html
    assert "进行中" in html
    assert "本专题已结束" not in html


def test_ended_campaign_shows_archive_notice_and_stays_readable(client, campaign_index, today):
    page = CampaignFactory(
        parent=campaign_index,
        title="下基层、接地气、办实事",
        start_date=today - datetime.timedelta(400),
        end_date=today - datetime.timedelta(1),
        paragraphs=["机关干部深入基层一线，帮助解决实际问题。"],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "本专题已结束" in html
    assert "已结束" in html
    assert "机关干部深入基层一线" in html


def test_landing_page_lists_upcoming_events_and_signup(client, campaign, signup_form):
    html = client.get(campaign.url).content.decode()
    assert "建筑工地入会服务日" in html
    assert "入会意向登记" in html and signup_form.url in html
    # The past event is still listed, under the held events.
    assert "已举办的活动" in html and "启动仪式" in html


def test_home_page_shows_only_running_campaigns(client, site_root, campaign_index, campaign, today):
    CampaignFactory(
        parent=campaign_index,
        title="往期专题甲",
        start_date=today - datetime.timedelta(400),
        end_date=today - datetime.timedelta(30),
    )
    CampaignFactory(parent=campaign_index, title="未来专题乙", start_date=today + datetime.timedelta(30))
    html = client.get(site_root.url).content.decode()
    assert "农民工入会集中行动" in html
    assert "往期专题甲" not in html and "未来专题乙" not in html


def test_landing_page_query_count_is_bounded(
    client, campaign, signup_form, article_factory, django_assert_max_num_queries
):
    for number in range(8):
        article_factory(f"农民工入会新闻{number}", tags=["农民工入会"])
    with django_assert_max_num_queries(40):
        assert client.get(campaign.url).status_code == 200


def test_upcoming_events_are_described_for_search_engines(client, campaign):
    event = campaign.events.get(title="建筑工地入会服务日")
    event.description = "</script><script>alert(1)</script>"
    event.save()
    html = client.get(campaign.url).content.decode()
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (item,) = json.loads(payload)  # the past event is not announced
    assert item["@type"] == "Event" and item["name"] == "建筑工地入会服务日"
    assert item["startDate"].endswith("+08:00")
    assert item["location"]["name"] == "西宁市城北区某建筑工地，生活区"
    assert item["description"] == "</script><script>alert(1)</script>"


def test_browsers_revalidate_campaign_listings_so_news_shows_at_once(client, campaign):
    for url in (campaign.get_parent().url, campaign.url):
        cache_control = client.get(url)["Cache-Control"]
        assert "max-age=0" in cache_control and "s-maxage" in cache_control, (url, cache_control)
