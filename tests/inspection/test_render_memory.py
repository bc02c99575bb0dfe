"""The rendering stage's memory bounds: new renditions are generated one at a time across the
run (never three originals decoded and AVIF-encoded at once per process), freed heap memory is
given back to the system, and the worker processes are forked with the run's objects frozen."""

import gc
import threading
import time

import pytest
from django.db import connection
from wagtail.images.models import AbstractImage, Filter

from demo.images import get_or_create_image
from inspection import render as rendering


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


def _rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_freed_heap_memory_is_given_back():
    if rendering._trim is None:
        pytest.skip("no malloc_trim in this C library")
    # 48 MB in blocks below glibc's mmap threshold, each followed by a small block that stays:
    # freeing the big ones leaves holes inside the heap, where free() cannot give memory back.
    blocks, kept = [], []
    for _ in range(768):
        block = bytearray(64 * 1024)
        block[::4096] = b"x" * len(block[::4096])  # touch every page
        blocks.append(block)
        kept.append(bytearray(1000))
    del blocks, block
    gc.collect()
    before = _rss_kb()
    assert rendering.release_free_memory() is True
    after = _rss_kb()
    assert before - after > 24 * 1024, (before, after)
    assert len(kept) == 768


def _report_freeze(ids):
    """Stands in for `_render_in_worker`: what the worker process inherited."""
    return len(ids), [{"frozen": gc.get_freeze_count()}]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="需要 PostgreSQL：工作进程无法打开内存中的 SQLite 数据库"
)
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
