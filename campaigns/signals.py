"""Deleting sign-ups by hand in the admin is recorded like viewing and exporting them."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import get_active_log_context, log

from .models import CampaignFormPage
from .submissions import SIGNUPS_DELETED


@receiver(post_delete, sender=FormSubmission, dispatch_uid="campaigns_log_signup_deletion")
def log_signup_deletion(sender, instance, **kwargs):
    # Wagtail's admin views run inside a LogContext carrying the user; the retention
    # command has none and writes its own summary entry instead.
    user = get_active_log_context().user
    if user is None:
        return
    form_page = CampaignFormPage.objects.filter(pk=instance.page_id).first()
    if form_page is not None:
        log(instance=form_page, action=SIGNUPS_DELETED, user=user, data={"submission_id": instance.pk})
