"""Every entry's <updated> is when that item last changed for readers: its own time, never a
shared one, and it does not move when an unchanged item is published again (a bulk republish,
a move, the scheduler). Read through feedparser and ElementTree, as subscribers' readers do."""

import datetime
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from unittest import mock

import feedparser
import pytest
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    NewsIndexFactory,
    NewsSectionFactory,
    WorkerFactory,
    WorkerIndexFactory,
    publish,
    qinghai_vocabularies,
)

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def updated_by_title(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    # The same values straight from the XML.
    root = ET.fromstring(response.content)
    raw = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}updated")
        for entry in root.iter(f"{ATOM}entry")
    }
    values = {entry.title: entry.updated for entry in parsed.entries}
    assert values == raw
    return values


def _republish_all(pages, moment):
    with clock(moment):
        return [publish(page) for page in pages]


def test_worker_atom_feed_gives_each_profile_its_own_time(client, site_root):
    qinghai_vocabularies()
    index = WorkerIndexFactory(parent=site_root)
    start = timezone.now() - datetime.timedelta(days=3)
    workers = []
    for number, name in enumerate(["才让卓玛", "马文花", "周德明"]):
        with clock(start + datetime.timedelta(hours=number)):
            workers.append(
                WorkerFactory(parent=index, title=name, honours=[("qinghai-laomo", 2024)], via_revision=True)
            )
    before = updated_by_title(client, index.url + "atom/")
    assert len(set(before.values())) == 3

    # Everything re-published at one moment, nothing changed: no entry moves, none share a time.
    workers = _republish_all(workers, timezone.now() - datetime.timedelta(hours=1))
    assert updated_by_title(client, index.url + "atom/") == before

    # One profile really changes: only its time moves, to that publication.
    edited = workers[1]
    edited.motto = "干一行，爱一行，钻一行。"
    edit_time = timezone.now() - datetime.timedelta(minutes=10)
    with clock(edit_time):
        publish(edited)
    after = updated_by_title(client, index.url + "atom/")
    assert after["才让卓玛"] == before["才让卓玛"] and after["周德明"] == before["周德明"]
    assert after["马文花"] != before["马文花"]
    assert datetime.datetime.fromisoformat(after["马文花"]) == edit_time


def test_news_feeds_keep_each_articles_time(client, site_root):
    news_index = NewsIndexFactory(parent=site_root)
    section = NewsSectionFactory(parent=news_index, title="工会要闻")
    start = timezone.now() - datetime.timedelta(days=5)
    articles = []
    for number, title in enumerate(["职工书屋开放", "技能大赛开幕", "送清凉进工地"]):
        with clock(start + datetime.timedelta(hours=number)):
            articles.append(ArticleFactory(parent=section, title=title, tags=["工会"], via_revision=True))
    tag_slug = articles[0].tags.get().slug
    feeds = [section.url + "atom/", "/atom/", f"{news_index.url}tags/{tag_slug}/atom/"]
    before = {url: updated_by_title(client, url) for url in feeds}
    assert all(len(set(values.values())) == 3 for values in before.values())

    articles = _republish_all(articles, timezone.now() - datetime.timedelta(hours=1))
    assert {url: updated_by_title(client, url) for url in feeds} == before

    articles[0].summary = "书屋新增图书两千册。"
    with clock(timezone.now() - datetime.timedelta(minutes=5)):
        publish(articles[0])
    for url in feeds:
        after = updated_by_title(client, url)
        assert after["职工书屋开放"] > before[url]["职工书屋开放"]
        assert after["技能大赛开幕"] == before[url]["技能大赛开幕"]
        assert after["送清凉进工地"] == before[url]["送清凉进工地"]
