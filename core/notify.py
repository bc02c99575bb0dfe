"""The one notification channel: every queue (sign-ups, join applications, messages,
inspection alerts) tells people through `send()`.

Backends are named in `settings.NOTIFICATION_BACKENDS`; email is the one today
(Django's email settings decide how it goes out: console in development, SMTP in
production). An SMS gateway is another backend class with the same `send()`:
recipients carry a mobile number for it, which the email backend ignores.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Recipient:
    name: str = ""
    email: str = ""
    mobile: str = ""

    @classmethod
    def for_user(cls, user):
        name = f"{user.last_name}{user.first_name}".strip() or user.get_username()
        return cls(name=name, email=user.email or "")


@dataclass
class Notification:
    subject: str
    body: str
    recipients: list = field(default_factory=list)
    # Kept short for SMS gateways; falls back to the subject.
    short_text: str = ""


class EmailBackend:
    def send(self, notification):
        addresses = sorted({recipient.email for recipient in notification.recipients if recipient.email})
        if not addresses:
            return 0
        # One message per person: recipients never see each other's addresses.
        sent = 0
        for address in addresses:
            sent += send_mail(
                notification.subject,
                notification.body,
                settings.DEFAULT_FROM_EMAIL,
                [address],
                fail_silently=False,
            )
        return sent


def backends():
    return [import_string(path)() for path in settings.NOTIFICATION_BACKENDS]


def send(notification):
    """Deliver through every configured backend; returns how many messages went out."""
    return sum(backend.send(notification) for backend in backends())


def users_recipients(users):
    return [Recipient.for_user(user) for user in users if user.is_active]
