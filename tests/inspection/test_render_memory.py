"""The rendering stage's memory bounds: new renditions are made only while no worker process is
alive, and one at a time (never three originals decoded and AVIF-encoded at once), freed heap
memory is given back to the system, and the worker processes are forked with the run's objects
frozen."""

import ast
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import threading
import time
import weakref

import pytest
from django.db import connection
from wagtail.images.models import AbstractImage, Filter

from demo.images import get_or_create_image
from inspection import render as rendering
from tests.factories import ArticleFactory, NewsSectionFactory

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="需要 PostgreSQL：工作进程无法打开内存中的 SQLite 数据库"
)

# mallopt parameters (malloc.h).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3


class CountingLock:
    """A lock that counts how often it was taken."""

    def __init__(self):
        self.lock, self.taken = threading.Lock(), 0

    def __enter__(self):
        self.lock.acquire()
        self.taken += 1
        return self

    def __exit__(self, *exc):
        self.lock.release()


@pytest.fixture
def overlap(monkeypatch):
    """How many rendition files were being generated at once, at most."""
    state = {"now": 0, "most": 0}
    original = Filter.run
    guard = threading.Lock()

    def slow_run(self, *args, **kwargs):
        with guard:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        try:
            time.sleep(0.05)
            return original(self, *args, **kwargs)
        finally:
            with guard:
                state["now"] -= 1

    monkeypatch.setattr(Filter, "run", slow_run)
    return state


@pytest.mark.django_db
def test_new_renditions_are_generated_one_at_a_time_while_rendering(overlap):
    image = get_or_create_image("巡查图片", size=(320, 180))
    lock, wagtails = CountingLock(), AbstractImage.generate_rendition_file
    with rendering.one_rendition_at_a_time(lock):
        made = image.get_renditions("width-100|format-webp", "width-120|format-png", "width-140|format-jpeg")
    assert len(made) == 3
    assert lock.taken == 3 and overlap["most"] == 1
    # Outside the rendering stage Wagtail's own behaviour is back: several sizes at once, no lock.
    assert AbstractImage.generate_rendition_file is wagtails
    other = get_or_create_image("另一张图片", size=(320, 180))
    overlap["most"] = 0
    other.get_renditions("width-100|format-webp", "width-120|format-png", "width-140|format-jpeg")
    assert lock.taken == 3 and overlap["most"] > 1


@pytest.mark.django_db
def test_an_existing_rendition_never_takes_the_lock():
    image = get_or_create_image("巡查图片", size=(320, 180))
    image.get_rendition("width-100")
    lock = CountingLock()
    with rendering.one_rendition_at_a_time(lock):
        image.get_rendition("width-100")
    assert lock.taken == 0


@pytest.mark.django_db
def test_a_page_needing_a_new_rendition_is_put_back_while_renditions_are_put_off(site_root, caplog):
    image = get_or_create_image("巡查图片", size=(320, 180))
    article = ArticleFactory(parent=NewsSectionFactory(parent=site_root), days_ago=1, lead_image=image)
    other = ArticleFactory(parent=article.get_parent(), days_ago=1)
    with rendering.local_caches(), rendering.connections_kept():
        with rendering.renditions_put_off():
            # Put back, not a 500 (nor an error in the log), and nothing made.
            assert rendering.render_batch([article.pk, other.pk]) == (1, [], [article.pk])
        assert not image.renditions.exists()
        assert not [record for record in caplog.records if record.levelname == "ERROR"]
        assert rendering.render_batch([article.pk]) == (1, [], [])
    assert image.renditions.exists()


def _made_by_whom(path):
    """Wrap Wagtail's rendition file making: each one made appends the process id and how many
    child processes that process had alive to `path` (works in forked workers too)."""
    original = AbstractImage.generate_rendition_file

    def generate_rendition_file(self, filter, *, source=None):
        with open(path, "a") as log:
            log.write(f"{os.getpid()} {len(multiprocessing.active_children())}\n")
        return original(self, filter, source=source)

    return generate_rendition_file


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_new_renditions_are_made_only_while_no_worker_is_alive(site_root, monkeypatch, tmp_path):
    # An AVIF encode costs ~80 MB for a moment: beside two rendering processes it went over the
    # run's 300 MB. So the workers stop while renditions are made, and start again after.
    section = NewsSectionFactory(parent=site_root)
    images = [get_or_create_image(f"巡查图片{n}", size=(320, 180)) for n in range(2)]
    articles = [ArticleFactory(parent=section, days_ago=1, lead_image=images[n % 2]) for n in range(6)]
    plain = [ArticleFactory(parent=section, days_ago=1) for _ in range(6)]
    batches = [[page.pk] for page in [*plain[:3], *articles, *plain[3:]]]
    made = tmp_path / "made"
    monkeypatch.setattr(AbstractImage, "generate_rendition_file", _made_by_whom(made))
    recorded = []
    rendering.render_pages(batches, lambda ids, n, errors: recorded.append((ids, n, errors)), count=2)
    # Every batch recorded once, in order, every page rendered, none failed.
    assert recorded == [(ids, 1, []) for ids in batches]
    makers = [line.split() for line in made.read_text().splitlines()]
    assert len(makers) >= 2 * 9  # two images, 3 sizes × 3 formats of the article's picture at least
    assert all(pid == str(os.getpid()) and children == "0" for pid, children in makers), makers
    assert all(image.renditions.count() == len(makers) // 2 for image in images)


def _rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def _free_then_release():
    """In this (forked) process: 48 MB freed but kept by the C heap, then given back; the RSS
    before and after `release_free_memory()`."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    # Blocks of 64 KB on the heap (not mmapped), and free() trimming nothing — the state glibc puts
    # itself in once a freed large buffer (a decoded image) has raised its thresholds, up to 64 MB.
    libc.mallopt(M_MMAP_THRESHOLD, 1 << 20)
    libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)
    blocks = [bytearray(64 * 1024) for _ in range(768)]  # zero-filled, so resident
    del blocks
    gc.collect()
    before = _rss_kb()
    released = rendering.release_free_memory()
    return released, before, _rss_kb()


def test_freed_heap_memory_is_given_back():
    if rendering._trim is None:
        pytest.skip("no malloc_trim in this C library")
    # In a child process, so the malloc settings the test needs never reach the other tests.
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.write(write, repr(_free_then_release()).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        released, before, after = ast.literal_eval(pipe.read())
    os.waitpid(pid, 0)
    assert released is True
    assert before - after > 40 * 1024, (before, after)


def _report_freeze(ids):
    """Stands in for `_render_in_worker`: what the worker process inherited."""
    return len(ids), [{"frozen": gc.get_freeze_count()}], []


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_are_forked_with_the_runs_objects_frozen(site_root, monkeypatch):
    monkeypatch.setattr(rendering, "_render_in_worker", _report_freeze)
    recorded = []
    assert gc.get_freeze_count() == 0
    with rendering.local_caches():
        # No such pages: the batches this process renders itself find nothing.
        rendering._render_in_processes(
            [[10**9 + n] for n in range(4)], lambda ids, n, errors: recorded.append(errors), 2
        )
    from_workers = [errors[0]["frozen"] for errors in recorded if errors]
    assert len(from_workers) == 2
    # Everything the run's process held when they were forked, so well over a few objects.
    assert all(frozen > 10_000 for frozen in from_workers)
    # The run's own process collects its objects again afterwards.
    assert gc.get_freeze_count() == 0


@pytest.mark.django_db
def test_rendering_page_after_page_keeps_nothing_per_page(site_root):
    # Django's test client left three weakref.finalize entries behind per request (one per
    # Signal.connect of a receiver that stays alive): ~100 MB over a 100,000-page run.
    section = NewsSectionFactory(parent=site_root)
    articles = [ArticleFactory(parent=section, days_ago=1) for _ in range(4)]
    with rendering.local_caches(), rendering.connections_kept():
        reader = rendering.render_client()
        assert [rendering.render_status(reader, article) for article in articles] == [200] * 4
        gc.collect()
        before = len(weakref.finalize._registry)
        for _ in range(10):
            for article in articles:
                rendering.render_status(reader, article)
        gc.collect()
        assert len(weakref.finalize._registry) - before <= 2
