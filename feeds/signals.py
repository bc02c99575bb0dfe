"""Keep feeds fresh: on publish, unpublish or delete, bump the feed cache
version and purge the CDN copies of every listing and feed the page is in."""

from django.db.models.signals import post_delete
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .cache import bump_version

# Other apps register `@hooks.register(FEED_PURGE_HOOK)` functions (page) -> iterable of URLs
# for listings that show `page` outside its ancestors (tags, campaigns, workers).
FEED_PURGE_HOOK = "union_feed_purge_urls"


def feed_urls_of(url):
    """A listing's own URL and its RSS/Atom feed URLs."""
    if not url:
        return []
    base = url if url.endswith("/") else url + "/"
    return [url, base + "feed/", base + "atom/"]


def urls_to_purge(page):
    """Absolute URLs of the listings and feeds that show `page`."""
    from .mixins import FeedMixin
    from .registry import feed_page_models

    urls = []
    page = page.specific_deferred if type(page) is Page else page
    site_root_url = None
    for ancestor in Page.objects.ancestor_of(page).type(*feed_page_models()).specific():
        urls += feed_urls_of(ancestor.get_full_url())
    if isinstance(page, FeedMixin):
        urls += feed_urls_of(page.get_full_url())
    site = page.get_site()
    if site is not None:
        site_root_url = site.root_url
        urls += [site_root_url + "/", site_root_url + "/feed/", site_root_url + "/atom/"]
    for hook in hooks.get_hooks(FEED_PURGE_HOOK):
        urls += [url for url in hook(page) if url]
    return list(dict.fromkeys(urls))


def refresh_feeds_for(page):
    bump_version()
    purge_urls_from_cache(urls_to_purge(page))


def on_page_published(sender, instance, **kwargs):
    refresh_feeds_for(instance)


def on_page_unpublished(sender, instance, **kwargs):
    refresh_feeds_for(instance)


def on_page_deleted(sender, instance, **kwargs):
    # The tree may already be gone, so only the version is bumped here.
    bump_version()


def connect():
    page_published.connect(on_page_published, dispatch_uid="feeds_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="feeds_page_unpublished")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="feeds_page_deleted")
