"""Only 终审 publishes; nobody publishes around the workflow, through the admin or the permission API."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission

from news.models import ArticlePage

from .helpers import empty_formsets

pytestmark = pytest.mark.django_db


def test_only_the_final_review_group_can_publish_or_unpublish(staff, live_article):
    for role in ("writer", "first", "second", "site_admin"):
        perms = live_article.permissions_for_user(staff[role])
        assert perms.can_edit(), role
        assert not perms.can_publish(), role
        assert not perms.can_unpublish(), role
    final = live_article.permissions_for_user(staff["final"])
    assert final.can_publish() and final.can_unpublish()


def test_wagtail_default_moderators_group_no_longer_publishes(editorial):
    assert not GroupPagePermission.objects.filter(
        group__name="Moderators", permission__codename="publish_page"
    ).exists()


def test_publish_button_is_hidden_and_direct_publishing_refused_for_writer_and_final_review(
    client, staff, draft_article
):
    article = draft_article()
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    for role in ("writer", "final"):
        client.force_login(staff[role])
        html = client.get(edit_url).content.decode()
        assert 'name="action-publish"' not in html, role
        assert 'name="action-submit"' in html, role

        data = {
            "title": article.title,
            "slug": article.slug,
            "source_name": article.source_name,
            "body-count": 0,
            "action-publish": "1",
        }
        data.update(empty_formsets(client, edit_url))
        response = client.post(edit_url, data, follow=True)
        assert "不能直接发布" in response.content.decode(), role
        assert not ArticlePage.objects.get(pk=article.pk).live, role


def test_contributor_cannot_unpublish_through_the_admin(client, staff, live_article):
    client.force_login(staff["writer"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    assert response.status_code in (302, 403)
    assert ArticlePage.objects.get(pk=live_article.pk).live


def test_the_check_is_available_from_the_editor(client, staff, draft_article):
    article = draft_article(paragraphs=("截止目前已有十家企业参加。",))
    client.force_login(staff["writer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    report_url = reverse("editorial_house_style_report", args=[article.pk])
    assert report_url in html
    response = client.get(report_url)
    assert response.status_code == 200
    assert "截止目前" in response.content.decode()


def test_the_report_is_refused_to_users_without_access(client, make_user, draft_article):
    outsider = make_user("waibu")
    article = draft_article()
    client.force_login(outsider)
    response = client.get(reverse("editorial_house_style_report", args=[article.pk]))
    assert response.status_code in (302, 403)


def test_new_pages_in_a_section_are_created_without_a_publish_button(client, editorial, staff):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", editorial["section"].pk])
    client.force_login(staff["final"])
    html = client.get(url).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    response = client.post(
        url, {"title": "直接发布的尝试", "slug": "zhijie", "action-publish": "1"}, follow=True
    )
    assert "不能直接发布" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="zhijie").exists()


def test_bulk_publish_is_refused_for_workflow_pages(client, staff, draft_article):
    article = draft_article()
    client.force_login(staff["final"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={article.pk}"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    # One refusal (editorial/side_doors.py), whichever module was imported first.
    assert "不能批量发布" in response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live
