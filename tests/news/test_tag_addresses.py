"""Tags have readable ASCII (pinyin) addresses; old percent-encoded ones redirect permanently;
readers still see the Chinese name."""

import importlib
from urllib.parse import quote

import pytest
from django.apps import apps
from taggit.models import Tag

from news.models import LegacyTagSlug

pytestmark = pytest.mark.django_db


def test_chinese_tags_get_pinyin_addresses_and_keep_their_names(client, news_index, article_factory):
    article = article_factory("劳动争议调解中心揭牌", tags=["职工维权", "AI工会"])
    slugs = dict(Tag.objects.values_list("name", "slug"))
    assert slugs == {"职工维权": "zhi-gong-wei-quan", "AI工会": "ai-gong-hui"}

    html = client.get(article.url).content.decode()
    assert 'href="/news/tags/zhi-gong-wei-quan/"' in html and ">职工维权</a>" in html

    response = client.get("/news/tags/zhi-gong-wei-quan/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "标签：职工维权" in page and "劳动争议调解中心揭牌" in page
    # The tag's own feeds are at the readable address too.
    assert "/news/tags/zhi-gong-wei-quan/feed/" in page
    feed = client.get("/news/tags/zhi-gong-wei-quan/feed/")
    assert feed.status_code == 200 and "劳动争议调解中心揭牌" in feed.content.decode()
    assert "/news/tags/zhi-gong-wei-quan/feed/" in client.get("/subscribe/").content.decode()


def test_tags_with_the_same_pinyin_get_different_addresses(client, news_index, article_factory):
    article_factory("基层工会换届", tags=["工会"])
    article_factory("行业公会成立", tags=["公会"])
    assert Tag.objects.get(name="工会").slug == "gong-hui"
    assert Tag.objects.get(name="公会").slug == "gong-hui-2"
    first = client.get("/news/tags/gong-hui/").content.decode()
    second = client.get("/news/tags/gong-hui-2/").content.decode()
    assert "基层工会换届" in first and "行业公会成立" not in first
    assert "行业公会成立" in second and "基层工会换届" not in second


def test_renaming_a_tag_keeps_its_address(news_index, article_factory):
    article_factory("职工书屋", tags=["职工书屋"])
    tag = Tag.objects.get(name="职工书屋")
    tag.name = "职工书屋建设"
    tag.save()
    assert Tag.objects.get(pk=tag.pk).slug == "zhi-gong-shu-wu"


@pytest.mark.parametrize("suffix", ["", "feed/", "atom/"])
def test_old_percent_encoded_addresses_redirect_permanently(client, news_index, article_factory, suffix):
    article_factory("困难职工帮扶", tags=["困难帮扶"])
    tag = Tag.objects.get(name="困难帮扶")
    # As taggit made it before: the Chinese name itself, which browsers send percent-encoded.
    Tag.objects.filter(pk=tag.pk).update(slug="困难帮扶")
    migration = importlib.import_module("news.migrations.0003_tag_pinyin_addresses")
    migration.pinyin_addresses(apps, None)
    assert Tag.objects.get(pk=tag.pk).slug == "kun-nan-bang-fu"
    assert LegacyTagSlug.objects.filter(slug="困难帮扶", tag=tag).exists()

    response = client.get(f"/news/tags/{quote('困难帮扶')}/{suffix}")
    assert response.status_code == 301
    assert response["Location"] == f"/news/tags/kun-nan-bang-fu/{suffix}"
    assert client.get(response["Location"]).status_code == 200


def test_an_edited_slug_keeps_redirecting_from_the_old_one(client, news_index, article_factory):
    article_factory("安康杯竞赛", tags=["安康杯"])
    tag = Tag.objects.get(name="安康杯")
    tag.slug = "ankangbei"
    tag.save()
    response = client.get("/news/tags/an-kang-bei/")
    assert response.status_code == 301 and response["Location"] == "/news/tags/ankangbei/"
    assert client.get("/news/tags/mei-you-zhe-ge/").status_code == 404
