"""News hardening: 热点排行 follows the site version (an unpublished article leaves it at once); view
counts key IPv6 readers by /64."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import ArticleDailyViews, ArticlePage
from news.stats import most_read_this_week
from sitecache.cache import bump_version

pytestmark = pytest.mark.django_db


def test_an_unpublished_article_leaves_the_most_read_list_at_once(article_factory):
    hot = article_factory("本周热门")
    ArticleDailyViews.objects.create(article=hot, date=timezone.localdate(), views=80)
    assert [item["title"] for item in most_read_this_week(ArticlePage.objects)] == ["本周热门"]
    hot.unpublish()
    assert most_read_this_week(ArticlePage.objects) == []


def test_view_counts_key_ipv6_readers_by_their_64(client, article_factory):
    article = article_factory("一篇文章")
    first = client.post(f"/news-views/{article.pk}/", REMOTE_ADDR="2001:db8:7:8::1").json()
    again = client.post(f"/news-views/{article.pk}/", REMOTE_ADDR="2001:db8:7:8::2").json()
    assert first["counted"] is True
    assert again["counted"] is False


def test_after_an_edit_the_most_read_list_rechecks_its_articles_without_recounting_the_views(article_factory):
    hot = article_factory("本周热门")
    ArticleDailyViews.objects.create(article=hot, date=timezone.localdate(), views=80)
    most_read_this_week(ArticlePage.objects)
    hot.title = "本周热门（更新标题）"
    hot.save_revision().publish()
    bump_version()
    with CaptureQueriesContext(connection) as queries:
        items = most_read_this_week(ArticlePage.objects)
    assert [item["title"] for item in items] == ["本周热门（更新标题）"]
    assert not any("news_articledailyviews" in query["sql"] for query in queries.captured_queries)
