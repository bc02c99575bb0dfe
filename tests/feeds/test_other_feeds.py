"""Feeds of campaigns (their related news) and of the model-worker profiles."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import (
    CampaignFactory,
    CampaignIndexFactory,
    WorkerFactory,
    WorkerIndexFactory,
    qinghai_vocabularies,
)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_campaign_feed_lists_its_related_news(client, site_root, make_article, suffix):
    picked = make_article("金秋助学金发放到位", days_ago=2)
    tagged = make_article("助学行动走进玉树", tags=["金秋助学"], days_ago=1)
    make_article("与活动无关的稿件", days_ago=1)
    index = CampaignIndexFactory(parent=site_root)
    campaign = CampaignFactory(
        parent=index,
        title="2026年金秋助学行动",
        start_date=datetime.date(2026, 8, 1),
        slug="jinqiu",
        news_tag="金秋助学",
        related_articles=[picked],
    )
    _, parsed = parse(client, campaign.url + suffix)
    assert [entry.title for entry in parsed.entries] == [tagged.title, picked.title]
    assert parsed.feed.title.startswith("2026年金秋助学行动")
    assert parsed.entries[0].id == f"tag:testserver,2026:page:{tagged.pk}"


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_worker_profile_feed(client, site_root, suffix):
    qinghai_vocabularies()
    index = WorkerIndexFactory(parent=site_root)
    worker = WorkerFactory(
        parent=index,
        title="才让卓玛",
        honours=[("qinghai-laomo", 2024)],
        story=["她在盐湖边守了二十年的设备，带出了三十多名徒弟。"],
        employer="青海某盐湖化工企业（演示）",
        position="设备主管",
    )
    response, parsed = parse(client, index.url + suffix)
    assert [entry.title for entry in parsed.entries] == ["才让卓玛"]
    entry = parsed.entries[0]
    assert entry.id == f"tag:testserver,2026:page:{worker.pk}"
    assert "盐湖边守了二十年" in entry.content[0].value
    assert "设备主管" in entry.summary
    assert entry.tags[0].term == index.title
    # No personal data field exists to leak, and the document stays well-formed XML.
    ET.fromstring(response.content)
