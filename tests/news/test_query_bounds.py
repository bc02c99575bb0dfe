"""The number of queries per page does not grow with the number of articles or tags."""

import time
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import get_or_create_image
from news.models import ArticleRelatedLink

pytestmark = pytest.mark.django_db

# Upper bounds per page type (measured counts plus a little room for other apps' template additions).
BOUNDS = {"section": 20, "tag": 20, "year": 20, "month": 20, "article": 32, "index": 20}


def build(article_factory, count):
    image = get_or_create_image("查询测试配图")
    articles = [
        article_factory(
            f"文章{n}",
            days_ago=n,
            tags=[f"标签{n % 7}", "劳模", f"专属{n}"],
            lead_image=image if n % 2 else None,
            summary="摘要",
        )
        for n in range(1, count + 1)
    ]
    target = articles[len(articles) // 2]
    for other in articles[:3]:
        ArticleRelatedLink.objects.create(page=target, article=other)
    return target


def urls(news_index, section, target):
    year = target.display_date.year
    return {
        "section": section.url,
        "index": news_index.url,
        "tag": news_index.url + "tags/lao-mo/",
        "year": news_index.url + f"{year}/",
        "month": news_index.url + f"{year}/{target.display_date.month}/",
        "article": target.url,
    }


def same_minute():
    """Keeps the clock that per-minute keys read (fragments, listing counts) still, so a warm-up and
    the measured view never fall on two sides of a minute (the measured view would rebuild them)."""
    return mock.patch("time.time", return_value=time.time())


def count_queries(client, url):
    with same_minute():
        client.get(url)  # first use creates the site settings row and image renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("size", [5, 40])
def test_query_counts_are_bounded(
    client, news_index, section, article_factory, size, django_assert_max_num_queries
):
    target = build(article_factory, size)
    for kind, url in urls(news_index, section, target).items():
        with same_minute():
            client.get(url)
            with django_assert_max_num_queries(BOUNDS[kind]):
                assert client.get(url).status_code == 200


def test_query_counts_do_not_grow_with_articles(client, news_index, section, article_factory):
    small = build(article_factory, 5)
    small_counts = {
        kind: count_queries(client, url) for kind, url in urls(news_index, section, small).items()
    }
    build(article_factory, 40)
    large_counts = {
        kind: count_queries(client, url) for kind, url in urls(news_index, section, small).items()
    }
    assert large_counts == small_counts
