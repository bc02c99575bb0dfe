"""Which feeds exist: the site feed and every page of the types in `settings.FEED_PAGE_TYPES`.

The 订阅 page, the OPML file and feed discovery all ask this module, so a new
listing page type (with `FeedMixin` for its routes) appears everywhere once it is
declared there. The site feed lists `settings.SITE_ITEM_PAGE_TYPES` (`core.items`).
Pages may add feeds of their sub-listings (tags, …) by defining
`get_extra_feed_sources(request)` returning [(group title, [FeedSource, …]), …].
"""

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from core.items import site_item_models
from home.models import SiteSettings
from sitecache import cache as site_cache

from .mixins import FeedMixin, FeedSource


def feed_page_models():
    return [apps.get_model(label) for label in settings.FEED_PAGE_TYPES]


def is_feed_item(page):
    """Whether `page` is an entry of some feed: a site item, or a child of a feed page."""
    if isinstance(page, tuple(site_item_models())):
        return True
    parent_path = page.path[: -page.steplen]
    parent = Page.objects.filter(path=parent_path).only("content_type").first() if parent_path else None
    return parent is not None and issubclass(parent.specific_class, tuple(feed_page_models()))


def site_name_for(request):
    site_settings = SiteSettings.for_request(request) if request is not None else None
    return getattr(site_settings, "site_name", "") or settings.WAGTAIL_SITE_NAME


def site_items_queryset(request):
    """Everything the site publishes as items (`settings.SITE_ITEM_PAGE_TYPES`), newest first.

    With a single item type that has a `for_listing()` queryset (news articles), that
    definition is used as it is: ordered by display date and served by its index.
    """
    models = site_item_models()
    if not models:
        return Page.objects.none()
    site = Site.find_for_request(request)
    if len(models) == 1 and hasattr(models[0].objects, "for_listing"):
        queryset = models[0].objects.for_listing()
    else:
        queryset = (
            Page.objects.type(*models)
            .live()
            .public()
            .filter(first_published_at__lte=timezone.now())
            .order_by("-first_published_at", "-pk")
        )
    if site is not None:
        queryset = queryset.filter(path__startswith=site.root_page.path)
    return queryset


def site_feed_source(request=None):
    title = site_name_for(request)
    return FeedSource(f"{title}：全部更新", "/", reverse("feeds:site_rss"), reverse("feeds:site_atom"))


def site_feed_links(request=None):
    return site_feed_source(request).links


def feed_pages(request):
    """Live, public pages with their own feed, in tree order, as specific pages."""
    models = feed_page_models()
    if not models:
        return []
    queryset = Page.objects.type(*models).live().public()
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        queryset = queryset.descendant_of(site.root_page, inclusive=True)
    return list(queryset.order_by("path").specific())


def grouped_feeds(request):
    """[(group title, [FeedSource, …]), …] for the 订阅 page and OPML.

    Pages are grouped by `feed_group` (default: the page type's verbose name).
    """
    by_group = {"全站": [site_feed_source(request)]}
    for page in feed_pages(request):
        group = getattr(page, "feed_group", "") or str(page._meta.verbose_name)
        by_group.setdefault(group, []).append(page.get_feed_source(request))
        if hasattr(page, "get_extra_feed_sources"):
            for extra_group, sources in page.get_extra_feed_sources(request):
                by_group.setdefault(extra_group, []).extend(sources)
    return [(group, sources) for group, sources in by_group.items() if sources]


def nearest_feed_links(page, request):
    """The page's own feed, else its nearest ancestor's, else the site feed."""
    if isinstance(page, FeedMixin):
        return page.get_feed_links(request)
    if isinstance(page, Page) and page.pk and feed_page_models():
        # Every article page asks this of its ancestors: kept until the tree changes.
        return site_cache.remember(
            f"nearest-feed-links:{page.pk}", lambda: _ancestor_feed_links(page, request), keep_in_process=True
        )
    return _ancestor_feed_links(page, request)


def _ancestor_feed_links(page, request):
    models = feed_page_models()
    if isinstance(page, Page) and page.depth and models:
        ancestor = Page.objects.ancestor_of(page).type(*models).live().order_by("-depth").specific().first()
        if ancestor is not None:
            return ancestor.get_feed_links(request)
    return site_feed_links(request)
