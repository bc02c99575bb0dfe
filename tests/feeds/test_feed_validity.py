"""Every kind of feed, in both flavours, keeps the W3C validator's rules (see feed_rules.py)."""

import datetime

import pytest

from tests.factories import (
    CampaignFactory,
    CampaignIndexFactory,
    NewsSectionFactory,
    WorkerFactory,
    WorkerIndexFactory,
    qinghai_vocabularies,
)

from .feed_rules import assert_valid_atom, assert_valid_rss


@pytest.fixture
def feed_urls(site_root, news_index, section, make_article):
    make_article("青海工匠评选揭晓", tags=["青海工匠"], days_ago=1)
    make_article("没有主图的通知", tags=["通知"], days_ago=2, lead_image=None, source_name="")
    qinghai_vocabularies()
    workers = WorkerIndexFactory(parent=site_root)
    WorkerFactory(
        parent=workers,
        title="马建国",
        honours=[("qinghai-gongjiang", 2025)],
        story=["扎根高原电网多年，练就带电作业的绝活。"],
    )
    campaigns = CampaignIndexFactory(parent=site_root)
    campaign = CampaignFactory(
        parent=campaigns,
        title="青海工匠宣传月",
        start_date=datetime.date(2026, 11, 1),
        slug="gongjiang",
        news_tag="青海工匠",
    )
    empty = NewsSectionFactory(parent=news_index, title="暂无文章的栏目", slug="empty", show_in_menus=False)
    return [
        "/",
        section.url,
        empty.url,
        news_index.url,
        news_index.url + "tags/qing-hai-gong-jiang/",
        workers.url,
        campaign.url,
    ]


@pytest.mark.django_db
def test_every_feed_keeps_the_validator_rules(client, feed_urls):
    for base in feed_urls:
        rss = client.get(base + "feed/")
        assert rss.status_code == 200, base
        assert rss["Content-Type"] == "application/rss+xml; charset=utf-8"
        assert_valid_rss(rss.content)
        atom = client.get(base + "atom/")
        assert atom.status_code == 200, base
        assert atom["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert_valid_atom(atom.content)


def test_the_rules_catch_what_the_validator_would():
    from .feed_rules import check_item_html

    with pytest.raises(AssertionError, match="relative URL"):
        check_item_html('<p><a href="/about/">x</a></p>', "item")
    with pytest.raises(AssertionError, match="script"):
        check_item_html("<p>x</p><script>alert(1)</script>", "item")
    bad_rss = b"""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
    <link>http://x.org/</link><description>d</description><language>zh-cn</language>
    <atom:link href="http://x.org/feed/" rel="self"/><item><title>a</title><link>http://x.org/a</link>
    <guid>tag:x.org,2026:page:1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 +0800</pubDate></item></channel></rss>"""
    with pytest.raises(AssertionError, match="permalink guid"):
        assert_valid_rss(bad_rss)
