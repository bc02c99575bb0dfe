"""The rendering stage: a page answering 5xx is found in the run's own process and through the
worker processes (PostgreSQL only: other processes cannot open an in-memory SQLite database),
batches are recorded once each, and the run leaves the shared cache as readers left it."""

import pytest
from django.core.cache import cache
from django.db import connection

from inspection import run as run_module
from inspection.models import InspectionRun
from inspection.run import inspect_site
from news.models import ArticlePage
from tests.factories import ArticleFactory, NewsSectionFactory


def _failing_article(monkeypatch, title="出错页面"):
    """Articles whose title is `title` raise while rendering (a reader would get 500)."""
    original = ArticlePage.get_context

    def failing(self, request, *args, **kwargs):
        if self.title == title:
            raise RuntimeError("boom")
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ArticlePage, "get_context", failing)


def _shared_keys():
    if hasattr(cache, "keys"):  # django-redis
        return set(cache.keys("*"))
    return set(cache._cache)  # local memory (the test settings without REDIS_URL)


@pytest.mark.django_db
def test_an_interrupted_rendering_stage_resumes_and_records_each_page_once(site_root, monkeypatch):
    section = NewsSectionFactory(parent=site_root)
    for number in range(5):
        ArticleFactory(parent=section, days_ago=1, title=f"文章{number}")
    broken = ArticleFactory(parent=section, days_ago=1, title="出错页面")
    _failing_article(monkeypatch)
    monkeypatch.setattr(run_module, "BATCH", 2)
    original = run_module.rendering.render_batch
    calls = {"n": 0}

    def interrupted(ids, client=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(ids, client)

    monkeypatch.setattr(run_module.rendering, "render_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        inspect_site(external=False)
    first = InspectionRun.objects.get()
    assert (first.state, first.stage, first.summary["rendered"]) == (InspectionRun.RUNNING, "render", 4)
    monkeypatch.setattr(run_module.rendering, "render_batch", original)
    finished = inspect_site(external=False)
    assert finished.pk == first.pk and finished.state == InspectionRun.DONE
    # home + section + 6 articles, each rendered once; the broken one listed once.
    assert finished.summary["rendered"] == 8
    assert finished.summary["render_errors"] == [{"page_id": broken.pk, "title": "出错页面", "status": 500}]
    assert finished.summary["pages"] == 8


@pytest.mark.django_db
def test_rendering_leaves_the_shared_cache_as_readers_left_it(site_root, client):
    section = NewsSectionFactory(parent=site_root)
    articles = [ArticleFactory(parent=section, days_ago=1) for _ in range(3)]
    cache.set("reader-entry", "kept")
    before = _shared_keys()
    run = InspectionRun.objects.create(stage="render")
    run_module.render_stage(run)
    assert run.summary["rendered"] == 5 and run.summary["render_errors"] == []
    assert _shared_keys() == before and cache.get("reader-entry") == "kept"
    # A reader's view of the same article does fill it (so the check above can fail).
    assert client.get(articles[0].url).status_code == 200
    assert _shared_keys() - before


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="需要 PostgreSQL：工作进程无法打开内存中的 SQLite 数据库"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_processes_find_a_page_answering_5xx(site_root, monkeypatch, settings):
    settings.INSPECTION_RENDER_PROCESSES = 3  # this process and two workers
    monkeypatch.setattr(run_module, "BATCH", 2)
    section = NewsSectionFactory(parent=site_root)
    for number in range(9):
        ArticleFactory(parent=section, days_ago=1, title=f"文章{number}")
    broken = [ArticleFactory(parent=section, days_ago=1, title="出错页面") for _ in range(2)]
    _failing_article(monkeypatch)
    assert run_module.rendering.processes() == 3
    run = inspect_site(external=False)
    # home + section + 11 articles, in 7 batches shared by three processes.
    assert run.summary["rendered"] == 13
    assert run.summary["render_errors"] == [
        {"page_id": page.pk, "title": "出错页面", "status": 500} for page in broken
    ]
    render_row = next(r for r in run.summary["scorecard"] if r["key"] == "render")
    assert render_row["colour"] == "red"
