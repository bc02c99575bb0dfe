"""Each server process keeps live copies of the site-cache values nearly every request reads
(`sitecache.cache.ProcessCopies`): never stale after a change, bounded in number and age."""

from unittest import mock

import pytest
from django.core.cache import caches

from home.models import SiteSettings
from sitecache import cache as site_cache
from sitecache.cache import ProcessCopies, process_copies
from tests.factories import ArticleFactory, NewsSectionFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def shared_cache_reads(client, url):
    """The keys a view of `url` asks the shared cache for."""
    backend = type(caches["default"])
    with mock.patch.object(backend, "get", autospec=True, side_effect=backend.get) as get:
        assert client.get(url).status_code == 200
    return [call.args[1] for call in get.call_args_list]


@pytest.mark.site_cache
def test_a_warm_page_takes_its_chrome_from_the_process_not_the_shared_cache(client, site_root):
    section = NewsSectionFactory(parent=site_root, title="工会要闻", show_in_menus=True)
    article = ArticleFactory(parent=section, title="省总工会召开全委会议", tags=["工会"])
    for _ in range(2):
        client.get(article.url)
    reads = shared_cache_reads(client, article.url)
    fragments = [key for key in reads if key.startswith("template.cache.")]
    assert fragments == []
    # The site, its settings and the page's section are kept too; what remains is small and
    # changes between edits (routes, view counts, 热点排行).
    assert len(reads) <= 8, reads


@pytest.mark.site_cache
def test_an_edit_in_another_process_still_shows_at_once(client, site_root):
    """Copies are keyed by the site-cache version in the database, which every process reads."""
    from django.db.models import F

    from sitecache.models import SiteCacheVersion

    settings_row = SiteSettings.for_site(site_root.get_site())
    settings_row.hotline = "0971-1111111"
    settings_row.save()
    StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang")
    for _ in range(2):
        assert "0971-1111111" in client.get("/gaikuang/").content.decode()
    SiteSettings.objects.filter(pk=settings_row.pk).update(hotline="0971-2222222")
    SiteCacheVersion.objects.filter(pk=1).update(number=F("number") + 1)
    html = client.get("/gaikuang/").content.decode()
    assert "0971-2222222" in html and "0971-1111111" not in html


@pytest.mark.site_cache
def test_the_kept_settings_never_hold_a_readers_request(client, site_root):
    StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang")
    for _ in range(2):
        client.get("/gaikuang/")
    kept = [value for value, _expires in process_copies._values.values() if isinstance(value, tuple)]
    settings_copies = [value[0] for value in kept if isinstance(value[0], SiteSettings)]
    assert settings_copies, "the site settings are kept in the process"
    assert all(not hasattr(copy, "_request") for copy in settings_copies)


def test_copies_are_bounded_in_number_least_recently_used_first():
    copies = ProcessCopies(entries=3, seconds=60)
    for key in "abc":
        copies.put(key, key.upper())
    assert copies.get("a") == "A"  # "a" is now the most recently used
    copies.put("d", "D")
    assert copies.get("b") is None
    assert [copies.get(key) for key in "acd"] == ["A", "C", "D"]
    assert len(copies) == 3


def test_copies_lapse_after_their_time():
    copies = ProcessCopies(entries=10, seconds=60)
    with mock.patch("sitecache.cache.time.monotonic", return_value=1000.0):
        copies.put("nav", "<nav>")
    with mock.patch("sitecache.cache.time.monotonic", return_value=1059.0):
        assert copies.get("nav") == "<nav>"
    with mock.patch("sitecache.cache.time.monotonic", return_value=1060.0):
        assert copies.get("nav") is None


def test_nothing_is_kept_when_the_site_cache_is_off(client, site_root, settings):
    settings.SITE_CACHE_ENABLED = False
    StandardPageFactory(parent=site_root, title="工会概况", slug="gaikuang")
    for _ in range(2):
        assert client.get("/gaikuang/").status_code == 200
    assert len(process_copies) == 0
    assert site_cache.remember("anything", lambda: 1, keep_in_process=True) == 1
    assert len(process_copies) == 0
