"""Keep feeds fresh: on publish or unpublish, purge the CDN copies of every
listing and feed the page is in. Our own feed cache follows the site cache's
version (`sitecache.cache`), which every page change replaces."""

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .changes import record_publication
from .mixins import FeedMixin
from .registry import feed_page_models, is_feed_item

# `@hooks.register(FEED_PURGE_HOOK)` functions (page, feed_pages) -> iterable of URLs add the
# sub-listings that show `page` (tag pages and their feeds, …).
FEED_PURGE_HOOK = "union_feed_purge_urls"


def feed_urls_of(url):
    """A listing's own URL and its RSS/Atom feed URLs."""
    if not url:
        return []
    base = url if url.endswith("/") else url + "/"
    return [url, base + "feed/", base + "atom/"]


def feed_pages_showing(page, unpublished=False):
    """Live feed pages whose listing contains `page`: its ancestors with a feed always
    (an article dated this very minute is not listed yet), others when their listing
    has it (campaigns); after an unpublish all of them, since it has left every listing."""
    feed_pages = Page.objects.type(*feed_page_models()).live().specific()
    if unpublished:
        return list(feed_pages)
    showing = []
    for feed_page in feed_pages:
        if page.path.startswith(feed_page.path) and page.pk != feed_page.pk:
            showing.append(feed_page)
            continue
        try:
            queryset = feed_page.get_feed_queryset(None)
        except (AttributeError, TypeError, KeyError):
            # A listing that needs a real request: purge it rather than guess.
            showing.append(feed_page)
            continue
        if not hasattr(queryset, "filter") or queryset.filter(pk=page.pk).exists():
            showing.append(feed_page)
    return showing


def urls_to_purge(page, unpublished=False):
    """Absolute URLs of the page, the listings that show it, and their feeds."""
    page = page.specific_deferred if type(page) is Page else page
    urls = [page.get_full_url()] if page.get_full_url() else []
    feed_pages = feed_pages_showing(page, unpublished)
    if isinstance(page, FeedMixin):
        feed_pages.append(page)
    for feed_page in feed_pages:
        urls += feed_urls_of(feed_page.get_full_url())
    site = page.get_site()
    if site is not None:
        urls += [site.root_url + "/", site.root_url + "/feed/", site.root_url + "/atom/"]
    for hook in hooks.get_hooks(FEED_PURGE_HOOK):
        urls += [url for url in hook(page, feed_pages) if url]
    return [url for url in dict.fromkeys(urls) if url]


def on_page_published(sender, instance, **kwargs):
    page = instance.specific_deferred if type(instance) is Page else instance
    if is_feed_item(page):
        record_publication(page)
    purge_urls_from_cache(urls_to_purge(instance))


def on_page_unpublished(sender, instance, **kwargs):
    purge_urls_from_cache(urls_to_purge(instance, unpublished=True))


def connect():
    page_published.connect(on_page_published, dispatch_uid="feeds_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="feeds_page_unpublished")
