"""The one notification channel: email today, one message per person."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from core import notify


@pytest.mark.django_db
def test_each_recipient_gets_their_own_email_and_inactive_users_none():
    User = get_user_model()
    active = User.objects.create_user("chuli", email="chuli@example.cn", first_name="明", last_name="王")
    gone = User.objects.create_user("likai", email="likai@example.cn", is_active=False)
    recipients = notify.users_recipients([active, gone]) + [
        notify.Recipient(name="职工", mobile="13800000000")
    ]

    sent = notify.send(
        notify.Notification(subject="新的入会申请", body="请在5个工作日内联系申请人。", recipients=recipients)
    )

    assert sent == 1
    assert [message.to for message in mail.outbox] == [["chuli@example.cn"]]
    assert mail.outbox[0].subject == "新的入会申请"
    assert recipients[0].name == "王明"


def test_backends_are_named_in_settings(settings):
    settings.NOTIFICATION_BACKENDS = []
    assert (
        notify.send(notify.Notification(subject="x", body="y", recipients=[notify.Recipient(email="a@b.cn")]))
        == 0
    )
