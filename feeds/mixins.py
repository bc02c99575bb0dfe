"""`FeedMixin`: an RSS (`feed/`) and an Atom (`atom/`) route on any listing page.

Usage on an index page that implements `get_listing_queryset(request)`:

    class NewsSectionPage(FeedMixin, ListingMixin, BasePage, Page): ...

Sub-listings (tag pages, archives) render their own feed with the same
machinery, from a route on the same page:

    @path("tags/<str:tag>/feed/")
    def tag_feed(self, request, tag):
        return self.serve_feed(request, "rss", queryset=self.get_listing_queryset(request, tag=tag),
                               title=f"标签：{tag}", link=self.url + self.reverse_subpage("tag", args=[tag]))

or, outside a page, `render_feed(request, queryset, title=..., link=..., flavour="atom")`.
"""

from dataclasses import dataclass

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import SiteSettings

from .rendering import render_feed

__all__ = ["FeedLink", "FeedMixin", "FeedSource", "render_feed"]

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"


@dataclass
class FeedLink:
    """One feed as discovery links, the 订阅 page and OPML show it."""

    title: str
    url: str
    content_type: str = RSS_TYPE
    html_url: str = ""

    @property
    def flavour(self):
        return "Atom" if self.content_type == ATOM_TYPE else "RSS"


@dataclass
class FeedSource:
    """A listing with its RSS and Atom feed, one row on the 订阅 page and one OPML outline."""

    title: str
    html_url: str
    rss_url: str
    atom_url: str

    @property
    def links(self):
        return [
            FeedLink(self.title, self.rss_url, RSS_TYPE, self.html_url),
            FeedLink(self.title + "（Atom）", self.atom_url, ATOM_TYPE, self.html_url),
        ]


class FeedMixin(RoutablePageMixin):
    """Adds `feed/` (RSS 2.0) and `atom/` (Atom 1.0) routes built from the page's listing."""

    feed_routes = ("feed/", "atom/")

    def get_feed_queryset(self, request):
        return self.get_listing_queryset(request)

    def get_feed_title(self, request=None):
        site_settings = SiteSettings.for_request(request) if request is not None else None
        site_name = getattr(site_settings, "site_name", "") or "青海工会网"
        return f"{self.title} - {site_name}"

    def get_feed_description(self):
        return self.search_description or f"{self.title}栏目的最新内容"

    def serve_feed(self, request, flavour, queryset=None, title=None, link=None, description=None):
        """The feed response; what is not given defaults to this page's listing, and is
        only worked out when the feed has to be built (not on a cache hit)."""
        return render_feed(
            request,
            (lambda: self.get_feed_queryset(request)) if queryset is None else queryset,
            title=title or (lambda: self.get_feed_title(request)),
            link=link or (lambda: self.get_url(request)),
            description=description or self.get_feed_description,
            flavour=flavour,
        )

    @path("feed/", name="feed_rss")
    def feed_rss(self, request):
        return self.serve_feed(request, "rss")

    @path("atom/", name="feed_atom")
    def feed_atom(self, request):
        return self.serve_feed(request, "atom")

    def get_feed_source(self, request=None):
        base = self.get_url(request) or self.url
        return FeedSource(
            self.get_feed_title(request),
            base,
            base + self.reverse_subpage("feed_rss"),
            base + self.reverse_subpage("feed_atom"),
        )

    def get_feed_links(self, request=None):
        """RSS and Atom links of this page's own feed, for discovery."""
        return self.get_feed_source(request).links

    def get_cached_paths(self):
        # frontend_cache purges these with the page itself on publish.
        return super().get_cached_paths() + [route for route in self.feed_routes]
