"""The rendering stage: every published page opened as a reader would, to find the ones answering 5xx.

Each page is served through the whole stack (middleware, routing, templates) by a handler like
the WSGI server's (`Reader`); only the status code is kept. Two things make this cheaper than a reader's view without
checking less:

- **Local caches.** While rendering, the process uses its own bounded local-memory caches instead
  of the shared one (Redis in production). A daily run opens every page once, so its per-page
  entries (route, fragments, QR code, previous/next…) would never be read again: they would only
  push the readers' entries out of Redis and cost a round trip each. What pages share (menus,
  footer, site settings, 热点排行) is built once per process and reused, and the site version is
  still read from the database on every request, so a publication during the run is seen at once.
- **Several processes.** Pages are rendered in batches by `INSPECTION_RENDER_PROCESSES` processes
  (the run's own process and forked workers; default: one per CPU). A batch is recorded (the run's
  checkpoint and the 5xx pages found) only when it and every batch before it are done, so an
  interrupted run resumes from the last recorded batch and never records a page twice. The run's
  own process renders one batch in N, so only N-1 more processes are started. The workers are
  forked before anything is rendered, while the run's process is still small, and with the
  garbage collector's objects frozen (`gc.freeze()`), so the collector never writes to the pages
  they share with the run's process and those stay shared. With an in-memory SQLite database
  (tests), or inside a transaction whose rows other processes cannot see, every page is rendered
  in the run's own process.

Memory is bounded for the whole run (the target is 300 MB resident for all its processes):

- **One new rendition at a time.** The first run after images were uploaded creates their
  renditions, and Wagtail decodes the original for each (`create_renditions` even decodes it in
  three threads at once, one per size of a `srcset`). While rendering, every rendition file is
  generated under one lock shared by all the run's processes, so at most one original is decoded
  at any moment in the whole run; a run that finds the renditions made never takes the lock.
- **Freed memory given back.** After each batch and each generated rendition the process asks the
  C allocator (glibc's `malloc_trim`) to return the free memory of its heap to the system, so a
  decoded image or a batch's objects do not stay resident for the rest of the run.
"""

import collections
import contextlib
import ctypes
import ctypes.util
import gc
import itertools
import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.signals import request_finished
from django.db import close_old_connections, connection, connections
from django.test import RequestFactory, override_settings
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

log = logging.getLogger(__name__)


class Reader(BaseHandler):
    """A reader's GET through the whole middleware stack, as the WSGI handler serves it.

    Not Django's test client: that connects and disconnects signal receivers around every request
    (its own `store_exc_info`, and `close_old_connections` twice in its handler), and each
    `Signal.connect` to a receiver that stays alive leaves a `weakref.finalize` registered for
    good — three per page, which made a 100,000-page run grow by ~100 MB. An exception in a view
    becomes the 500 a reader gets (`convert_exception_to_response`), as with the test client's
    `raise_request_exception=False`. Use inside `connections_kept()`."""

    def __init__(self, host):
        super().__init__()
        self.load_middleware()
        self.requests = RequestFactory(HTTP_HOST=host)

    def get(self, path):
        response = self.get_response(self.requests.get(path))
        response.close()  # as the WSGI server does once the body is sent: request_finished
        return response


@contextlib.contextmanager
def connections_kept():
    """`request_finished` without closing the database connection after every page (what the
    test client's handler does around each request), switched once for the whole stage."""
    disconnected = request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        if disconnected:
            request_finished.connect(close_old_connections)


def render_client():
    site = Site.objects.filter(is_default_site=True).first()
    host = site.hostname if site else "localhost"
    if site and site.port not in (80, 443):
        host = f"{host}:{site.port}"
    return Reader(host)


def render_status(client, page):
    """The status a reader would get for the page (exceptions count as 500)."""
    url = page.get_url()
    if not url:
        return None
    try:
        return client.get(url).status_code
    except Exception:
        log.exception("rendering %s failed", url)
        return 500


@contextlib.contextmanager
def local_caches():
    """This process's own bounded caches instead of the shared one, for the duration."""
    with override_settings(CACHES=settings.INSPECTION_RENDER_CACHES):
        yield


def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_trim = _malloc_trim()


def release_free_memory():
    """Give the free memory of this process's C heap back to the system; True if it could."""
    if _trim is None:
        return False
    _trim(0)
    return True


@contextlib.contextmanager
def one_rendition_at_a_time(lock):
    """While inside, every rendition file any image generates is generated holding `lock` (one
    shared by the run's processes), and the memory of the decoded original is given back after."""
    original = AbstractImage.generate_rendition_file

    def generate_rendition_file(self, filter, *, source=None):
        with lock:
            try:
                return original(self, filter, source=source)
            finally:
                release_free_memory()

    AbstractImage.generate_rendition_file = generate_rendition_file
    try:
        yield
    finally:
        AbstractImage.generate_rendition_file = original


def render_batch(ids, client=None):
    """Render the pages `ids`; returns (pages rendered, [5xx pages])."""
    client = client or render_client()
    pages = list(Page.objects.filter(pk__in=ids).order_by("pk").specific())
    errors = []
    for page in pages:
        status = render_status(client, page)
        if status is not None and status >= 500:
            errors.append({"page_id": page.pk, "title": page.title, "status": status})
    count = len(pages)
    del pages
    release_free_memory()
    return count, errors


def processes():
    """How many processes render: the setting (default one per CPU), or 1 where others could not
    see the database (in-memory SQLite) or the rows (an open transaction, as in tests)."""
    wanted = getattr(settings, "INSPECTION_RENDER_PROCESSES", None) or os.cpu_count() or 1
    if wanted <= 1 or connection.in_atomic_block:
        return 1
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return wanted


# The worker process's client, made once (see `_start_worker`).
_worker = {}


def _start_worker():
    # Forked inside `local_caches()` after the run's process closed its database connections:
    # the worker has its own local caches and opens its own connection.
    _worker["client"] = render_client()


def _render_in_worker(ids):
    return render_batch(ids, _worker["client"])


def render_pages(batches, record, count=None):
    """Render every batch of page ids from `batches` (in order), calling `record(ids, rendered,
    errors)` for each batch in that order, once it and all before it are done."""
    count = count or processes()
    # Made before the workers are forked, so they all hold the same lock.
    lock = multiprocessing.get_context("fork").Lock() if count > 1 else threading.Lock()
    with local_caches(), one_rendition_at_a_time(lock), connections_kept():
        if count <= 1:
            client = render_client()
            for ids in batches:
                record(ids, *render_batch(ids, client))
            return
        _render_in_processes(batches, record, count)


def _render_in_processes(batches, record, count):
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    # The workers are forked at the first submit: no database connection may be shared with them,
    # and the objects they inherit are frozen, so no collection in any process writes to them.
    connections.close_all()
    gc.collect()
    gc.freeze()
    executor = ProcessPoolExecutor(
        max_workers=count - 1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker
    )
    pending = collections.deque()
    client = None
    try:
        for number, ids in enumerate(itertools.chain([first], batches)):
            if number % count == count - 1:
                # Every Nth batch is this process's own share.
                client = client or render_client()
                pending.append((ids, render_batch(ids, client)))
            else:
                pending.append((ids, executor.submit(_render_in_worker, ids)))
            # Record what is finished, in order; keep at most two batches per process in flight.
            while pending and (len(pending) >= 2 * count or _done(pending[0][1])):
                ids_done, outcome = pending.popleft()
                record(ids_done, *_result(outcome))
        while pending:
            ids_done, outcome = pending.popleft()
            record(ids_done, *_result(outcome))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _done(outcome):
    return not hasattr(outcome, "done") or outcome.done()


def _result(outcome):
    return outcome.result() if hasattr(outcome, "result") else outcome
