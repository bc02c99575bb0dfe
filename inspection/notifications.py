"""Messages to the 站点管理员, through the one channel (core.notify)."""

from django.contrib.auth import get_user_model

from core import notify
from editorial.roles import SITE_ADMIN


def site_admins():
    return get_user_model().objects.filter(groups__name=SITE_ADMIN, is_active=True).distinct()


def send_to_site_admins(subject, body):
    recipients = notify.users_recipients(site_admins())
    if not recipients:
        return 0
    return notify.send(notify.Notification(subject=subject, body=body, recipients=recipients))
