"""Pages appended in bulk (demo.bulk_pages) form a tree that Wagtail, treebeard and readers can use."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from demo.bulk_pages import append_child_pages
from home.models import StandardPage
from news.models import ArticlePage, ArticleTag
from workers.models import WorkerHonour, WorkerPage

pytestmark = pytest.mark.django_db

NO_PROBLEMS = ([], [], [], [], [])


def unsaved(prefix, count):
    return [
        StandardPage(
            title=f"页面{prefix}{number}", slug=f"{prefix}-{number}", live=True, intro=f"导语{number}"
        )
        for number in range(count)
    ]


def test_pages_go_after_the_existing_children_with_their_own_fields(site_root):
    site_root.add_child(instance=StandardPage(title="关于我们", slug="about"))

    pages = append_child_pages(site_root, unsaved("p", 3))

    assert Page.find_problems() == NO_PROBLEMS
    assert [child.slug for child in site_root.get_children()] == ["about", "p-0", "p-1", "p-2"]
    assert Page.objects.get(pk=site_root.pk).numchild == 4
    assert site_root.numchild == 4
    stored = StandardPage.objects.get(pk=pages[1].pk)
    assert (stored.title, stored.draft_title, stored.intro) == ("页面p1", "页面p1", "导语1")
    assert stored.url_path == f"{site_root.url_path}p-1/"
    assert stored.locale_id == site_root.locale_id
    assert stored.get_parent().pk == site_root.pk


def test_appending_twice_then_adding_one_page_the_usual_way(site_root):
    append_child_pages(site_root, unsaved("a", 2))
    append_child_pages(site_root, unsaved("b", 2))
    site_root.add_child(instance=StandardPage(title="以后", slug="later"))

    assert Page.find_problems() == NO_PROBLEMS
    assert [child.slug for child in site_root.get_children()] == ["a-0", "a-1", "b-0", "b-1", "later"]
    assert Page.objects.get(pk=site_root.pk).numchild == 5


def test_pks_are_found_on_databases_that_do_not_return_them(site_root, monkeypatch):
    monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)

    pages = append_child_pages(site_root, unsaved("p", 3))

    assert [page.pk for page in pages] == list(
        StandardPage.objects.child_of(site_root).order_by("path").values_list("pk", flat=True)
    )


def test_appended_pages_are_served_even_where_the_site_cache_had_missed_them(client, site_root):
    assert client.get("/p-0/").status_code == 404

    [page] = append_child_pages(site_root, unsaved("p", 1))

    response = client.get(page.url)

    assert response.status_code == 200
    assert "页面p0" in response.content.decode()


def test_one_model_per_call(site_root):
    with pytest.raises(TypeError):
        append_child_pages(site_root, [*unsaved("p", 1), ArticlePage(title="文章", slug="article")])
    assert append_child_pages(site_root, []) == []


def test_generate_bulk_content_twice_gives_a_valid_tree_of_readable_pages(client, site_root):
    output = io.StringIO()
    call_command("generate_bulk_content", articles=12, workers=5, stdout=output)
    call_command("generate_bulk_content", articles=8, workers=3, stdout=output)

    assert "已生成 12 篇合成文章" in output.getvalue() and "已生成 3 位合成劳模" in output.getvalue()

    assert Page.find_problems() == NO_PROBLEMS
    articles = ArticlePage.objects.filter(responsible_editor="合成数据")
    assert articles.count() == 20
    assert ArticleTag.objects.filter(content_object__in=articles).count() == 40
    workers = WorkerPage.objects.all()
    assert workers.count() == 8
    assert WorkerHonour.objects.filter(page__in=workers).count() >= 8
    for parent in Page.objects.filter(depth__lte=site_root.depth + 1):
        assert parent.numchild == Page.objects.child_of(parent).count(), parent.title
    for page in (articles.order_by("-path").first(), workers.order_by("-path").first()):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
