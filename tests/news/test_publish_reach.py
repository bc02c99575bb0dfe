"""A publication, an unpublication or a scheduled go-live shows everywhere at once, in every process.

Two server processes are simulated by two separate local-memory caches (each process keeps its
own, as `make serve` does); what they share is the database, the site cache's version row among
it. Process A has every listing warm in its cache; the change is made in process B; process A's
very next requests (the same second) must show it: section, news index, tag page, year and
month archives, the section's, tag's and site feeds, the sitemap and 热点排行.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowPage

from news.models import ArticleDailyViews
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _caches_for(name):
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"{name}"},
        "template_fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{name}-fragments",
        },
    }


@pytest.fixture
def process(settings):
    """`with process("a"):` runs the block with process A's own caches."""

    @contextmanager
    def run_as(name):
        previous = settings.CACHES
        settings.CACHES = _caches_for(name)
        try:
            yield
        finally:
            settings.CACHES = previous

    yield run_as
    for name in ("a", "b"):
        for location in (name, f"{name}-fragments"):
            for store in (locmem._caches, locmem._expire_info):
                store.get(location, {}).clear()


@pytest.fixture
def listings(site_root, news_index, section):
    """The addresses that list articles, with an older article tagged 工会 warming them."""
    older = ArticleFactory(parent=section, title="较早的一篇报道", days_ago=3, tags=["工会"])
    ArticleDailyViews.objects.create(article=older, date=timezone.localdate(), views=5)
    now = timezone.localtime()
    tag_slug = older.tags.get().slug
    index = news_index.url
    return older, [
        section.url,
        f"{section.url}feed/",
        f"{section.url}atom/",
        index,
        f"{index}tags/{tag_slug}/",
        f"{index}tags/{tag_slug}/feed/",
        f"{index}{now:%Y}/",
        f"{index}{now:%Y}/{now.month}/",
        "/feed/",
        "/atom/",
        "/sitemap.xml",
        older.url,  # its 热点排行
    ]


def _texts(client, urls):
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = b"".join(response.streaming_content if response.streaming else [response.content])
    return {url: body.decode() for url, body in texts.items()}


def _mentions(body, article):
    # The sitemap lists addresses, everything else shows titles.
    return article.title in body or f"{article.url_path.rstrip('/').rsplit('/', 1)[-1]}/" in body


def _missing(client, urls, article):
    return [url for url, body in _texts(client, urls).items() if not _mentions(body, article)]


def _showing(client, urls, article):
    return [url for url, body in _texts(client, urls).items() if _mentions(body, article)]


def test_publish_and_unpublish_reach_every_listing_of_another_process_at_once(
    client, process, listings, section
):
    older, urls = listings
    with process("a"):
        _texts(client, urls)  # warm
    with process("b"):
        fresh = ArticleFactory(parent=section, title="终审通过的新稿件", via_revision=True, tags=["工会"])
        assert fresh.display_date <= timezone.now()
        ArticleDailyViews.objects.create(article=fresh, date=timezone.localdate(), views=50)
    with process("a"):
        assert _missing(client, urls, fresh) == []
    with process("b"):
        fresh.unpublish()
    with process("a"):
        assert _showing(client, urls, fresh) == []
        # The older article is still everywhere: nothing else was lost.
        assert _missing(client, urls[:-1], older) == []


def test_scheduled_go_live_reaches_every_listing_at_once(client, process, listings, section):
    older, urls = listings
    # What is measured here is the caches, not 三审: with no workflow on the tree, the scheduler
    # publishes the due revision as Wagtail does (the refusal of unreviewed revisions under 三审 is
    # tests/security/test_workflow_side_doors.py; an approved one, tests/editorial/test_workflow.py).
    WorkflowPage.objects.all().delete()
    draft = ArticleFactory(parent=section, title="定时上线的通知", live=False, tags=["工会"])
    revision = draft.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
    revision.save()
    with process("a"):
        assert _showing(client, urls, draft) == []
    with process("b"):  # the scheduler's own process
        call_command("publish_scheduled")
        ArticleDailyViews.objects.create(article=draft, date=timezone.localdate(), views=50)
    with process("a"):
        assert _missing(client, urls, draft) == []


@pytest.mark.site_cache
def test_listings_stay_cached_when_nothing_changed(client, process, listings):
    older, urls = listings
    with process("a"):
        with CaptureQueriesContext(connection) as cold:
            _texts(client, urls)
        with CaptureQueriesContext(connection) as warm:
            _texts(client, urls)
    assert len(warm) < len(cold) / 2


def test_browsers_revalidate_listings_and_feeds(client, listings):
    older, urls = listings
    for url in urls[:-3]:  # the section, index, tag, archive pages and their feeds
        cache_control = client.get(url)["Cache-Control"]
        assert "max-age=0" in cache_control, (url, cache_control)
        assert "s-maxage" in cache_control
