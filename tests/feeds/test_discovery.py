"""Readers find feeds: <link rel="alternate"> on every page, the 订阅 page, the OPML file."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from tests.factories import (
    CampaignFactory,
    CampaignIndexFactory,
    StandardPageFactory,
    WorkerIndexFactory,
    qinghai_vocabularies,
)


def alternate_links(html):
    found = re.findall(r'<link rel="alternate" type="([^"]+)" title="([^"]*)" href="([^"]+)">', html)
    return [(kind, title, unquote(href)) for kind, title, href in found]


@pytest.fixture
def full_site(site_root, news_index, section, make_article):
    import datetime

    make_article("职工书屋上新", tags=["职工书屋"], days_ago=1)
    about = StandardPageFactory(parent=site_root, title="关于我们", slug="about")
    qinghai_vocabularies()
    workers = WorkerIndexFactory(parent=site_root)
    campaigns = CampaignIndexFactory(parent=site_root)
    campaign = CampaignFactory(
        parent=campaigns, title="职工书屋建设月", start_date=datetime.date(2026, 11, 1), slug="shuwu"
    )
    return {"about": about, "workers": workers, "campaign": campaign}


@pytest.mark.django_db
def test_every_page_links_its_nearest_feed(client, full_site, section):
    article_url = section.url + "article-1/"
    expectations = {
        "/": "/feed/",
        "/about/": "/feed/",  # no feed of its own and no ancestor with one: the site feed
        section.url: section.url + "feed/",
        article_url: section.url + "feed/",  # the article's section
        full_site["workers"].url: full_site["workers"].url + "feed/",
        full_site["campaign"].url: full_site["campaign"].url + "feed/",
        "/news/tags/zhi-gong-shu-wu/": "/news/tags/zhi-gong-shu-wu/feed/",
    }
    for url, feed_url in expectations.items():
        response = client.get(url)
        assert response.status_code == 200, url
        links = alternate_links(response.content.decode())
        assert ("application/rss+xml", links[0][1], feed_url) == links[0], url
        assert links[1][0] == "application/atom+xml" and links[1][2] == feed_url.replace("/feed/", "/atom/")
        assert client.get(feed_url).status_code == 200


@pytest.mark.django_db
def test_subscribe_page_lists_every_feed_and_explains_rss(client, full_site, section):
    response = client.get("/subscribe/")
    assert response.status_code == 200
    html = unquote(response.content.decode())
    assert "什么是 RSS 订阅" in html
    for href in [
        "/feed/",
        "/atom/",
        section.url + "feed/",
        "/news/feed/",
        "/news/tags/zhi-gong-shu-wu/feed/",
        "/news/tags/zhi-gong-shu-wu/atom/",
        full_site["workers"].url + "feed/",
        full_site["campaign"].url + "atom/",
        "/subscribe/opml/",
    ]:
        assert f'href="{href}"' in html, href
    for href in re.findall(r'href="([^"]+/(?:feed|atom)/)"', html):
        assert client.get(href).status_code == 200, href


@pytest.mark.django_db
def test_opml_lists_every_rss_feed(client, full_site, section):
    response = client.get("/subscribe/opml/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-opml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.find("head/title").text == "青海工会网订阅源"
    feeds = {outline.get("xmlUrl") for outline in root.iter("outline") if outline.get("type") == "rss"}
    for url in [
        "http://testserver/feed/",
        "http://testserver" + section.url + "feed/",
        "http://testserver/news/tags/zhi-gong-shu-wu/feed/",
        "http://testserver" + full_site["workers"].url + "feed/",
        "http://testserver" + full_site["campaign"].url + "feed/",
    ]:
        assert url in feeds, (url, feeds)
    groups = [outline.get("text") for outline in root.find("body")]
    assert groups[0] == "全站" and "标签" in groups
