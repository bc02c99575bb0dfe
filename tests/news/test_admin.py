"""Editors: the article form opens, and a preview of an article shows the reader's page."""

import pytest

from tests.factories import NewsSectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "pw"))
    return client


def test_article_create_and_edit_forms_open(editor_client, section, article_factory):
    article = article_factory("已有文章", tags=["劳模"])
    create = editor_client.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert create.status_code == 200
    html = create.content.decode()
    for label in (
        "引题",
        "副题",
        "摘要",
        "来源",
        "原标题",
        "原作者",
        "责任编辑",
        "显示日期",  # the date shown on the article (issue 20: not the go-live time)
        "定时上线时间",  # the go-live time of the 设置计划 dialog
        "头条",
        "相关阅读",
    ):
        assert label in html
    assert editor_client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


def test_preview_of_existing_and_new_articles(section, article_factory):
    from wagtail.models import Page

    from news.models import ArticlePage

    article = article_factory("预览中的文章", summary="预览摘要", tags=["劳模"])
    response = article.make_preview_request()
    assert response.status_code == 200
    assert "预览中的文章" in response.content.decode()
    # A page not saved yet, set up the way Wagtail's create-preview does it.
    new = ArticlePage(title="尚未保存的文章", summary="新文章摘要")
    new.depth = section.depth + 1
    new.path = Page._get_children_path_interval(section.path)[1]
    new.set_url_path(section)
    response = new.make_preview_request()
    assert response.status_code == 200
    assert "尚未保存的文章" in response.content.decode()


def test_articles_only_go_into_sections_and_sections_nest_one_level(site_root, section):
    from news.models import ArticlePage, NewsSectionPage

    assert not ArticlePage.can_create_at(site_root)
    assert ArticlePage.can_create_at(section)
    sub = NewsSectionFactory(parent=section, title="市州工会")
    assert NewsSectionPage.can_create_at(section)
    assert not NewsSectionPage.can_create_at(sub)


def test_preview_does_not_report_views(section, article_factory):
    article = article_factory("预览不计阅读量")
    assert "data-view-endpoint" not in article.make_preview_request().content.decode()
