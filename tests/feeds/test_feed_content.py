"""What a subscriber's reader gets: fields of every item and channel, in RSS and Atom."""

import datetime
import re

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.factories import publish

RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:500]
    return response, feedparser.parse(response.content)


@pytest.fixture
def articles(make_article):
    older = make_article("海东市总工会开展冬送温暖活动", tags=["送温暖", "困难职工"], days_ago=3)
    newer = make_article("西宁职工技能大赛落幕", tags=["技能竞赛"], days_ago=1)
    return [newer, older]


@pytest.mark.django_db
@pytest.mark.parametrize("suffix, content_type", [("feed/", RSS), ("atom/", ATOM)])
def test_section_feed_items_carry_every_field(client, section, articles, suffix, content_type):
    response, parsed = fetch(client, section.url + suffix)
    assert response["Content-Type"] == content_type
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == [a.title for a in articles]

    entry = parsed.entries[1]
    article = articles[1]
    assert entry.link == "http://testserver" + article.url
    assert entry.id == f"tag:testserver,2026:page:{article.pk}"
    # Beijing time with its offset, in the raw document.
    local = article.display_date.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    if suffix == "feed/":
        assert local.strftime("%d %b %Y %H:%M:%S +0800") in response.content.decode()
    else:
        assert local.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00" in response.content.decode()
    assert entry.author == "王静, 马文"
    assert "来源：海东市总工会" in entry.content[0].value
    terms = [tag.term for tag in entry.tags]
    assert terms[0] == "工会要闻"
    assert set(terms[1:]) == {"送温暖", "困难职工"}
    assert entry.summary == article.summary
    assert "详见" in entry.content[0].value
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href.startswith("http://testserver/")
    assert enclosure.type == "image/png"
    assert int(enclosure.length) > 0

    feed = parsed.feed
    assert feed.title == "工会要闻 - 青海工会网"
    assert feed.language == "zh-cn"
    assert feed.link == "http://testserver" + section.url
    self_link = next(link for link in feed.links if link.rel == "self")
    assert self_link.href == "http://testserver" + section.url + suffix
    logo = feed.image.href if suffix == "feed/" else feed.logo
    assert logo.startswith("http://testserver/") and logo.endswith(".png")


@pytest.mark.django_db
def test_rss_declares_namespaces_and_uses_dc_creator_and_non_permalink_guid(client, section, articles):
    xml = client.get(section.url + "feed/").content.decode()
    assert 'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in xml
    assert "<content:encoded>" in xml
    assert "<dc:creator>王静, 马文</dc:creator>" in xml
    assert "<author>" not in xml
    assert f'<guid isPermaLink="false">tag:testserver,2026:page:{articles[0].pk}</guid>' in xml
    assert '<atom:link href="http://testserver/news/yaowen/feed/" rel="self"' in xml
    assert "<description>" in xml and "<lastBuildDate>" in xml


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_every_url_in_item_content_is_absolute(client, section, articles, suffix):
    _, parsed = fetch(client, section.url + suffix)
    html = parsed.entries[0].content[0].value
    urls = re.findall(r'(?:href|src)="([^"]*)"', html)
    assert urls, html
    assert all(url.startswith("http://testserver/") for url in urls), urls
    assert "http://testserver/about/" in urls
    # "../qita/" is resolved against the article's own address.
    assert "http://testserver/news/yaowen/qita/" in urls
    assert "<picture" not in html and "srcset" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_drafts_private_and_future_items_stay_out(client, section, make_article, suffix):
    make_article("已发布的稿件", days_ago=1)
    make_article("草稿：尚未发布", live=False)
    make_article("定时稿：明天见报", days_ago=-1)
    private = make_article("内部通知：仅限会员")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for url in (section.url + suffix, "/" + suffix):
        _, parsed = fetch(client, url)
        assert [entry.title for entry in parsed.entries] == ["已发布的稿件"]


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_site_and_tag_feeds(client, news_index, articles, suffix):
    response, parsed = fetch(client, "/" + suffix)
    assert not parsed.bozo
    assert parsed.feed.title == "青海工会网：全部更新"
    assert [entry.title for entry in parsed.entries] == [a.title for a in articles]

    _, parsed = fetch(client, news_index.url + "tags/song-wen-nuan/" + suffix)
    assert not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["海东市总工会开展冬送温暖活动"]
    assert parsed.feed.link.startswith("http://testserver/news/tags/")


@pytest.mark.django_db
def test_guid_survives_a_slug_change(client, section, articles):
    before = feedparser.parse(client.get(section.url + "feed/").content).entries[0]
    article = articles[0]
    article.slug = "new-slug"
    publish(article)
    after = feedparser.parse(client.get(section.url + "feed/").content).entries[0]
    assert after.link.endswith("/new-slug/")
    assert after.id == before.id
