"""A lock shared by every process using the database: a row with a unique name."""

import contextlib
import datetime
import os
import socket

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import InspectionLock


class Locked(Exception):
    pass


def acquire(name="inspect_site"):
    stale = timezone.now() - datetime.timedelta(hours=settings.INSPECTION_LOCK_HOURS)
    # A holder that died long ago (killed, machine restarted) leaves its row: take it over.
    InspectionLock.objects.filter(name=name, acquired_at__lt=stale).delete()
    try:
        with transaction.atomic():
            InspectionLock.objects.create(name=name, holder=f"{socket.gethostname()}:{os.getpid()}")
    except IntegrityError:
        raise Locked(name) from None


def release(name="inspect_site"):
    InspectionLock.objects.filter(name=name).delete()


@contextlib.contextmanager
def held(name="inspect_site"):
    acquire(name)
    try:
        yield
    finally:
        release(name)
