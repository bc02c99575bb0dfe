"""On publish: the page's own internal links (no HTTP). On a glossary change: a wording rescan."""

import logging
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from editorial.models import GlossaryEntry

log = logging.getLogger(__name__)


@receiver(page_published)
def check_links_on_publish(sender, instance, **kwargs):
    # `.run` is imported when a signal needs it, not with this module: it brings the renderer's
    # process pool and multiprocessing, which no web worker should carry for a page view.
    from .run import check_page_internal_links

    try:
        check_page_internal_links(instance.specific)
    except Exception:
        log.exception("on-publish link check of page %s failed", instance.pk)


_pending = threading.Lock()


def _glossary_changed(**kwargs):
    mode = getattr(settings, "INSPECTION_RESCAN_ON_GLOSSARY", "thread")
    if mode == "off":
        return
    from .run import rescan_wording

    if mode == "sync":
        transaction.on_commit(rescan_wording)
    else:
        transaction.on_commit(_start_background_rescan)


def _start_background_rescan():
    # One rescan for a burst of saves (an import of many entries): a rescan already waiting to
    # start will see them all.
    if not _pending.acquire(blocking=False):
        return
    threading.Thread(target=_rescan_in_thread, daemon=True).start()


def _rescan_in_thread():
    from .run import rescan_wording

    try:
        time.sleep(getattr(settings, "INSPECTION_RESCAN_DELAY", 5))
    finally:
        _pending.release()
    try:
        rescan_wording()
    except Exception:
        log.exception("wording rescan after a glossary change failed")
    finally:
        connection.close()


@receiver(post_save, sender=GlossaryEntry)
def glossary_saved(sender, **kwargs):
    _glossary_changed()


@receiver(post_delete, sender=GlossaryEntry)
def glossary_deleted(sender, **kwargs):
    _glossary_changed()
