"""Drafts, private pages and future-dated items never reach readers' listings, blocks or the sitemap."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import ArticleDailyViews, ArticleRelatedLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(article_factory, section):
    """A visible article plus a draft, a private and a future-dated one, all sharing a tag."""
    visible = article_factory("公开文章", days_ago=2, tags=["劳模"], is_headline=True)
    draft = article_factory("草稿文章", days_ago=1, tags=["劳模"], live=False, is_headline=True)
    private = article_factory("内部文章", days_ago=1, tags=["劳模"], is_headline=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    future = article_factory(
        "定时文章", display_date=timezone.now() + datetime.timedelta(days=2), tags=["劳模"]
    )
    future.is_headline = True
    future.save()
    for page in (draft, private, future):
        ArticleRelatedLink.objects.create(page=visible, article=page)
        ArticleDailyViews.objects.create(article=page, date=timezone.localdate(), views=99)
    ArticleDailyViews.objects.create(article=visible, date=timezone.localdate(), views=1)
    return visible


HIDDEN_TITLES = ("草稿文章", "内部文章", "定时文章")


def assert_only_visible(html):
    for title in HIDDEN_TITLES:
        assert title not in html


@pytest.mark.parametrize("path", ["section", "index", "tag", "year", "month", "home", "feed"])
def test_listings_hide_drafts_private_and_future(client, site_root, news_index, section, hidden, path):
    today = timezone.localdate()
    url = {
        "section": section.url,
        "index": news_index.url,
        "tag": news_index.url + "tags/lao-mo/",
        "year": news_index.url + f"{today.year}/",
        "month": news_index.url + f"{today.year}/{today.month}/",
        "home": "/",
        "feed": section.url + "feed/",
    }[path]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "公开文章" in html
    assert_only_visible(html)


def test_article_page_blocks_hide_them(client, hidden):
    html = client.get(hidden.url).content.decode()
    assert_only_visible(html)  # related reading, prev/next and 热点排行


def test_hidden_articles_are_not_served_or_counted(client, hidden, section):
    from news.models import ArticlePage

    for title in HIDDEN_TITLES:
        page = ArticlePage.objects.get(title=title)
        assert client.post(f"/news-views/{page.pk}/").status_code == 404
    future = ArticlePage.objects.get(title="定时文章")
    assert client.get(future.url).status_code in (200, 404)  # reachable by link, never listed


def test_sitemap_hides_them(client, hidden):
    body = client.get("/sitemap.xml").content.decode()
    assert hidden.url in body
    from news.models import ArticlePage

    for title in HIDDEN_TITLES:
        assert ArticlePage.objects.get(title=title).url not in body


def test_home_latest_list_hides_future_items(client, site_root, hidden):
    titles = [page.title for page in site_root.latest_pages()]
    assert "公开文章" in titles
    assert not set(titles) & set(HIDDEN_TITLES)


def test_making_an_article_private_hides_it_at_once(client, section, article_factory):
    article = article_factory("即将设为内部的文章")
    assert "即将设为内部的文章" in client.get(section.url).content.decode()
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert "即将设为内部的文章" not in client.get(section.url + "?page=1").content.decode()
    restriction.delete()
    assert "即将设为内部的文章" in client.get(section.url + "?page=01").content.decode()


def test_home_latest_list_looks_past_many_newer_hidden_items(site_root, article_factory):
    """More items published recently but hidden (future-dated) than one look-ahead window holds:
    the list still fills up with the newest visible ones, newest first."""
    visible = [
        article_factory(f"可见文章{number}", days_ago=number + 1)
        for number in range(site_root.latest_count + 2)
    ]
    for number in range(site_root.latest_count * 4 + 3):
        article_factory(f"定时文章{number}", display_date=timezone.now() + datetime.timedelta(days=3))
    titles = [page.title for page in site_root.latest_pages()]
    assert titles == [page.title for page in visible[: site_root.latest_count]]
