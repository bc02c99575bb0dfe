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

- **New renditions are made by the run's process alone.** The first run after images were
  uploaded creates their renditions, and encoding one AVIF file of 1,200 px costs about 80 MB for
  a moment, whatever the encoder's threads — more than is left beside two rendering processes.
  So while worker processes are alive no process makes a rendition file: a page that needs one is
  put back (`RenditionWanted`), the workers finish their batches and exit, and the run's process
  renders the pages put back alone, making their renditions one at a time, and the batches after
  them until one needs no new rendition; then workers are forked again. A run that finds the
  renditions made never stops its workers. Alone, renditions are still made one at a time
  (Wagtail's `create_renditions` would otherwise encode the three sizes of a `{% picture %}` in
  three threads at once).
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


class RenditionWanted(BaseException):
    """Raised instead of making a rendition file while worker processes are alive: the page is put
    back and rendered once they are gone. A BaseException, as KeyboardInterrupt, so that Django's
    handler lets it through instead of answering 500 and logging an error: the page is not wrong."""


# Rendition files made by this process while rendering (see `one_rendition_at_a_time`).
renditions_made = collections.Counter()


@contextlib.contextmanager
def one_rendition_at_a_time(lock):
    """While inside, every rendition file any image generates is generated holding `lock`, and
    the memory of the decoded original is given back after."""
    original = AbstractImage.generate_rendition_file

    def generate_rendition_file(self, filter, *, source=None):
        with lock:
            try:
                return original(self, filter, source=source)
            finally:
                renditions_made["files"] += 1
                release_free_memory()

    AbstractImage.generate_rendition_file = generate_rendition_file
    try:
        yield
    finally:
        AbstractImage.generate_rendition_file = original


@contextlib.contextmanager
def renditions_put_off():
    """While inside (and in the processes forked inside), no rendition file is made: the page
    that needs one raises `RenditionWanted`."""
    original = AbstractImage.generate_rendition_file

    def generate_rendition_file(self, filter, *, source=None):
        raise RenditionWanted(self.pk, filter.spec)

    AbstractImage.generate_rendition_file = generate_rendition_file
    try:
        yield
    finally:
        AbstractImage.generate_rendition_file = original


def render_batch(ids, client=None):
    """Render the pages `ids`; returns (pages rendered, [5xx pages], [ids of the pages put back
    because they need a new rendition while renditions are put off])."""
    client = client or render_client()
    pages = list(Page.objects.filter(pk__in=ids).order_by("pk").specific())
    errors, put_back = [], []
    for page in pages:
        try:
            status = render_status(client, page)
        except RenditionWanted:
            put_back.append(page.pk)
            continue
        if status is not None and status >= 500:
            errors.append({"page_id": page.pk, "title": page.title, "status": status})
    count = len(pages) - len(put_back)
    del pages
    release_free_memory()
    return count, errors, put_back


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
    with local_caches(), one_rendition_at_a_time(threading.Lock()), connections_kept():
        if count <= 1:
            client = render_client()
            for ids in batches:
                record(ids, *render_batch(ids, client)[:2])
            return
        _render_in_processes(batches, record, count)


def _render_in_processes(batches, record, count):
    batches, own = iter(batches), {}
    while True:
        left = _render_together(batches, record, count, own)
        if not left:
            return
        # The workers are gone: the pages put back are rendered by this process alone, their
        # renditions made one at a time, then the next batches until one needs no new rendition.
        log.info("pages needing new renditions: rendering alone from page %s", left[0][0][0])
        client = _own_client(own)
        for ids, (rendered, errors, put_back) in left:
            more, found, _ = render_batch(put_back, client) if put_back else (0, [], [])
            record(ids, rendered + more, errors + found)
        for ids in batches:
            before = renditions_made["files"]
            record(ids, *render_batch(ids, client)[:2])
            if renditions_made["files"] == before:
                break
        else:
            return


def _render_together(batches, record, count, own):
    """Render batches in this process and `count - 1` forked workers, recording them in order,
    until `batches` ends (returns None) or a batch had pages put back: then the workers are
    stopped and the batches not recorded yet are returned in order, with their results."""
    first = next(batches, None)
    if first is None:
        return None
    # The workers are forked at the first submit: no database connection may be shared with them,
    # and the objects they inherit are frozen, so no collection in any process writes to them.
    connections.close_all()
    gc.collect()
    gc.freeze()
    executor = ProcessPoolExecutor(
        max_workers=count - 1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker
    )
    pending = collections.deque()
    try:
        with renditions_put_off():
            for number, ids in enumerate(itertools.chain([first], batches)):
                if number % count == count - 1:
                    # Every Nth batch is this process's own share.
                    client = _own_client(own)
                    pending.append((ids, render_batch(ids, client)))
                else:
                    pending.append((ids, executor.submit(_render_in_worker, ids)))
                # Record what is finished, in order; keep at most two batches per process in flight.
                while pending and (len(pending) >= 2 * count or _done(pending[0][1])):
                    if _recorded_or_put_back(pending, record):
                        return [(ids, _result(outcome)) for ids, outcome in pending]
            while pending:
                if _recorded_or_put_back(pending, record):
                    return [(ids, _result(outcome)) for ids, outcome in pending]
            return None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


def _recorded_or_put_back(pending, record):
    """Record the first pending batch, unless pages of it were put back (then True)."""
    ids, outcome = pending[0]
    rendered, errors, put_back = _result(outcome)
    if put_back:
        return True
    pending.popleft()
    record(ids, rendered, errors)
    return False


def _own_client(own):
    """The run's process's client, made once for the stage."""
    if "client" not in own:
        own["client"] = render_client()
    return own["client"]


def _done(outcome):
    return not hasattr(outcome, "done") or outcome.done()


def _result(outcome):
    return outcome.result() if hasattr(outcome, "result") else outcome
