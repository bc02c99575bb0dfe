"""Feeds of tag sub-listings: a page with routes `tag`, `tag_feed` and `tag_atom`
(the news index) has one feed per tag; the 订阅 page lists the tags in use."""

from dataclasses import dataclass

from django.urls import NoReverseMatch

from .mixins import FeedSource


def has_tag_feeds(page):
    try:
        page.reverse_subpage("tag_feed", args=["x"])
    except (NoReverseMatch, AttributeError):
        return False
    return True


def tag_feed_source(page, tag, request=None):
    base = page.get_url(request) or page.url
    return FeedSource(
        f"标签：{tag.name}",
        base + page.reverse_subpage("tag", args=[tag.slug]),
        base + page.reverse_subpage("tag_feed", args=[tag.slug]),
        base + page.reverse_subpage("tag_atom", args=[tag.slug]),
    )


@dataclass
class UsedTag:
    """A tag in use, as the 订阅 page lists it."""

    name: str
    slug: str
    uses: int


def tag_sources(page, tags, request=None):
    """Feeds of `page`'s tag listings for `tags` (UsedTag rows, see the news app's `published_tags`)."""
    if not has_tag_feeds(page):
        return []
    return [tag_feed_source(page, tag, request) for tag in tags]


def tag_feed_urls(page, tag_slugs):
    """Absolute URLs of the tag listings and tag feeds of `page` for the given slugs."""
    if not has_tag_feeds(page):
        return []
    base = page.get_full_url()
    urls = []
    for slug in tag_slugs:
        for route in ("tag", "tag_feed", "tag_atom"):
            urls.append(base + page.reverse_subpage(route, args=[slug]))
    return urls
