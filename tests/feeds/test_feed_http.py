"""HTTP behaviour of feeds: limits, conditional GET, caching and freshness, query counts."""

from unittest import mock

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sitecache.cache import process_copies
from tests.factories import publish


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    return [entry.title for entry in parsed.entries]


@pytest.fixture
def many_articles(make_article):
    return [make_article(f"稿件{n:03d}", days_ago=n + 1) for n in range(25)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [("", 20), ("?limit=5", 5), ("?limit=abc", 20), ("?limit=-5", 1), ("?limit=0", 1), ("?limit=100000", 25)],
)
def test_limit_is_clamped_never_an_error(client, section, many_articles, query, expected):
    assert len(titles(client, section.url + "feed/" + query)) == expected
    assert len(titles(client, section.url + "atom/" + query)) == expected


@pytest.mark.django_db
def test_limit_caps_at_one_hundred(client, section, make_article):
    from feeds.rendering import parse_limit

    assert parse_limit("100000") == 100
    assert parse_limit("99999999999999999999") == 100
    assert parse_limit("１２") == 20  # full-width digits are not a number here
    assert parse_limit(" 7 ") == 7


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_conditional_get_answers_304(client, section, many_articles, suffix):
    url = section.url + suffix
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert "s-maxage=" in first["Cache-Control"] and "public" in first["Cache-Control"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == etag

    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status_code == 304

    stale = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200


@pytest.mark.django_db
def test_publishing_refreshes_the_cached_feed(client, section, make_article):
    make_article("第一篇", days_ago=2)
    url = section.url + "feed/"
    etag = client.get(url)["ETag"]
    assert titles(client, url) == ["第一篇"]

    newer = make_article("刚刚发布的新稿", days_ago=0.5, via_revision=True)
    assert titles(client, url) == ["刚刚发布的新稿", "第一篇"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200

    newer.title = "刚刚发布的新稿（修订）"
    publish(newer)
    assert titles(client, url)[0] == "刚刚发布的新稿（修订）"

    before_unpublish = client.get(url)
    newer.unpublish()
    # Neither validator may keep the removed item in a reader's copy.
    assert client.get(url, HTTP_IF_NONE_MATCH=before_unpublish["ETag"]).status_code == 200
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=before_unpublish["Last-Modified"]).status_code == 200
    assert titles(client, url) == ["第一篇"]
    assert titles(client, "/feed/") == ["第一篇"]


@pytest.mark.django_db
def test_publishing_purges_listing_and_feed_urls_at_the_cdn(client, news_index, section, make_article):
    with mock.patch("feeds.signals.purge_urls_from_cache") as purge:
        article = make_article("送温暖", tags=["送温暖"], via_revision=True)
    urls = purge.call_args.args[0]
    for url in [
        "http://testserver/news/yaowen/feed/",
        "http://testserver/news/yaowen/atom/",
        "http://testserver/news/feed/",
        "http://testserver/feed/",
        "http://testserver/atom/",
    ]:
        assert url in urls
    assert any("/tags/" in url and url.endswith("/feed/") for url in urls), urls
    with mock.patch("feeds.signals.purge_urls_from_cache") as purge:
        article.unpublish()
    assert "http://testserver/news/yaowen/feed/" in purge.call_args.args[0]


def forget_cached():
    """As after a restart: the shared cache and this process's copies of site-cache values."""
    cache.clear()
    process_copies.clear()


def count_queries(client, url):
    forget_cached()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# Per item: its body's images (one query); everything else is per feed.
QUERY_BOUND = 20 + 20


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["feed/", "atom/"])
def test_query_count_is_bounded_by_the_limit_not_the_archive(
    client, section, make_article, suffix, django_assert_max_num_queries
):
    for n in range(5):
        make_article(f"少量稿件{n}", tags=["技能"], days_ago=n + 1)
    client.get("/")  # process-wide caches (content types) warm up once
    with_five = count_queries(client, section.url + suffix + "?limit=5")
    forget_cached()
    with django_assert_max_num_queries(QUERY_BOUND):
        client.get(section.url + suffix)
    for n in range(55):
        make_article(f"更多稿件{n}", tags=["技能"], days_ago=n + 10, lead_image=None, body=[])
    assert count_queries(client, section.url + suffix + "?limit=5") == with_five
    for url in (section.url + suffix, "/" + suffix, "/news/tags/ji-neng/" + suffix):
        forget_cached()
        with django_assert_max_num_queries(QUERY_BOUND):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.site_cache
def test_a_cached_feed_costs_no_item_queries(client, section, make_article, django_assert_max_num_queries):
    for n in range(5):
        make_article(f"稿件{n}", days_ago=n + 1)
    client.get(section.url + "feed/")
    # Only Wagtail's routing remains: site, one lookup per path segment, view restrictions.
    with django_assert_max_num_queries(10):
        assert client.get(section.url + "feed/").status_code == 200


@pytest.mark.django_db
def test_deleting_an_article_takes_it_out_of_the_cached_feed(client, section, make_article):
    make_article("保留的稿件", days_ago=2)
    doomed = make_article("将被删除的稿件", days_ago=1)
    url = section.url + "atom/"
    assert titles(client, url) == ["将被删除的稿件", "保留的稿件"]
    doomed.delete()
    assert titles(client, url) == ["保留的稿件"]


@pytest.mark.django_db
def test_not_modified_keeps_the_cache_headers(client, section, make_article):
    make_article("稿件", days_ago=1)
    first = client.get(section.url + "feed/")
    again = client.get(section.url + "feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["Last-Modified"] == first["Last-Modified"]


@pytest.mark.django_db
def test_a_future_dated_article_appears_when_its_time_comes_despite_the_cache(client, section, make_article):
    import datetime
    import time

    from django.utils import timezone

    make_article("已见报的稿件", days_ago=1)
    make_article("一小时后见报的稿件", days_ago=-1 / 24)
    url = section.url + "feed/"
    assert titles(client, url) == ["已见报的稿件"]
    later = timezone.now() + datetime.timedelta(hours=2)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("feeds.cache.time.time", return_value=time.time() + 7200),
    ):
        assert titles(client, url) == ["一小时后见报的稿件", "已见报的稿件"]
