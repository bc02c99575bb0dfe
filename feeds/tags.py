"""Feeds of tag sub-listings: a page with routes `tag`, `tag_feed` and `tag_atom`
(the news index) has one feed per tag; the 订阅 page lists the tags in use."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count
from django.urls import NoReverseMatch

from .mixins import FeedSource

# The 订阅 page lists at most this many tags (the most used first).
MAX_LISTED_TAGS = 200


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
    name: str
    slug: str
    uses: int


def published_tags():
    """Tags of published articles, the most used first (one query)."""
    article_page = apps.get_model("news", "ArticlePage")
    published = article_page.objects.published().values("pk")
    rows = (
        article_page.tags.through.objects.filter(content_object_id__in=published)
        .values("tag__name", "tag__slug")
        .annotate(uses=Count("id"))
        .order_by("-uses", "tag__name")[:MAX_LISTED_TAGS]
    )
    return [UsedTag(row["tag__name"], row["tag__slug"], row["uses"]) for row in rows]


def tag_sources(page, request=None):
    if not has_tag_feeds(page):
        return []
    return [tag_feed_source(page, tag, request) for tag in published_tags()]


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
