"""A submission walks through 规范用语检查 → 初审 → 复审 → 终审, and every refusal holds."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from editorial.roles import FIRST_REVIEW, SECOND_REVIEW
from news.models import ArticlePage

from .helpers import act, approve_all, current_task_name, post_edit

pytestmark = pytest.mark.django_db


def test_submission_passes_all_stages_and_final_approver_becomes_responsible_editor(
    client, staff, draft_article, submit
):
    article = submit(draft_article(), staff["writer"])
    assert current_task_name(article) == "初审"

    assert act(client, staff["first"], article, "approve").status_code == 302
    assert current_task_name(article) == "复审"
    act(client, staff["second"], article, "approve")
    assert current_task_name(article) == "终审"
    assert not ArticlePage.objects.get(pk=article.pk).live

    act(client, staff["final"], article, "approve", comment="同意发布")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.responsible_editor == "韩玉珍"

    # The review history names who approved each stage.
    client.force_login(staff["writer"])
    response = client.get(reverse("editorial_review_history", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for stage, name in [("初审", "赵海燕"), ("复审", "马志成"), ("终审", "韩玉珍")]:
        assert stage in html and name in html
    assert "同意发布" in html

    # Wagtail's own workflow history for the page works for editors too.
    response = client.get(reverse("wagtailadmin_pages:workflow_history", args=[article.pk]))
    assert response.status_code == 200 and "三审" in response.content.decode()


def test_a_responsible_editor_filled_in_by_hand_is_kept(client, staff, draft_article, submit):
    article = submit(draft_article(responsible_editor="王编辑"), staff["writer"])
    approve_all(client, staff, article)
    assert ArticlePage.objects.get(pk=article.pk).responsible_editor == "王编辑"


def test_one_person_cannot_approve_two_stages(client, staff, make_user, draft_article, submit):
    both = make_user("jianren", FIRST_REVIEW, SECOND_REVIEW, name="兼任编辑")
    article = submit(draft_article(), staff["writer"])
    act(client, both, article, "approve")
    assert current_task_name(article) == "复审"

    article = ArticlePage.objects.get(pk=article.pk)
    task = article.current_workflow_task
    actions = [name for name, _label, _modal in task.get_actions(article, both)]
    assert "approve" not in actions and "reject" in actions
    assert not task.get_task_states_user_can_moderate(both).exists()

    # The admin view refuses, and the task itself refuses even if called directly.
    # (Wagtail's admin turns the refusal into a redirect to the dashboard with an error message.)
    response = act(client, both, article, "approve")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert current_task_name(article) == "复审"
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        task.on_action(article.current_workflow_task_state, both, "approve")
    assert current_task_name(article) == "复审"

    # Someone else may approve the stage.
    act(client, staff["second"], article, "approve")
    assert current_task_name(article) == "终审"


def test_nobody_approves_their_own_submission(client, make_user, draft_article, submit):
    reviewer = make_user("zixie", FIRST_REVIEW, name="自写自审")
    article = submit(draft_article(), reviewer)
    task = ArticlePage.objects.get(pk=article.pk).current_workflow_task
    assert "approve" not in [name for name, _l, _m in task.get_actions(article, reviewer)]
    assert act(client, reviewer, article, "approve").get("Location") == "/admin/"
    assert current_task_name(article) == "初审"


def test_a_superuser_is_bound_by_role_separation_too(client, editorial, staff, draft_article, submit):
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    article = submit(draft_article(), staff["writer"])
    act(client, boss, article, "approve")
    assert current_task_name(article) == "复审"
    act(client, boss, article, "approve")
    assert current_task_name(article) == "复审"


def test_a_glossary_hit_sends_the_page_back_with_the_report(client, staff, draft_article, submit):
    article = submit(
        draft_article(paragraphs=("截止目前，全省已有百余家企业落实一函二书制度。",)), staff["writer"]
    )
    article = ArticlePage.objects.get(pk=article.pk)
    state = article.current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES
    report = state.current_task_state.comment
    assert "【截止目前】" in report and "改为“截至目前”" in report
    assert "改为“一函两书”" in report

    # The writer reads the same findings on the report view.
    client.force_login(staff["writer"])
    html = client.get(reverse("editorial_house_style_report", args=[article.pk])).content.decode()
    assert "截至" in html and "一函两书" in html and "必须修改" in html

    # Nobody downstream was asked to review it.
    assert not TaskState.objects.filter(workflow_state=state, task__name="初审").exists()


def test_submitting_from_the_editor_reports_the_check_result(client, staff, draft_article):
    article = draft_article(paragraphs=("工会干部讲解了一函二书制度。",))
    client.force_login(staff["writer"])
    # Submit the draft as saved: re-post the editor's own form with the submit button.
    response = post_edit(client, article, "工会干部讲解了一函二书制度。", **{"action-submit": "1"})
    assert response.status_code == 200
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_state is not None
    assert article.current_workflow_state.status == "needs_changes"
    html = response.content.decode()
    assert "规范用语检查未通过" in html


def test_an_edit_after_approval_needs_approval_again(client, staff, draft_article, submit):
    article = submit(draft_article(), staff["writer"])
    act(client, staff["first"], article, "approve")
    assert current_task_name(article) == "复审"

    # The 复审 editor changes the text; the 初审 approval was for the old version.
    article = ArticlePage.objects.get(pk=article.pk)
    draft = article.get_latest_revision_as_object()
    draft.summary = "复审编辑改写了摘要。"
    draft.save_revision(user=staff["second"])
    act(client, staff["second"], article, "approve")

    # Back to the start: the check runs again on the new text and 初审 must approve it again.
    assert current_task_name(article) == "初审"
    act(client, staff["first"], article, "approve")
    act(client, staff["second"], article, "approve")
    act(client, staff["final"], article, "approve")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.summary == "复审编辑改写了摘要。"


def test_reviewers_are_emailed_at_their_stage_and_the_submitter_on_rejection(
    client, staff, draft_article, submit
):
    mail.outbox.clear()
    article = submit(draft_article(), staff["writer"])
    assert any(staff["first"].email in message.to for message in mail.outbox)
    assert not any(staff["second"].email in message.to for message in mail.outbox)

    mail.outbox.clear()
    act(client, staff["first"], article, "approve")
    assert any(staff["second"].email in message.to for message in mail.outbox)

    mail.outbox.clear()
    act(client, staff["second"], article, "reject", comment="第二段数据需要核实出处。")
    to_writer = [message for message in mail.outbox if staff["writer"].email in message.to]
    assert to_writer, [m.to for m in mail.outbox]
    assert "第二段数据需要核实出处。" in to_writer[0].body


def test_an_approved_page_with_a_future_publish_time_goes_live_on_time(scheduled_article):
    go_live = (timezone.now() + datetime.timedelta(hours=3)).replace(microsecond=0)
    article = scheduled_article(go_live)

    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == go_live

    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=article.pk).live

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    assert article.responsible_editor == "韩玉珍"


def test_the_development_scheduler_publishes_due_pages(scheduled_article):
    # Only revisions that passed 三审 (tests/security/test_workflow_side_doors.py has the refusal).
    go_live = (timezone.now() + datetime.timedelta(hours=1)).replace(microsecond=0)
    article = scheduled_article(go_live)
    assert not ArticlePage.objects.get(pk=article.pk).live
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(minutes=1)):
        call_command("run_scheduler", once=True, stdout=open("/dev/null", "w"))
    assert ArticlePage.objects.get(pk=article.pk).live
