"""Section listing, the site-wide index, tag pages and archives as a reader sees them."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings
from tests.factories import NewsSectionFactory

pytestmark = pytest.mark.django_db


def titles_in(response):
    return re.findall(r'class="news-item__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_section_lists_newest_first_with_date_and_summary(client, section, article_factory):
    article_factory("较早的文章", days_ago=5, summary="较早文章的摘要")
    article_factory("最新的文章", days_ago=1)
    response = client.get(section.url)
    assert response.status_code == 200
    assert titles_in(response) == ["最新的文章", "较早的文章"]
    assert "较早文章的摘要" in response.content.decode()
    assert response["Cache-Control"].startswith("public") or "public" in response["Cache-Control"]


def test_parent_section_also_lists_articles_of_its_subsection(client, section, article_factory):
    sub = NewsSectionFactory(parent=section, title="市州工会")
    article_factory("子栏目里的文章", parent=sub)
    assert "子栏目里的文章" in titles_in(client.get(section.url))
    assert "市州工会" in client.get(section.url).content.decode()


@pytest.fixture
def twenty_five(article_factory):
    return [article_factory(f"分页文章{n:02d}", days_ago=n) for n in range(1, 26)]


def test_section_pages_twenty_articles_a_page(client, section, twenty_five):
    first = client.get(section.url)
    assert len(titles_in(first)) == 20
    assert "第 1 / 2 页，共 25 条" in first.content.decode()
    second = client.get(section.url + "?page=2")
    assert titles_in(second) == [f"分页文章{n:02d}" for n in range(21, 26)]


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "", "1e3", "２", "%00"])
def test_garbage_page_numbers_give_the_first_page(client, section, twenty_five, raw):
    response = client.get(section.url, {"page": raw})
    assert response.status_code == 200
    assert titles_in(response)[0] == "分页文章01"


@pytest.mark.parametrize("raw", ["3", "99999", "99999999999999999999"])
def test_page_past_the_end_is_404(client, section, twenty_five, raw):
    assert client.get(section.url, {"page": raw}).status_code == 404


def test_news_index_lists_articles_of_every_section(client, site_root, news_index, section, article_factory):
    other = NewsSectionFactory(parent=site_root, title="劳动保护")
    article_factory("要闻一篇")
    article_factory("劳动保护一篇", parent=other, days_ago=2)
    assert titles_in(client.get(news_index.url)) == ["要闻一篇", "劳动保护一篇"]


def test_tag_page_lists_only_tagged_articles(client, news_index, article_factory):
    article_factory("农民工入会的新闻", tags=["农民工入会"])
    article_factory("劳模的新闻", tags=["劳模"])
    response = client.get(news_index.url + "tags/nong-min-gong-ru-hui/")
    assert response.status_code == 200
    assert titles_in(response) == ["农民工入会的新闻"]
    assert "标签：农民工入会" in response.content.decode()


def test_article_links_to_its_tag_pages(client, news_index, article_factory):
    article = article_factory("带标签的文章", tags=["12351"])
    html = client.get(article.url).content.decode()
    assert f'href="{news_index.url}tags/12351/"' in html
    assert client.get(news_index.url + "tags/12351/").status_code == 200


@pytest.mark.parametrize("path", ["tags/no-such-tag/", "tags/%3Cscript%3E/", "tags/" + "x" * 300 + "/"])
def test_unknown_tag_is_404(client, news_index, article_factory, path):
    article_factory(tags=["劳模"])
    assert client.get(news_index.url + path).status_code == 404


def test_tag_used_only_by_a_draft_is_404(client, news_index, article_factory):
    article_factory("草稿", tags=["内部标签"], live=False)
    assert client.get(news_index.url + "tags/nei-bu-biao-qian/").status_code == 404


def beijing(*args):
    return timezone.make_aware(datetime.datetime(*args), timezone.get_fixed_timezone(8 * 60))


def test_year_and_month_archives(client, news_index, article_factory):
    article_factory("二〇一五年十二月", display_date=beijing(2015, 12, 8, 10))
    article_factory("二〇一五年三月", display_date=beijing(2015, 3, 2, 10))
    article_factory("二〇一六年一月", display_date=beijing(2016, 1, 5, 10))
    assert titles_in(client.get(news_index.url + "2015/")) == ["二〇一五年十二月", "二〇一五年三月"]
    assert titles_in(client.get(news_index.url + "2015/12/")) == ["二〇一五年十二月"]
    assert titles_in(client.get(news_index.url + "2015/03/")) == ["二〇一五年三月"]


def test_archive_months_follow_beijing_time(client, news_index, article_factory):
    # 00:30 on 1 January in Beijing is still 31 December in UTC.
    article_factory("新年第一篇", display_date=beijing(2026, 1, 1, 0, 30))
    assert titles_in(client.get(news_index.url + "2026/1/")) == ["新年第一篇"]
    assert titles_in(client.get(news_index.url + "2025/12/")) == []


def test_empty_archive_says_so(client, news_index, article_factory):
    article_factory()
    response = client.get(news_index.url + "2016/")
    assert response.status_code == 200
    assert "这段时间没有发布文章" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["2015/13/", "2015/0/", "2015/00/", "0/", "0000/", "1800/", "9999/", "2015/1/2/"]
)
def test_impossible_archives_are_404(client, news_index, article_factory, path):
    article_factory()
    assert client.get(news_index.url + path).status_code == 404


def test_archive_pagination_keeps_bad_page_harmless(client, news_index, article_factory):
    article_factory(display_date=beijing(2020, 5, 1, 9))
    assert client.get(news_index.url + "2020/?page=abc").status_code == 200
    assert client.get(news_index.url + "2020/?page=50").status_code == 404


def test_sibling_sections_do_not_share_articles(client, site_root, section, article_factory):
    neighbour = NewsSectionFactory(parent=site_root, title="基层动态")
    article_factory("要闻栏目文章")
    article_factory("基层栏目文章", parent=neighbour)
    assert titles_in(client.get(section.url)) == ["要闻栏目文章"]
    assert titles_in(client.get(neighbour.url)) == ["基层栏目文章"]


def test_index_links_to_the_years_that_have_articles(client, news_index, article_factory):
    article_factory(display_date=beijing(2017, 4, 1, 9))
    article_factory(display_date=beijing(2021, 4, 1, 9))
    html = client.get(news_index.url).content.decode()
    assert f'href="{news_index.url}2021/">2021年</a>' in html
    assert f'href="{news_index.url}2017/">2017年</a>' in html
    assert "2019年" not in html


def test_publishing_an_article_purges_its_listings(
    settings, monkeypatch, news_index, section, article_factory
):
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": "unused"}}
    purged_pages, purged_urls = [], []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_pages_from_cache",
        lambda pages: purged_pages.extend(pages),
    )
    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_urls_from_cache", purged_urls.extend)
    article = article_factory(live=False, display_date=beijing(2024, 5, 6, 9), tags=["劳模"])
    from news.signals import purge_listings

    purge_listings(sender=type(article), instance=article)
    assert {page.pk for page in purged_pages} >= {section.pk, news_index.pk}
    assert "http://testserver/news/2024/5/" in purged_urls
    assert "http://testserver/news/tags/lao-mo/" in purged_urls


def test_big_section_listing_strategy_lists_the_same(
    client, site_root, section, article_factory, monkeypatch
):
    neighbour = NewsSectionFactory(parent=site_root, title="基层动态")
    article_factory("要闻栏目文章甲", days_ago=1)
    article_factory("要闻栏目文章乙", days_ago=2)
    article_factory("基层栏目文章", parent=neighbour)
    monkeypatch.setattr("news.models.WALK_DATE_INDEX_FROM", 0)
    assert titles_in(client.get(section.url)) == ["要闻栏目文章甲", "要闻栏目文章乙"]


def test_the_footer_links_stay_a_list_on_a_tag_page(client, site_root, news_index, article_factory):
    # The tag page's context holds `tag`: the footer's stream component must not take it for the
    # element that wraps the links.
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_links = [("link", {"title": "中华全国总工会", "url": "https://www.acftu.org/"})]
    site_settings.save()
    article_factory("带标签的文章", tags=["12351"])
    for url in ("/", news_index.url + "tags/12351/"):
        footer = client.get(url).content.decode().split("<footer")[1]
        links = re.search(r'<ul class="footer-links">\s*<li>(.*?)</li>\s*</ul>', footer, re.S)
        assert links is not None, url
        assert 'href="https://www.acftu.org/"' in links.group(1) and "中华全国总工会" in links.group(1)
