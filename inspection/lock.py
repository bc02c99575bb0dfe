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
    # A holder on this machine whose process is gone (killed, or a command that exited while its
    # background rescan ran) leaves its row too: take it over at once.
    for row in InspectionLock.objects.filter(name=name):
        host, _, pid = row.holder.rpartition(":")
        if host == socket.gethostname() and pid.isdigit() and not _alive(int(pid)):
            InspectionLock.objects.filter(pk=row.pk).delete()
    try:
        with transaction.atomic():
            InspectionLock.objects.create(name=name, holder=f"{socket.gethostname()}:{os.getpid()}")
    except IntegrityError:
        raise Locked(name) from None


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def release(name="inspect_site"):
    InspectionLock.objects.filter(name=name).delete()


@contextlib.contextmanager
def held(name="inspect_site"):
    acquire(name)
    try:
        yield
    finally:
        release(name)
