"""Audit-log entries for many applications at once (a list page, an export): one row each, one query."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from .models import Application


def log_many(applications, action, user, data=None):
    content_type = ContentType.objects.get_for_model(Application)
    now, shared = timezone.now(), uuid.uuid4()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(application.pk),
            label=str(application),
            action=action,
            timestamp=now,
            data=data or {},
            user=user,
            uuid=shared,
        )
        for application in applications
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)
