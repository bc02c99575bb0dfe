"""How long sign-ups are kept (SIGNUP_RETENTION_DAYS, default 365) and their deletion."""

from django.db.models import Count
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log

from core.retention import cutoff, setting_days

from .models import CampaignFormPage
from .submissions import SIGNUPS_PURGED

DEFAULT_RETENTION_DAYS = 365


def retention_days():
    return setting_days("SIGNUP_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def expired_signups(days=None, now=None):
    """Campaign sign-ups submitted more than `days` ago (other form types are not ours)."""
    expired_before = cutoff(retention_days() if days is None else days, now)
    return FormSubmission.objects.filter(
        page__in=CampaignFormPage.objects.values("pk"), submit_time__lt=expired_before
    )


def purge_expired_signups(days=None, dry_run=False):
    """Delete expired sign-ups; returns {form page: count}. Each deletion goes to the audit log."""
    expired = expired_signups(days)
    counts = dict(expired.values_list("page").annotate(count=Count("pk")).values_list("page", "count"))
    if dry_run or not counts:
        return {CampaignFormPage.objects.get(pk=pk): count for pk, count in counts.items()}
    pages = CampaignFormPage.objects.in_bulk(counts.keys())
    expired.delete()
    days = retention_days() if days is None else days
    for pk, count in counts.items():
        log(instance=pages[pk], action=SIGNUPS_PURGED, data={"deleted": count, "retention_days": days})
    return {pages[pk]: count for pk, count in counts.items()}
