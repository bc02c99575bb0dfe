"""Nothing goes live, and nothing live changes, around 三审 — for any role, the superuser included.

Each Wagtail path that publishes or changes live pages (editorial/side_doors.py lists them) is tried
as 撰稿人, 初审, 复审, 终审, 站点管理员 and superuser.
"""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from editorial.side_doors import REFUSED_LOG_ACTION
from news.models import ArticlePage
from tests.editorial.helpers import empty_formsets
from tests.factories import NewsSectionFactory

pytestmark = pytest.mark.django_db

ROLES = ["writer", "first", "second", "final", "site_admin", "superuser"]


@pytest.fixture
def other_section(editorial):
    return NewsSectionFactory(parent=editorial["index"], title="基层动态")


def edit_data(client, page, url, **extra):
    data = {
        "title": page.title,
        "slug": page.slug,
        "source_name": page.source_name,
        "summary": page.summary,
        "body-count": 0,
    }
    data.update(empty_formsets(client, reverse("wagtailadmin_pages:edit", args=[page.pk])))
    data.update(extra)
    return data


def refusals(page):
    return PageLogEntry.objects.filter(page=page, action=REFUSED_LOG_ACTION)


@pytest.mark.parametrize("role", ROLES)
def test_publish_from_the_editor_is_refused_and_hidden(client, people, draft_article, role):
    article = draft_article()
    client.force_login(people[role])
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert 'name="action-publish"' not in client.get(url).content.decode()
    response = client.post(url, edit_data(client, article, url, **{"action-publish": "1"}), follow=True)
    assert "不能直接发布" in response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.parametrize("role", ROLES)
def test_scheduling_an_unreviewed_revision_is_refused(client, people, draft_article, role):
    article = draft_article()
    client.force_login(people[role])
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    go_live = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = edit_data(client, article, url, go_live_at=go_live, **{"action-publish": "1"})
    response = client.post(url, data, follow=True)
    assert "不能直接发布" in response.content.decode()
    assert not Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ).exists()


def test_the_superusers_refusal_keeps_the_text_as_a_draft_and_is_logged(client, people, draft_article):
    article = draft_article()
    client.force_login(people["superuser"])
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    client.post(url, edit_data(client, article, url, title="超级管理员改写的标题", **{"action-publish": "1"}))
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    assert article.get_latest_revision_as_object().title == "超级管理员改写的标题"
    entry = refusals(article).get()
    assert entry.user == people["superuser"]
    assert "直接发布" in entry.message


@pytest.mark.parametrize("role", ROLES)
def test_reverting_to_an_unreviewed_revision_and_publishing_is_refused(
    client, people, staff, live_article, role
):
    live_title = live_article.title
    unreviewed = live_article.get_latest_revision_as_object()
    unreviewed.title = "未经审核的旧版本标题"
    old_revision = unreviewed.save_revision(user=staff["writer"])
    client.force_login(people[role])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[live_article.pk, old_revision.pk])
    response = client.post(url, edit_data(client, unreviewed, url, **{"action-publish": "1"}), follow=True)
    assert response.status_code in (200, 403)
    assert ArticlePage.objects.get(pk=live_article.pk).title == live_title


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("option", ["publish_copies", "alias"])
def test_copy_with_publish_and_alias_put_nothing_live(
    client, people, live_article, other_section, role, option
):
    client.force_login(people[role])
    url = reverse("wagtailadmin_pages:copy", args=[live_article.pk])
    data = {
        "new_title": "复制出的稿件",
        "new_slug": "fuzhi-gaojian",
        "new_parent_page": other_section.pk,
        option: "on",
    }
    response = client.post(url, data, follow=True)
    assert not Page.objects.filter(slug="fuzhi-gaojian", live=True).exists()
    if role in ("final", "superuser"):  # the others are not offered the option at all
        assert "不能“复制并发布”或创建别名" in response.content.decode()
        assert refusals(live_article).exists()


def test_a_plain_copy_is_a_draft_that_must_go_through_the_workflow(
    client, people, live_article, other_section
):
    client.force_login(people["final"])
    url = reverse("wagtailadmin_pages:copy", args=[live_article.pk])
    client.post(
        url, {"new_title": "草稿副本", "new_slug": "caogao-fuben", "new_parent_page": other_section.pk}
    )
    copy = Page.objects.get(slug="caogao-fuben")
    assert not copy.live
    assert copy.get_workflow() is not None


@pytest.mark.parametrize("role", ROLES)
def test_moving_a_live_article_to_another_section_is_refused(
    client, people, live_article, other_section, role
):
    old_parent = live_article.get_parent()
    client.force_login(people[role])
    url = reverse("wagtailadmin_pages:move_confirm", args=[live_article.pk, other_section.pk])
    response = client.post(url, follow=True)
    assert ArticlePage.objects.get(pk=live_article.pk).get_parent().pk == old_parent.pk
    if response.status_code == 200 and role in ("final", "superuser"):
        assert "不能移动到其他栏目" in response.content.decode()


def test_a_draft_may_still_be_moved(client, people, draft_article, other_section):
    article = draft_article()
    client.force_login(people["superuser"])
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[article.pk, other_section.pk]))
    assert ArticlePage.objects.get(pk=article.pk).get_parent().pk == other_section.pk


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + ids


@pytest.mark.parametrize("role", ROLES)
def test_bulk_publish_is_refused(client, people, draft_article, role):
    article = draft_article()
    client.force_login(people[role])
    response = client.post(bulk_url("publish", article), {"include_descendants": ""}, follow=True)
    assert not ArticlePage.objects.get(pk=article.pk).live
    if role == "superuser":
        assert "不能批量发布" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_bulk_move_of_live_pages_is_refused(client, people, live_article, other_section, role):
    old_parent = live_article.get_parent()
    client.force_login(people[role])
    client.post(bulk_url("move", live_article), {"chooser": other_section.pk}, follow=True)
    assert ArticlePage.objects.get(pk=live_article.pk).get_parent().pk == old_parent.pk


@pytest.mark.parametrize("role", ROLES)
def test_unpublishing_is_for_the_final_review_and_the_superuser_and_is_logged(
    client, people, live_article, role
):
    client.force_login(people[role])
    client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    live = ArticlePage.objects.get(pk=live_article.pk).live
    if role in ("final", "superuser"):
        assert not live
        assert PageLogEntry.objects.filter(
            page=live_article, action="wagtail.unpublish", user=people[role]
        ).exists()
    else:
        assert live


@pytest.mark.parametrize("role", ROLES)
def test_bulk_unpublish_follows_the_same_rule(client, people, live_article, role):
    client.force_login(people[role])
    client.post(bulk_url("unpublish", live_article), {"include_descendants": ""})
    assert ArticlePage.objects.get(pk=live_article.pk).live == (role not in ("final", "superuser"))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_final_review_and_the_superuser_delete_a_live_page_and_it_is_logged(
    client, people, live_article, role
):
    client.force_login(people[role])
    client.post(bulk_url("delete", live_article))
    assert ArticlePage.objects.filter(pk=live_article.pk).exists() == (role not in ("final", "superuser"))
    if role in ("final", "superuser"):
        assert PageLogEntry.objects.filter(page_id=live_article.pk, action="wagtail.delete").exists()


def test_the_scheduler_refuses_a_revision_that_did_not_pass_the_workflow(staff, live_article):
    live_title = live_article.title
    page = live_article.get_latest_revision_as_object()
    page.title = "绕过审核的定时版本"
    revision = page.save_revision(user=staff["final"])
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    errors = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=errors)
    assert ArticlePage.objects.get(pk=live_article.pk).title == live_title
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert "未经“三审”通过的版本不能定时发布" in errors.getvalue()
    assert refusals(live_article).exists()


def test_the_scheduler_publishes_a_revision_the_workflow_approved(scheduled_article):
    go_live = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    article = scheduled_article(go_live)
    assert not ArticlePage.objects.get(pk=article.pk).live
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    assert ArticlePage.objects.get(pk=article.pk).live
