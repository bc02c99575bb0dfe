"""Page addresses: from the whole title, free of collisions, errors where the editor looks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.slugs import chinese_dropped_slugs, is_abandoned_draft, pinyin_slug
from news.models import ArticlePage
from tests.factories import ArticleFactory

from .helpers import empty_formsets

pytestmark = pytest.mark.django_db

TITLE = "青海省总工会召开2026年职工代表大会"


def test_the_slug_spells_the_whole_title_with_digits_and_latin_words_in_place():
    assert pinyin_slug(TITLE).startswith("qing-hai-sheng-zong-gong-hui-zhao-kai-2026-nian")
    assert pinyin_slug("职工之家APP使用指南") == "zhi-gong-zhi-jia-app-shi-yong-zhi-nan"
    assert chinese_dropped_slugs(TITLE) == {"2026"}


def _create(client, section, title, slug="", **extra):
    add_url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "摘要。",
            "source_name": "青海省总工会",
            "body": streamfield([("paragraph", rich_text("<p>正文。</p>"))]),
            **extra,
        }
    )
    data.update(empty_formsets(client, add_url))
    return client.post(add_url, data, follow=True)


def test_what_the_admin_script_leaves_of_a_chinese_title_is_replaced_and_collisions_get_a_suffix(
    client, editorial, staff
):
    client.force_login(staff["writer"])
    section = editorial["section"]
    # The admin's script fills the slug with what is left once the Chinese is dropped: "2026".
    assert _create(client, section, TITLE, slug="2026").status_code == 200
    assert _create(client, section, TITLE, slug="2026").status_code == 200
    slugs = sorted(ArticlePage.objects.child_of(section).values_list("slug", flat=True))
    base = pinyin_slug(TITLE)
    assert slugs == [base, f"{base}-2"]


def test_a_typed_slug_that_is_taken_is_explained_at_the_top_of_the_form(
    client, editorial, staff, draft_article
):
    draft_article(title="另一篇稿件", slug="zhi-gong-da-hui", summary="有内容的稿件。")
    client.force_login(staff["writer"])
    response = _create(client, editorial["section"], "职工大会召开", slug="zhi-gong-da-hui")
    html = response.content.decode()
    assert "“推广”标签页的“页面网址”“zhi-gong-da-hui”已被本栏目下的《另一篇稿件》使用" in html
    assert "zhi-gong-da-hui-2" in html  # the free address it suggests
    assert "is already in use" not in html
    assert not ArticlePage.objects.filter(title="职工大会召开").exists()


def test_an_abandoned_autosaved_draft_gives_its_slug_to_the_real_article(client, editorial, staff):
    section = editorial["section"]
    # Autosave made a draft from the typed title alone, and the writer walked away.
    abandoned = ArticleFactory(
        parent=section, title=TITLE, slug=pinyin_slug(TITLE), live=False, summary="", source_name=""
    )
    abandoned.save_revision(user=staff["writer"])
    assert is_abandoned_draft(abandoned)

    client.force_login(staff["writer"])
    response = _create(client, section, TITLE)
    assert response.status_code == 200
    real = ArticlePage.objects.child_of(section).get(summary="摘要。")
    assert real.slug == pinyin_slug(TITLE)
    abandoned = ArticlePage.objects.get(pk=abandoned.pk)
    assert abandoned.slug == f"{pinyin_slug(TITLE)}-cao-gao"
    assert abandoned.get_latest_revision_as_object().slug == abandoned.slug


def test_a_draft_with_content_or_in_review_keeps_its_slug(editorial, staff, draft_article, submit):
    draft = draft_article(title="有正文的稿件")
    assert not is_abandoned_draft(draft)
    empty = ArticleFactory(
        parent=editorial["section"], title="只有标题", live=False, summary="", source_name=""
    )
    submit(empty, staff["writer"])
    assert not is_abandoned_draft(empty)
    # Untouched for longer than a month: abandoned whatever it holds.
    draft.latest_revision_created_at = timezone.now() - datetime.timedelta(days=40)
    assert is_abandoned_draft(draft)


def test_a_published_page_given_a_taken_slug_is_refused_not_a_server_error(client, editorial, staff):
    section = editorial["section"]
    ArticleFactory(parent=section, title="先发的文章", slug="xian-fa", summary="有内容。")
    live = ArticleFactory(parent=section, title="已发布文章", slug="yi-fa-bu", summary="有内容。", live=True)
    client.force_login(staff["writer"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[live.pk])
    data = nested_form_data(
        {
            "title": live.title,
            "slug": "xian-fa",
            "summary": live.summary,
            "source_name": "青海省总工会",
            "body": streamfield([("paragraph", rich_text("<p>正文。</p>"))]),
        }
    )
    data.update(empty_formsets(client, edit_url))
    response = client.post(edit_url, data)
    assert response.status_code == 200
    assert "已被本栏目下的《先发的文章》使用" in response.content.decode()
    assert ArticlePage.objects.get(pk=live.pk).get_latest_revision_as_object().slug == "yi-fa-bu"
