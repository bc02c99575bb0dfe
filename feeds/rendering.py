"""Render a feed for any queryset of pages: the one feed implementation.

`render_feed()` serves section feeds (through `FeedMixin`), tag and archive
sub-listings, campaign news, the model-worker profiles and the site feed.
It limits the items (`?limit=`), keeps only live, public items whose time has
come, caches the document per publish version and answers conditional GETs.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.query import PageQuerySet

from home.models import SiteSettings

from .cache import get_cached_feed, last_change, set_cached_feed
from .changes import changed_at_for
from .generators import FEED_FLAVOURS
from .items import build_entries, tag_authority

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
FEED_LANGUAGE = "zh-cn"
# Browsers revalidate every time (ETag / Last-Modified make that a 304): a feed reader
# must see a publication at once. The CDN keeps it for PAGE_CACHE_SECONDS and is purged
# on publication (feeds/signals.py).
BROWSER_CACHE_SECONDS = 0


def parse_limit(raw):
    """`?limit=`: 20 by default; numbers are clamped to 1..100; anything else means 20."""
    if raw is None:
        return DEFAULT_LIMIT
    raw = str(raw).strip()
    sign = -1 if raw.startswith("-") else 1
    digits = raw.lstrip("+-")
    if not (digits.isascii() and digits.isdigit()):
        return DEFAULT_LIMIT
    if len(digits) > 6:
        return MAX_LIMIT if sign > 0 else 1
    return min(max(sign * int(digits), 1), MAX_LIMIT)


@dataclass
class RenderedFeed:
    body: bytes
    content_type: str
    etag: str
    last_modified: int


def visible_items(queryset, limit):
    """The first `limit` live, public items whose publish time has come, as specific pages."""
    now = timezone.now()
    if isinstance(queryset, PageQuerySet):
        # Listings defer the body; the feed needs it, so load it with the rows.
        queryset = queryset.defer(None).live().public()
        if any(f.name == "display_date" for f in queryset.model._meta.get_fields()):
            queryset = queryset.filter(display_date__lte=now)
        else:
            queryset = queryset.filter(first_published_at__lte=now)
        if queryset.model._meta.model_name == "page":
            queryset = queryset.specific()
    return list(queryset[:limit])


def _logo_url(request, site_settings):
    logo = getattr(site_settings, "logo", None)
    # Feed readers (and the RSS profile) only take GIF, JPEG or PNG channel images.
    if logo is not None and logo.file.name.lower().endswith((".png", ".jpg", ".jpeg", ".gif")):
        return request.build_absolute_uri(logo.file.url)
    return request.build_absolute_uri(static("feeds/logo.png"))


def canonical_self_url(request, limit):
    """The feed's own address; `?limit=` is kept only when asked for, other parameters dropped."""
    url = request.build_absolute_uri(request.path)
    if "limit" in request.GET:
        url += f"?limit={limit}"
    return url


def build_feed(request, queryset, *, title, link, description, flavour, limit):
    site_settings = SiteSettings.for_request(request)
    site_name = site_settings.site_name or settings.WAGTAIL_SITE_NAME
    pages = visible_items(queryset, limit)
    entries = build_entries(
        request, pages, default_author=site_name, changed_at=changed_at_for(page.pk for page in pages)
    )
    feed_class = FEED_FLAVOURS[flavour]
    link = request.build_absolute_uri(link)
    self_url = canonical_self_url(request, limit)
    feed = feed_class(
        title=title,
        link=link,
        description=description or title,
        language=FEED_LANGUAGE,
        feed_url=self_url,
        feed_guid=link,
        author_name=site_name,
        feed_copyright=site_settings.copyright_note or f"© {site_name}",
        logo_url=_logo_url(request, site_settings),
    )
    for entry in entries:
        feed.add_item(
            title=entry.title,
            link=entry.link,
            description=entry.summary,
            author_name=entry.author,
            pubdate=entry.published,
            updateddate=entry.updated,
            unique_id=entry.guid,
            unique_id_is_permalink=False,
            categories=entry.categories,
            enclosures=[entry.enclosure] if entry.enclosure else None,
            content_html=entry.content_html,
            source_name=entry.source_name,
        )
    body = feed.writeString("utf-8").encode("utf-8")
    newest_item = max((entry.updated.timestamp() for entry in entries), default=0)
    return RenderedFeed(
        body=body,
        content_type=feed_class.content_type,
        etag=f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        last_modified=int(max(newest_item, last_change())),
    )


def render_feed(request, queryset, *, title, link, description="", flavour="rss"):
    """An HTTP response with the `flavour` ("rss" or "atom") feed of `queryset`.

    `link` is the HTML page of the listing (relative or absolute). Usable from
    any view or route, e.g. a tag page: `render_feed(request, qs, title=..., link=...)`.
    `queryset`, `title`, `link` and `description` may also be callables: they
    are then only evaluated when the feed is not in the cache.
    """
    limit = parse_limit(request.GET.get("limit"))
    key = "|".join([flavour, tag_authority(request), request.get_host(), request.path, str(limit)])
    key = hashlib.sha256(key.encode()).hexdigest()
    rendered = get_cached_feed(key)
    if rendered is None:
        rendered = build_feed(
            request,
            queryset() if callable(queryset) else queryset,
            title=title() if callable(title) else title,
            link=link() if callable(link) else link,
            description=description() if callable(description) else description,
            flavour=flavour,
            limit=limit,
        )
        set_cached_feed(key, rendered)
    response = HttpResponse(rendered.body, content_type=rendered.content_type)
    response["ETag"] = rendered.etag
    response["Last-Modified"] = http_date(rendered.last_modified)
    patch_cache_control(
        response, public=True, max_age=BROWSER_CACHE_SECONDS, s_maxage=settings.PAGE_CACHE_SECONDS
    )
    conditional = get_conditional_response(
        request, etag=rendered.etag, last_modified=rendered.last_modified, response=response
    )
    return conditional
