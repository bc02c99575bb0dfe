"""Case handling in the admin: each step and who may take it, region scoping, the audit log,
personal data and attachments seen only by the region's handlers."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from wagtail.models import ModelLogEntry

from interaction import cases
from interaction.models import Attachment, Region, Status
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db

QUEUE = "/admin/interaction/"


def actions_logged(message):
    return list(ModelLogEntry.objects.for_instance(message).order_by("pk").values_list("action", flat=True))


def test_the_life_of_a_case(xining_handler, message):
    cases.transition(xining_handler, message, "accept")
    assert message.status == Status.ACCEPTED and message.first_responded_at
    cases.add_note(xining_handler, message, "已电话联系施工单位。")
    cases.reply(xining_handler, message, "施工单位已承诺结清工资。")
    assert message.status == Status.ANSWERED and message.answered_at
    cases.transition(xining_handler, message, "close")
    assert message.status == Status.CLOSED and message.closed_at
    # The worker answers back: reopened.
    cases.transition(xining_handler, message, "reopen")
    assert message.status == Status.ACCEPTED and message.reopen_count == 1 and message.closed_at is None
    assert actions_logged(message) == [
        "interaction.accept",
        "interaction.note",
        "interaction.reply",
        "interaction.close",
        "interaction.reopen",
    ]


def test_steps_that_do_not_fit_the_state_are_refused(xining_handler, message):
    with pytest.raises(cases.CaseError):
        cases.transition(xining_handler, message, "close")  # nothing answered yet
    with pytest.raises(cases.CaseError):
        cases.transition(xining_handler, message, "reopen")
    with pytest.raises(cases.CaseError, match="原因"):
        cases.transition(xining_handler, message, "spam")  # a reason is required
    cases.reply(xining_handler, message, "答复。")
    with pytest.raises(cases.CaseError):
        cases.reply(xining_handler, message, "再答复。")  # reopen first


def test_spam_keeps_the_message_and_only_a_supervisor_restores_it(xining_handler, supervisor, message):
    cases.transition(xining_handler, message, "spam", reason="广告内容")
    message.refresh_from_db()
    assert message.status == Status.SPAM and message.status_reason == "广告内容"
    assert "restore" not in cases.allowed_transitions(xining_handler, message)
    with pytest.raises(PermissionDenied):
        cases.transition(xining_handler, message, "restore")
    cases.transition(supervisor, message, "restore")
    assert message.status == Status.ACCEPTED


def test_a_handler_may_not_touch_another_region(haidong_handler, message):
    with pytest.raises(PermissionDenied):
        cases.transition(haidong_handler, message, "accept")
    with pytest.raises(PermissionDenied):
        cases.reply(haidong_handler, message, "答复")
    with pytest.raises(PermissionDenied):
        cases.add_note(haidong_handler, message, "备注")
    assert cases.allowed_transitions(haidong_handler, message) == []


def test_users_outside_the_groups_have_no_role(db, message):
    editor = get_user_model().objects.create_user("bianji")
    with pytest.raises(PermissionDenied):
        cases.transition(editor, message, "accept")


def test_queue_and_detail_are_scoped_to_the_handlers_regions(
    client, xining_handler, haidong_handler, supervisor
):
    xining = make_message(region=Region.XINING, title="西宁的留言")
    haidong = make_message(region=Region.HAIDONG, title="海东的留言")
    client.force_login(xining_handler)
    html = client.get(QUEUE).content.decode()
    assert "西宁的留言" in html and "海东的留言" not in html
    assert client.get(f"{QUEUE}{xining.pk}/").status_code == 200
    assert client.get(f"{QUEUE}{haidong.pk}/").status_code == 404
    assert client.post(f"{QUEUE}{haidong.pk}/accept/").status_code == 404
    client.force_login(supervisor)
    html = client.get(QUEUE).content.decode()
    assert "西宁的留言" in html and "海东的留言" in html
    assert "西宁的留言" not in client.get(QUEUE + "?region=haidong").content.decode()


def test_queue_refuses_users_without_a_role(client, db):
    editor = get_user_model().objects.create_user("bianji", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(QUEUE).status_code in (302, 403)


def test_transfer_moves_the_case_to_the_other_regions_handlers(
    client, xining_handler, haidong_handler, message
):
    client.force_login(xining_handler)
    response = client.post(
        f"{QUEUE}{message.pk}/transfer/", {"region": "haidong", "reason": "用人单位在海东"}
    )
    assert response.status_code == 302 and response["Location"] == QUEUE
    message.refresh_from_db()
    assert message.region == Region.HAIDONG
    assert client.get(f"{QUEUE}{message.pk}/").status_code == 404
    client.force_login(haidong_handler)
    assert client.get(f"{QUEUE}{message.pk}/").status_code == 200
    entry = ModelLogEntry.objects.for_instance(message).get(action="interaction.transfer")
    assert entry.data["previous"] == "xining" and entry.data["region"] == "haidong"


def test_reply_note_and_assign_through_the_admin(client, xining_handler, message):
    client.force_login(xining_handler)
    client.post(f"{QUEUE}{message.pk}/assign/", {"assignee": xining_handler.pk, "department": "法律服务部"})
    client.post(f"{QUEUE}{message.pk}/note/", {"body": "内部：单位负责人电话未接。"})
    client.post(f"{QUEUE}{message.pk}/reply/", {"body": "我们已受理，正在核实。", "is_final": ""})
    message.refresh_from_db()
    assert message.assigned_to == xining_handler and message.department == "法律服务部"
    assert message.status == Status.ACCEPTED and message.first_responded_at and message.answered_at is None
    assert message.notes.count() == 1 and message.replies.get().is_final is False
    client.post(f"{QUEUE}{message.pk}/spam/", {"reason": ""})
    message.refresh_from_db()
    assert message.status == Status.ACCEPTED  # refused without a reason


def test_viewing_personal_data_is_logged(client, xining_handler, message):
    client.force_login(xining_handler)
    html = client.get(f"{QUEUE}{message.pk}/").content.decode()
    assert "13912345678" not in html and "139****5678" in html
    html = client.get(f"{QUEUE}{message.pk}/?contact=1").content.decode()
    assert "13912345678" in html and "张三" in html
    assert "interaction.personal_data_viewed" in actions_logged(message)


def test_attachments_download_only_for_the_region_as_attachment(
    client, xining_handler, haidong_handler, message
):
    attachment = Attachment(
        message=message, original_name="证据.pdf", content_type="application/pdf", size=10
    )
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=True)
    url = f"{QUEUE}attachment/{attachment.pk}/"
    client.force_login(haidong_handler)
    assert client.get(url).status_code == 404
    client.force_login(xining_handler)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "interaction.attachment_downloaded" in actions_logged(message)
    client.logout()
    assert client.get(url).status_code == 302  # to the admin login


def test_dashboard_panel_counts_overdue_per_handler(client, xining_handler, supervisor):
    import datetime

    from django.utils import timezone

    past = timezone.now() - datetime.timedelta(days=1)
    make_message(assigned_to=xining_handler, first_response_due=past, answer_due=past)
    make_message(region=Region.HAIDONG, first_response_due=past, answer_due=past)
    client.force_login(xining_handler)
    html = client.get("/admin/").content.decode()
    assert "职工留言办理期限" in html
    assert "王宁" in html and "未分派" not in html  # the Haidong case is not in this handler's regions
    client.force_login(supervisor)
    html = client.get("/admin/").content.decode()
    assert "王宁" in html and "未分派" in html
