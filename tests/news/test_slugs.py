"""Readable pinyin slugs from Chinese titles, in code and in the admin."""

import pytest

from core.slugs import pinyin_slug
from news.models import NewsSectionPage

pytestmark = pytest.mark.django_db


def test_pinyin_slug_is_readable_ascii_and_trimmed():
    assert pinyin_slug("工会要闻") == "gong-hui-yao-wen"
    assert pinyin_slug("2026年“五一”劳动奖章") == "2026-nian-wu-yi-lao-dong-jiang-zhang"
    long = pinyin_slug("青海省总工会召开全省工会系统深入开展下基层接地气办实事活动推进会议并部署下一步工作")
    assert len(long) <= 60 and not long.endswith("-") and long.startswith("qing-hai-sheng")
    assert pinyin_slug("——！！！") == "wen-zhang"


def test_articles_get_pinyin_slugs_and_keep_them_when_retitled(article_factory, section):
    first = article_factory("劳模进校园")
    second = article_factory("劳模进校园")
    assert first.slug == "lao-mo-jin-xiao-yuan"
    assert second.slug == "lao-mo-jin-xiao-yuan-2"
    first.title = "劳模精神进校园"
    first.save()
    first.refresh_from_db()
    assert first.slug == "lao-mo-jin-xiao-yuan"


def test_dash_only_slug_is_replaced(section, article_factory):
    article = article_factory("基层动态", slug="----")
    assert article.slug == "ji-ceng-dong-tai"


def test_admin_creates_section_with_pinyin_slug(client, site_root, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(admin)
    url = f"/admin/pages/add/news/newssectionpage/{site_root.pk}/"
    data = {
        "title": "劳动保护",
        "slug": "",
        "intro": "",
        "column_type": "信息发布",
        "seo_title": "",
        "search_description": "",
        "seo_keywords": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsSectionPage.objects.get(title="劳动保护").slug == "lao-dong-bao-hu"


def test_admin_refuses_chinese_or_dash_slug(client, site_root, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(admin)
    url = f"/admin/pages/add/news/newssectionpage/{site_root.pk}/"
    base = {
        "title": "典型案例",
        "column_type": "信息发布",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    for slug in ("典型案例", "---"):
        response = client.post(url, {**base, "slug": slug})
        assert response.status_code == 200
        assert not NewsSectionPage.objects.filter(title="典型案例").exists()
