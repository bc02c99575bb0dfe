"""An editor's day: log in to /admin/, write an article in a news section, submit it for review."""

import re

import pytest

from news.models import ArticlePage, NewsSectionPage

from .conftest import browser_db

pytestmark = [pytest.mark.browser, browser_db]

WRITER = ("zhuangao", "qhgh-zhuangao-2026")  # 撰稿人 from the editorial demo
TITLE = "西宁市总工会为环卫职工送去冬季慰问品"


def test_writer_writes_an_article_and_submits_it_for_review(desktop):
    section = NewsSectionPage.objects.live().order_by("path").first()
    workflow = section.get_workflow()
    assert workflow is not None, "the demo assigns the 三审 workflow to news sections"

    desktop.goto("/admin/")
    desktop.locator("#id_username").fill(WRITER[0])
    desktop.locator("#id_password").fill(WRITER[1])
    desktop.locator("form button[type=submit]").first.click()
    desktop.wait_for_url("**/admin/")

    desktop.goto(f"/admin/pages/add/news/articlepage/{section.pk}/")
    desktop.locator("#id_title").fill(TITLE)
    desktop.locator("#id_summary").fill("入冬以来，西宁市总工会走访一线环卫职工，送去棉衣、手套和热饮。")

    # The submit action sits in the footer's action menu, behind the "more" toggle.
    desktop.locator("footer .w-dropdown__toggle").first.click()
    submit = desktop.locator("button[name='action-submit']")
    assert workflow.name in submit.inner_text()
    submit.click()
    desktop.wait_for_load_state()

    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.get_parent().pk == section.pk
    state = article.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow_id == workflow.pk
    assert desktop.locator(".messages").filter(has_text=re.compile(TITLE[:6])).count() >= 1


REVIEWER = ("chushen", "qhgh-chushen-2026")  # 初审编辑 from the editorial demo


def _log_in(page, account):
    page.goto("/admin/")
    page.locator("#id_username").fill(account[0])
    page.locator("#id_password").fill(account[1])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_writer_starts_an_article_from_the_dashboard(desktop):
    section = NewsSectionPage.objects.live().order_by("path").last()
    _log_in(desktop, WRITER)
    panel = desktop.locator("#editorial_new_article-section, #editorial_new_article").first
    panel.locator("select[name=section]").select_option(str(section.pk))
    panel.get_by_role("button", name="新建文章").click()
    desktop.wait_for_url(f"**/admin/pages/add/news/articlepage/{section.pk}/")
    assert desktop.locator("#id_title").is_visible()


def test_reviewer_approves_from_the_review_list(desktop):
    waiting = ArticlePage.objects.get(slug="demo-review-waiting")
    _log_in(desktop, REVIEWER)
    row = desktop.locator("tr").filter(has_text=waiting.title)
    assert row.get_by_role("link", name="预览").count() == 1
    row.locator("summary").click()
    row.locator("textarea[name=comment]").fill("数据已核实。")
    row.get_by_role("button", name=re.compile("^批准")).click()
    desktop.wait_for_load_state()
    assert desktop.locator(".messages").filter(has_text="已批准，转交").count() == 1
    state = ArticlePage.objects.get(pk=waiting.pk).current_workflow_state
    assert state.current_task_state.task.name == "复审"
