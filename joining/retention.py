"""How long the personal data of closed applications is kept (JOINING_RETENTION_DAYS, default 365).

After that the name, mobile, gender, 民族, employer and the officers' comments are emptied; what
remains (status, dates, region, industry, kind of work, organisation) carries no personal data
and keeps the yearly counts right.
"""

from django.db import transaction
from django.utils import timezone

from core.retention import cutoff, setting_days

from .audit import log_many
from .models import Application, ApplicationEvent
from .services import ANONYMISED

DEFAULT_RETENTION_DAYS = 365


def retention_days():
    return setting_days("JOINING_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def expired_applications(days=None, now=None):
    expired_before = cutoff(retention_days() if days is None else days, now)
    return Application.objects.filter(closed_at__lt=expired_before, anonymised_at__isnull=True)


def anonymise_expired(days=None, dry_run=False):
    """Empty the personal fields of expired applications; returns how many."""
    expired = expired_applications(days)
    if dry_run:
        return expired.count()
    with transaction.atomic():
        applications = list(expired.select_for_update().only("pk", "receipt_code"))
        if not applications:
            return 0
        ids = [application.pk for application in applications]
        Application.objects.filter(pk__in=ids).update(
            name="", mobile="", gender="", ethnicity="", employer="", reason="", anonymised_at=timezone.now()
        )
        ApplicationEvent.objects.filter(application_id__in=ids).update(comment="")
        log_many(
            applications, ANONYMISED, None, {"retention_days": retention_days() if days is None else days}
        )
    return len(applications)
