"""The article page: bylines, reader tools, prev/next, related reading, QR code and view counts."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import ArticleDailyViews, ArticleRelatedLink
from tests.factories import ArticleFactory, NewsSectionFactory, publish

pytestmark = pytest.mark.django_db


def test_bylines_and_beijing_time(client, article_factory):
    article = article_factory(
        "省总工会表彰五一劳动奖章获得者",
        display_date=timezone.make_aware(datetime.datetime(2025, 4, 28, 1, 30), datetime.UTC),
        kicker="弘扬劳模精神",
        subtitle="一线职工占获奖者多数",
        source_name="工人日报",
        source_url="https://example.com/report",
        original_title="劳动者最光荣",
        original_author="陈思远",
        authors="王建新，赵海燕",
        responsible_editor="马晓燕",
    )
    html = client.get(article.url).content.decode()
    assert "<h1>省总工会表彰五一劳动奖章获得者</h1>" in html
    assert "弘扬劳模精神" in html and "一线职工占获奖者多数" in html
    assert '来源：<a href="https://example.com/report" rel="noopener">工人日报</a>' in html
    assert "原标题：劳动者最光荣" in html and "原作者：陈思远" in html
    assert "作者：王建新、赵海燕" in html
    assert "责任编辑：马晓燕" in html
    # 01:30 UTC is 09:30 in Beijing.
    assert "发布时间：<time" in html and "2025-04-28 09:30</time>" in html


def test_source_defaults_to_site_name(client, article_factory):
    html = client.get(article_factory().url).content.decode()
    assert "来源：青海工会网" in html


def test_text_size_buttons_print_button_and_script(client, article_factory):
    html = client.get(article_factory().url).content.decode()
    for size in ("large", "medium", "small"):
        assert f'data-text-size="{size}"' in html
    assert "data-print-button" in html
    assert "/static/js/news.js" in html


def test_notice_fields_shown(client, article_factory):
    html = client.get(
        article_factory(document_number="青工发〔2026〕3号", issuing_body="青海省总工会").url
    ).content.decode()
    assert "文号：青工发〔2026〕3号" in html and "发文单位：青海省总工会" in html


def test_previous_and_next_stay_within_the_section(client, site_root, article_factory):
    older = article_factory("较早一篇", days_ago=3)
    current = article_factory("当前文章", days_ago=2)
    newer = article_factory("较新一篇", days_ago=1)
    other = NewsSectionFactory(parent=site_root, title="劳动保护")
    article_factory("别的栏目", days_ago=2, parent=other)
    html = client.get(current.url).content.decode()
    assert f'上一篇：<a href="{older.url}" rel="prev">较早一篇</a>' in html
    assert f'下一篇：<a href="{newer.url}" rel="next">较新一篇</a>' in html
    assert "别的栏目" not in html
    assert "上一篇：没有了" in client.get(older.url).content.decode()


def test_related_reading_hand_picked_first_then_shared_tags(client, article_factory):
    tagged_new = article_factory("同标签较新", days_ago=1, tags=["劳模"])
    tagged_old = article_factory("同标签较早", days_ago=9, tags=["劳模"])
    chosen = article_factory("编辑指定", days_ago=30)
    article_factory("无关文章", days_ago=2, tags=["其他"])
    article = article_factory("主文章", days_ago=3, tags=["劳模"])
    ArticleRelatedLink.objects.create(page=article, article=chosen, sort_order=0)
    html = client.get(article.url).content.decode()
    block = html[html.index("相关阅读</h2>") :]
    block = block[: block.index("</section>")]
    titles = re.findall(r">([^<>]+)</a>", block)
    assert titles == [chosen.title, tagged_new.title, tagged_old.title]


def test_qr_code_is_inline_svg_of_the_article_url(client, article_factory):
    article = article_factory()
    html = client.get(article.url).content.decode()
    assert '<svg width="' in html and 'class="qr-code"' in html
    assert "https://" not in html.split('class="qr-code"')[1][:2000]  # no external image service


def test_json_ld_is_valid_news_article(client, article_factory):
    article = article_factory("测试 JSON-LD", authors="王建新", summary="一段摘要")
    html = client.get(article.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "测试 JSON-LD"
    assert data["author"] == [{"@type": "Person", "name": "王建新"}]
    assert data["description"] == "一段摘要"
    assert data["mainEntityOfPage"] == "http://testserver" + article.url
    assert data["datePublished"].endswith("+08:00")


def test_page_get_writes_nothing_and_is_publicly_cacheable(client, article_factory):
    article = article_factory()
    client.get(article.url)  # Wagtail creates the site settings row on first use.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response.status_code == 200
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]


def count(client, article, address="10.0.0.1"):
    return client.post(f"/news-views/{article.pk}/", REMOTE_ADDR=address)


def test_view_counter_counts_once_per_reader_and_shows_the_total(client, article_factory):
    article = article_factory()
    assert count(client, article).json() == {"views": 1, "counted": True}
    assert count(client, article).json() == {"views": 1, "counted": False}
    assert count(client, article, "10.0.0.2").json()["views"] == 2
    assert ArticleDailyViews.objects.get(article=article).views == 2
    assert "阅读量：<span data-view-count>2</span>" in client.get(article.url).content.decode()


def test_view_counter_limits_one_address(client, article_factory, monkeypatch):
    monkeypatch.setattr("news.stats.VIEWS_PER_ADDRESS_PER_HOUR", 2)
    articles = [article_factory() for _ in range(3)]
    results = [count(client, a, "10.9.9.9").json()["counted"] for a in articles]
    assert results == [True, True, False]


def test_view_counter_refuses_get_drafts_and_unknown_ids(client, article_factory):
    article = article_factory()
    draft = article_factory(live=False)
    assert client.get(f"/news-views/{article.pk}/").status_code == 405
    assert count(client, draft).status_code == 404
    assert client.post("/news-views/999999/").status_code == 404
    assert not ArticleDailyViews.objects.exists()


def test_most_read_this_week(client, article_factory):
    popular = article_factory("本周热门")
    quiet = article_factory("阅读较少")
    old = article_factory("上月热门")
    today = timezone.localdate()
    ArticleDailyViews.objects.create(article=popular, date=today, views=50)
    ArticleDailyViews.objects.create(article=quiet, date=today - datetime.timedelta(days=3), views=5)
    ArticleDailyViews.objects.create(article=old, date=today - datetime.timedelta(days=20), views=500)
    html = client.get(quiet.url).content.decode()
    block = html[html.index("热点排行</h2>") :]
    block = block[: block.index("</section>")]
    assert re.findall(r">([^<>]+)</a>", block) == ["本周热门", "阅读较少"]
    assert "50 次阅读" in block


def test_display_date_defaults_to_first_publication(section):
    from news.models import ArticlePage

    draft = ArticlePage(title="未填发布时间的文章", live=False)
    section.add_child(instance=draft)
    assert ArticlePage.objects.get(pk=draft.pk).display_date is None
    draft.save_revision().publish()
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.display_date == published.first_published_at
    assert published.slug == "wei-tian-fa-bu-shi-jian-de-wen-zhang"


def test_publishing_refreshes_previous_and_next(client, section, article_factory):

    current = article_factory("当前文章", days_ago=3)
    assert "下一篇：没有了" in client.get(current.url).content.decode()
    newer = ArticleFactory(parent=section, title="刚发布的文章", days_ago=1, live=False)
    publish(newer)
    assert "下一篇：<a" in client.get(current.url).content.decode()


def test_cached_header_and_article_tools_keep_each_readers_choices(client, article_factory):
    """The header and the article's reader tools are kept per page and display choice: one
    reader's 关怀模式 or text size never shows on another's page, nor one address's return path."""
    article = article_factory()
    care_large = Client()
    care_large.cookies["care_mode"] = "1"
    care_large.cookies["text_size"] = "large"

    def states(response):
        html = response.content.decode()
        care = re.search(r'data-care-toggle\s+aria-pressed="(\w+)"', html)[1]
        pressed = re.findall(r'aria-label="(.)字号"\s+aria-pressed="true"', html)
        nexts = set(re.findall(r'name="next" value="([^"]*)"', html))
        return care, pressed, nexts

    for _round in range(2):  # the second round is answered from the cached fragments
        assert states(client.get(article.url)) == ("false", ["中"], {article.url})
        assert states(care_large.get(article.url)) == ("true", ["大"], {article.url})
    with_query = f"{article.url}?from=weixin"
    assert states(client.get(with_query)) == ("false", ["中"], {with_query})
    assert states(care_large.get(with_query)) == ("true", ["大"], {with_query})
    assert states(client.get(article.url)) == ("false", ["中"], {article.url})
