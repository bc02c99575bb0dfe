"""Retention strips personal data and keeps statistics; reminders go through core.notify."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from interaction import cases, stats
from interaction.models import Attachment, Message, Region, Status
from tests.factories.interaction import make_message

pytestmark = pytest.mark.django_db


def closed_case(handler, days_ago, **fields):
    message = make_message(**fields)
    cases.reply(handler, message, f"答复：请联系{message.name}，电话{message.mobile}。")
    cases.add_note(handler, message, "内部备注")
    cases.transition(handler, message, "close")
    Message.objects.filter(pk=message.pk).update(closed_at=timezone.now() - datetime.timedelta(days=days_ago))
    message.refresh_from_db()
    return message


def test_retention_strips_personal_data_of_old_closed_cases(xining_handler, capsys):
    old = closed_case(xining_handler, 4 * 365, name="李四", mobile="13700000001")
    attachment = Attachment(message=old, original_name="a.pdf", content_type="application/pdf", size=5)
    attachment.file.save("a.pdf", ContentFile(b"%PDF-"), save=True)
    path = attachment.file.path
    recent = closed_case(xining_handler, 30, name="王五", mobile="13700000002")
    still_open = make_message(created_at=timezone.now() - datetime.timedelta(days=4 * 365))
    year = timezone.localtime(old.created_at).year
    before = stats.report(year)["total"]

    call_command("interaction_retention")
    assert "已清除 1 件" in capsys.readouterr().out

    old.refresh_from_db()
    assert (old.name, old.mobile, old.description) == ("", "", "")
    assert old.anonymised_at is not None
    assert "13700000001" not in old.replies.get().body and "李四" not in old.notes.get().body
    assert not old.attachments.exists()
    import os

    assert not os.path.exists(path)
    # Anonymous facts remain.
    assert old.category and old.region and old.answered_at and old.status == Status.CLOSED
    assert stats.report(year)["total"] == before
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.mobile == "13700000002" and still_open.name == "张三"
    assert ModelLogEntry.objects.for_instance(old).filter(action="interaction.anonymised").exists()
    # An anonymised case cannot be looked up any more.
    assert not old.mobile


def test_retention_days_and_dry_run(xining_handler, capsys):
    message = closed_case(xining_handler, 40)
    call_command("interaction_retention", "--days", "30", "--dry-run")
    assert "将清除 1 件" in capsys.readouterr().out
    message.refresh_from_db()
    assert message.name == "张三"


@pytest.mark.parametrize("days", ["0", "-5", "abc", "1e3", "３０"])
def test_bad_days_is_a_clear_chinese_error(days):
    with pytest.raises(CommandError, match="--days 必须是 1 到 36500 之间的整数天数"):
        call_command("interaction_retention", "--days", days)


def test_reminders_go_to_the_assignee_or_the_regions_handlers(xining_handler, haidong_handler, supervisor):
    past = timezone.now() - datetime.timedelta(days=1)
    soon = timezone.now() + datetime.timedelta(days=1)
    assigned = make_message(assigned_to=xining_handler, first_response_due=past, answer_due=soon)
    unassigned = make_message(region=Region.HAIDONG, first_response_due=soon, answer_due=soon)
    make_message(
        first_response_due=timezone.now() + datetime.timedelta(days=9),
        answer_due=soon + datetime.timedelta(days=20),
    )
    call_command("interaction_reminders")
    by_address = {message.to[0]: message for message in mail.outbox}
    assert assigned.code in by_address["xining@example.cn"].body
    assert unassigned.code in by_address["haidong@example.cn"].body
    assert unassigned.code not in by_address["xining@example.cn"].body
    # Supervisors hear of every overdue case.
    assert assigned.code in by_address["dudban@example.cn"].body
    assert "13912345678" not in "".join(m.body for m in mail.outbox)


def test_reminders_fill_deadlines_once_the_calendar_knows_the_year(capsys):
    message = make_message()
    Message.objects.filter(pk=message.pk).update(first_response_due=None, answer_due=None)
    call_command("interaction_reminders")
    message.refresh_from_db()
    assert message.first_response_due is not None
    assert "已为 1 件留言补算办理期限" in capsys.readouterr().out
