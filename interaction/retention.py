"""How long personal data of finished cases is kept (INTERACTION_RETENTION_DAYS, default 3 years)
and its removal. The case row stays with its category, region, dates, status and rating, so the
statistics and the yearly report still count it."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from core.retention import cutoff, setting_days

from .models import Message, Status

DEFAULT_RETENTION_DAYS = 3 * 365
CLEARED = "（已按保存期限清除）"


def retention_days():
    return setting_days("INTERACTION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def expired_cases(days=None, now=None):
    """Finished cases older than `days`: closed ones by their closing date, spam and invalid
    ones by their submission date. Open or answered cases are never touched."""
    expired_before = cutoff(retention_days() if days is None else days, now)
    return Message.objects.filter(anonymised_at__isnull=True).filter(
        Q(status=Status.CLOSED, closed_at__lt=expired_before)
        | Q(status__in=(Status.SPAM, Status.INVALID), created_at__lt=expired_before)
    )


def anonymise(message, days):
    with transaction.atomic():
        for attachment in message.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        message.replies.update(body=CLEARED)
        message.notes.update(body=CLEARED)
        message.name = ""
        message.mobile = ""
        message.title = CLEARED
        message.description = ""
        message.status_reason = ""
        message.fingerprint = ""
        message.anonymised_at = timezone.now()
        message.save()
        log(instance=message, action="interaction.anonymised", data={"retention_days": days})


def strip_expired(days=None, dry_run=False):
    """Strip personal data from expired cases; returns how many cases it concerned."""
    days = retention_days() if days is None else days
    expired = expired_cases(days)
    if dry_run:
        return expired.count()
    count = 0
    for message in expired.iterator(chunk_size=500):
        anonymise(message, days)
        count += 1
    return count
