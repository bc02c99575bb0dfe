"""Fewer clicks: 新建文章 from the dashboard, and approve or send back from the review list."""

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests.factories import NewsSectionFactory

from .helpers import current_task_name

pytestmark = pytest.mark.django_db


def test_writers_start_an_article_from_the_dashboard_by_choosing_the_section(client, editorial, staff):
    other = NewsSectionFactory(parent=editorial["index"], title="基层动态")
    client.force_login(staff["writer"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "新建文章" in html
    assert "新闻中心 › 工会要闻" in html and "新闻中心 › 基层动态" in html

    response = client.get(reverse("editorial_new_article"), {"section": other.pk})
    add_url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", other.pk])
    assert response.status_code == 302 and response.url == add_url
    assert client.get(add_url).status_code == 200

    # A page that is not a section (or not theirs) is refused, never a 500.
    response = client.get(reverse("editorial_new_article"), {"section": "abc"}, follow=True)
    assert "请选择一个您有权发稿的栏目" in response.content.decode()


def _quick(client, user, article, action, comment="", follow=True):
    client.force_login(user)
    return client.post(
        reverse("editorial_quick_review", args=[article.pk]),
        {"action": action, "comment": comment, "next": reverse("wagtailadmin_home")},
        follow=follow,
    )


def test_reviewers_preview_and_approve_from_the_review_list(client, staff, draft_article, submit):
    article = submit(draft_article(title="全省职工技能大赛圆满落幕"), staff["writer"])
    client.force_login(staff["first"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editorial_quick_review", args=[article.pk]) in html
    preview = reverse(
        "wagtailadmin_pages:workflow_preview", args=[article.pk, article.current_workflow_task.pk]
    )
    assert preview in html and "批准，转交复审" in html
    form = html[html.index(reverse("editorial_quick_review", args=[article.pk])) :]
    assert 'name="csrfmiddlewaretoken" value="' in form[: form.index("</form>")]  # a real browser sends it
    assert client.get(preview).status_code == 200

    html = _quick(client, staff["first"], article, "approve").content.decode()
    assert "已批准，转交“复审”审核" in html
    assert current_task_name(article) == "复审"

    _quick(client, staff["second"], article, "approve")
    html = _quick(client, staff["final"], article, "approve", comment="同意发布。").content.decode()
    assert "已批准并发布" in html
    assert ArticlePage.objects.get(pk=article.pk).live


def test_sending_back_needs_a_comment_which_then_shows_in_the_editor(client, staff, draft_article, submit):
    article = submit(draft_article(), staff["writer"])
    response = _quick(client, staff["first"], article, "reject")
    assert response.status_code == 400
    assert "退回时请写明需要修改什么" in response.content.decode()
    assert current_task_name(article) == "初审"

    html = _quick(
        client, staff["first"], article, "reject", comment="导语太长，请压缩到两句。"
    ).content.decode()
    assert "已退回给提交人修改" in html
    client.force_login(staff["writer"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "导语太长，请压缩到两句。" in editor and "赵海燕" in editor


def test_nobody_quick_approves_outside_their_stage(client, staff, draft_article, submit):
    article = submit(draft_article(), staff["writer"])
    for user in (staff["writer"], staff["second"]):
        response = _quick(client, user, article, "approve", follow=False)
        assert response.status_code in (302, 403)
        assert "》已批准" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert current_task_name(article) == "初审"
