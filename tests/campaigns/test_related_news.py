"""News gathered automatically through the campaign tag, plus hand-picked articles."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignRelatedArticle
from tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def titles(queryset):
    return [article.title for article in queryset]


def test_tagged_published_articles_are_gathered_newest_first(campaign, article_factory):
    older = article_factory("农民工夜校开课", days_ago=5, tags=["农民工入会"])
    newer = article_factory("工地流动服务站启用", days_ago=1, tags=["农民工入会", "服务"])
    article_factory("劳模工作室年度总结", days_ago=2, tags=["劳模"])
    article_factory(
        "尚未到发布时间的稿件", display_date=timezone.now() + datetime.timedelta(days=2), tags=["农民工入会"]
    )
    article_factory("未发布的草稿", live=False, tags=["农民工入会"])
    private = article_factory("仅限内部的通知", days_ago=1, tags=["农民工入会"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(campaign.get_listing_queryset()) == [newer.title, older.title]


def test_hand_picked_articles_join_without_duplicates(campaign, article_factory):
    picked = article_factory("省总工会部署入会集中行动", days_ago=3)
    tagged_and_picked = article_factory("海东市建筑工地入会见闻", days_ago=2, tags=["农民工入会"])
    CampaignRelatedArticle.objects.create(page=campaign, article=picked)
    CampaignRelatedArticle.objects.create(page=campaign, article=tagged_and_picked)
    assert titles(campaign.get_listing_queryset()) == [tagged_and_picked.title, picked.title]


def test_campaign_without_tag_gathers_only_its_picks(campaign_index, today, article_factory):
    article_factory("与专题无关的新闻", tags=["农民工入会"])
    page = CampaignFactory(parent=campaign_index, title="职工技能提升年", start_date=today)
    assert titles(page.get_listing_queryset()) == []


def test_landing_page_shows_latest_related_news_and_links_the_full_listing(client, campaign, article_factory):
    for number in range(8):
        article_factory(f"入会新闻第{number}篇", days_ago=number + 1, tags=["农民工入会"])
    html = client.get(campaign.url).content.decode()
    assert "入会新闻第0篇" in html and "入会新闻第5篇" in html
    assert "入会新闻第6篇" not in html  # the landing page keeps to six
    response = client.get(campaign.url + "news/")
    assert response.status_code == 200
    assert "入会新闻第7篇" in response.content.decode()
    assert client.get(campaign.url + "news/?page=9").status_code == 404


def test_campaign_feed_carries_the_related_news(client, campaign, article_factory):
    article_factory("农民工入会集中行动取得阶段成效", tags=["农民工入会"])
    article_factory("无关新闻", tags=["其他"])
    response = client.get(campaign.url + "feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["农民工入会集中行动取得阶段成效"]


def test_related_news_query_is_bounded(campaign, article_factory, django_assert_max_num_queries):
    for number in range(10):
        article_factory(f"批量新闻{number}", tags=["农民工入会"])
    # Outside a request one of them reads the site cache's version (a request reads it once, up front).
    with django_assert_max_num_queries(4):
        assert len(campaign.latest_news()) == 6
