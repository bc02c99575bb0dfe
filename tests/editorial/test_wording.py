"""The workflow says what will happen and what happened, in one truthful message."""

import pytest
from django.urls import reverse

from editorial.wagtail_hooks import RESUBMIT_LABEL

from .helpers import act, post_edit

pytestmark = pytest.mark.django_db
FLAGGED = "工会干部讲解了一函二书制度。"


def test_a_submission_the_check_sends_back_gets_one_message_with_the_findings(client, staff, draft_article):
    article = draft_article(paragraphs=(FLAGGED,))
    client.force_login(staff["writer"])
    html = post_edit(client, article, FLAGGED, **{"action-submit": "1"}).content.decode()
    assert "规范用语检查未通过，稿件已退回给您，未提交给审核人" in html
    assert "一函二书" in html and "一函两书" in html  # the finding itself, not only a link
    assert "已经提交进行审核" not in html  # no green "submitted" beside it


def test_a_submission_that_passes_says_who_reviews_it_next(client, staff, draft_article):
    article = draft_article()
    client.force_login(staff["writer"])
    html = post_edit(client, article, "全省职工技能大赛圆满落幕。", **{"action-submit": "1"}).content.decode()
    assert "规范用语检查通过，现等待“初审”审核" in html
    assert "已经提交进行审核" not in html


def test_the_resubmit_button_says_the_draft_goes_through_the_check_and_first_review_again(
    client, staff, draft_article, submit
):
    article = submit(draft_article(), staff["writer"])
    act(client, staff["first"], article, "approve")
    act(client, staff["second"], article, "reject", comment="第二段的数字请核实。")
    client.force_login(staff["writer"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert RESUBMIT_LABEL in html
    assert "重新提交给复审" not in html
    # The reviewer's comment is shown in the editor itself, with who sent it back.
    assert "第二段的数字请核实。" in html and "马志成" in html


def test_the_final_approver_is_told_approving_publishes(client, staff, draft_article, submit):
    article = submit(draft_article(), staff["writer"])
    client.force_login(staff["first"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "批准，转交复审" in html
    act(client, staff["first"], article, "approve")
    act(client, staff["second"], article, "approve")

    client.force_login(staff["final"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "批准并发布" in html and "退回修改" in html
    # What the approver is told afterwards: tests/editorial/test_quick_review.py.


def test_the_check_report_names_the_page_it_checked(client, staff, draft_article):
    article = draft_article(title="海东市职工技能大赛决赛举行")
    client.force_login(staff["writer"])
    html = client.get(reverse("editorial_house_style_report", args=[article.pk])).content.decode()
    assert "规范用语检查：海东市职工技能大赛决赛举行" in html
