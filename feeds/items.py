"""Turn listed pages into feed entries with a number of queries bounded by the limit.

Item pages follow the news contract (`summary`, `lead_image`, `body`,
`authors`, `source_name`, `source_url`, `display_date`, `tags`); other page
types are read through the same names' counterparts below (a worker's
`portrait` and `story`) and the SEO description every page has; any page can
adjust its entry by defining `feed_entry_overrides(request)` returning a dict
of FeedEntry fields.
"""

import hashlib
import json
import mimetypes
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from wagtail.blocks import StreamValue, StructValue
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search import index

from .html import make_feed_html

BEIJING = ZoneInfo("Asia/Shanghai")
# The item's main picture and its body, by the names the page types use.
IMAGE_FIELDS = ("lead_image", "portrait", "hero_image")
BODY_FIELDS = ("body", "story")
# Date part of our tag: URIs (RFC 4151). Fixed so that guids never change.
TAG_URI_DATE = getattr(settings, "FEEDS_TAG_URI_DATE", "2026")


@dataclass
class Enclosure:
    url: str
    length: str
    mime_type: str


@dataclass
class FeedEntry:
    title: str
    link: str
    guid: str
    published: datetime
    updated: datetime
    author: str
    summary: str
    content_html: str
    source_name: str = ""
    categories: list = field(default_factory=list)
    enclosure: Enclosure | None = None


def tag_authority(request):
    """The domain in our tag: URIs: the site's configured hostname, not the request's."""
    site = Site.find_for_request(request)
    return (site.hostname if site else request.get_host().split(":")[0]) or "localhost"


def page_guid(authority, page_id):
    """A guid that survives slug edits and moves: it names the page by its id."""
    return f"tag:{authority},{TAG_URI_DATE}:page:{page_id}"


def beijing(value, exact=False):
    """`value` on Beijing's clock; whole seconds unless `exact` (an entry's Atom `updated`
    keeps its fraction, so that items published in the same second still differ)."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, BEIJING)
    value = value.astimezone(BEIJING)
    return value if exact else value.replace(microsecond=0)


def publish_time(page):
    """When readers consider the item published: its display date, else first publication."""
    return getattr(page, "display_date", None) or page.first_published_at or page.last_published_at


def _image_enclosure(base_url, image):
    if image is None:
        return None
    length = image.file_size
    if not length:
        try:
            length = image.file.size
        except (OSError, ValueError):
            return None
    mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
    return Enclosure(urljoin(base_url, image.file.url), str(int(length)), mime_type)


def _image_html(image, alt, caption=""):
    """One plain <img> of the original file: feed readers ignore <picture> sources,
    and rendering the site's responsive renditions here would cost a rendition each."""
    html = f'<img src="{escape(image.file.url)}" alt="{escape(alt or image.title)}">'
    return (
        f"<figure>{html}<figcaption>{escape(caption)}</figcaption></figure>" if caption else f"<p>{html}</p>"
    )


def _body_html(page, request):
    if hasattr(page, "get_feed_body_html"):
        return page.get_feed_body_html(request)
    body = next((getattr(page, name) for name in BODY_FIELDS if hasattr(page, name)), None)
    if body is None:
        return ""
    if not isinstance(body, StreamValue):
        return str(body)
    context = {"request": request, "page": page}
    parts = []
    for child in body:
        value = child.value
        image = value.get("image") if isinstance(value, StructValue) else None
        if image is not None and hasattr(image, "file"):
            alt = getattr(image, "contextual_alt_text", "") or image.title
            parts.append(_image_html(image, alt, value.get("caption", "")))
        else:
            parts.append(child.render(context=context))
    return "\n".join(parts)


def _summary(page, body_html):
    text = getattr(page, "summary", "") or page.search_description
    if not text and hasattr(page, "get_meta_description"):
        text = page.get_meta_description()
    if not text:
        text = Truncator(" ".join(strip_tags(body_html).split())).chars(140)
    return str(text)


def _content_html(page, request, link, body_html, image, source_name):
    """The item as readers see it on our site: subtitle, lead image, body, 来源."""
    parts = []
    subtitle = getattr(page, "subtitle", "")
    if subtitle:
        parts.append(f"<p><strong>{escape(subtitle)}</strong></p>")
    if image is not None:
        alt = getattr(page, "lead_image_alt", "") or getattr(page, "portrait_alt", "") or image.title
        parts.append(_image_html(image, alt, getattr(page, "lead_image_caption", "")))
    parts.append(str(body_html))
    if source_name:
        source_url = getattr(page, "source_url", "")
        source = (
            f'<a href="{escape(source_url)}">{escape(source_name)}</a>' if source_url else escape(source_name)
        )
        parts.append(f"<p>来源：{source}</p>")
    editor = getattr(page, "responsible_editor", "")
    if editor:
        parts.append(f"<p>责任编辑：{escape(editor)}</p>")
    return make_feed_html("\n".join(parts), link)


def _tag_names(page):
    tags = getattr(page, "tags", None)
    if tags is None or not hasattr(tags, "all"):
        return []
    return [tag.name for tag in tags.all()]


def image_id_of(page):
    return next((getattr(page, f"{name}_id") for name in IMAGE_FIELDS if hasattr(page, f"{name}_id")), None)


def _prefetch(pages):
    """Tags and lead images for a mixed list of pages, a few queries in all."""
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for model, group in by_class.items():
        if hasattr(model, "tags") and hasattr(model.tags, "through"):
            prefetch_related_objects(group, "tags")
    image_ids = {image_id_of(page) for page in pages} - {None}
    images = get_image_model().objects.in_bulk(image_ids) if image_ids else {}
    parent_paths = {page.path[: -Page.steplen] for page in pages if page.depth > 3}
    parents = {
        parent.path: parent.title
        for parent in Page.objects.filter(path__in=parent_paths).only("path", "title")
    }
    return images, parents


def build_entry(page, request, *, authority, image, section, default_author, published, updated):
    """One page's entry; None if it has no address."""
    link = page.get_full_url(request)
    if not link:
        return None
    body_html = _body_html(page, request)
    # Articles without a 来源 are the site's own, as their page says.
    source_name = (
        (getattr(page, "source_name", None) or default_author) if hasattr(page, "source_name") else ""
    )
    categories = [section] if section else []
    categories += [name for name in _tag_names(page) if name not in categories]
    entry = FeedEntry(
        title=page.title,
        link=link,
        guid=page_guid(authority, page.pk),
        published=beijing(published),
        updated=beijing(updated, exact=True),
        author=getattr(page, "authors", "") or getattr(page, "original_author", "") or default_author,
        summary=_summary(page, body_html),
        content_html=_content_html(page, request, link, body_html, image, source_name),
        source_name=source_name,
        categories=categories,
        enclosure=_image_enclosure(link, image),
    )
    if hasattr(page, "feed_entry_overrides"):
        entry = replace(entry, **page.feed_entry_overrides(request))
    return entry


def _indexed_text(obj, fields):
    """The values of `fields` (a model's search fields: what its page shows a reader), in order."""
    texts = []
    for search_field in fields:
        try:
            value = search_field.get_value(obj)
        except (AttributeError, ValueError, TypeError):
            continue
        if isinstance(search_field, index.RelatedFields):
            related = value.all() if hasattr(value, "all") else [value] if value is not None else []
            texts += [_indexed_text(item, search_field.fields) for item in related]
        elif isinstance(value, StreamValue):
            # Its blocks' text, not a rendering (which would make image renditions).
            texts.append(value.stream_block.get_searchable_content(value))
        elif isinstance(search_field, index.SearchField):
            texts.append(str(value) if value is not None else "")
    return texts


def reader_fingerprint(page):
    """A digest of what a subscriber sees of `page`: its entry (title, address, author,
    summary, content, 来源, categories, picture) and what its page shows (the model's search
    fields, which cover every displayed field), without dates: it changes exactly when the
    text does (see `feeds.changes`)."""
    images, parents = _prefetch([page])
    entry = build_entry(
        page,
        None,
        authority="",
        image=images.get(image_id_of(page)),
        section=parents.get(page.path[: -Page.steplen]),
        default_author="",
        published=None,
        updated=None,
    )
    if entry is None:
        return ""
    seen = [
        entry.title,
        entry.link,
        entry.author,
        entry.summary,
        entry.content_html,
        entry.source_name,
        entry.categories,
        entry.enclosure.url if entry.enclosure else "",
        _indexed_text(page, page.get_search_fields()),
    ]
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False, default=str).encode()).hexdigest()


def build_entries(request, pages, default_author, changed_at=None):
    """Feed entries for `pages` (already limited and specific), newest first.

    `changed_at` ({page id: when its entry last changed for readers}, `feeds.changes`) gives
    each entry's `updated`; an item without one was not changed since it was published."""
    pages = list(pages)
    images, parents = _prefetch(pages)
    changed_at = changed_at or {}
    authority = tag_authority(request)
    now = timezone.now()
    entries = []
    for page in pages:
        published = publish_time(page)
        if published is None or published > now:
            continue
        updated = max(filter(None, [published, changed_at.get(page.pk)]))
        entry = build_entry(
            page,
            request,
            authority=authority,
            image=images.get(image_id_of(page)),
            section=parents.get(page.path[: -Page.steplen]),
            default_author=default_author,
            published=published,
            updated=updated,
        )
        if entry is not None:
            entries.append(entry)
    return entries
