"""Everything the article page shows around the article itself.

Each block costs a fixed number of queries, whatever the number of articles:
section (1), previous/next (2), tags (1), related reading (2-3), view count (1);
the most-read list and the QR code come from the cache.
"""

from sitecache import cache as site_cache

from .models import ArticlePage, ArticleTag
from .stats import most_read_this_week, total_views

RELATED_COUNT = 6
RELATED_CANDIDATES = 300
AROUND_CACHE_SECONDS = 300
# Fields a link to an article needs; listings never load the body.
LINK_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "display_date", "live", "locale_id")


def article_links(queryset):
    return queryset.only(*LINK_FIELDS)


def sibling_articles(article):
    """Published articles in the same section as `article`.

    Deliberately `path LIKE 'parent%'` rather than an index range: with the date
    condition of previous/next, the database then walks the display_date index
    from the article's date and stops at the first sibling, instead of sorting
    the whole section.
    """
    parent_path = article.path[: -article.steplen]
    return ArticlePage.objects.published().filter(path__startswith=parent_path, depth=article.depth)


def previous_and_next(article):
    if not article.display_date:
        return None, None
    siblings = article_links(sibling_articles(article).exclude(pk=article.pk))
    date, pk = article.display_date, article.pk
    # "Before (date, pk)" written as a range on date plus an exclusion for ties, so the date index serves it.
    older = (
        siblings.filter(display_date__lte=date)
        .exclude(display_date=date, pk__gt=pk)
        .order_by("-display_date", "-pk")
        .first()
    )
    newer = (
        siblings.filter(display_date__gte=date)
        .exclude(display_date=date, pk__lt=pk)
        .order_by("display_date", "pk")
        .first()
    )
    return older, newer


def related_articles(article, tag_ids, count=RELATED_COUNT):
    """Hand-picked articles in editor order, then the newest articles sharing a tag."""
    chosen_ids = list(article.related_links.order_by("sort_order").values_list("article_id", flat=True))
    related = []
    if chosen_ids:
        by_id = {
            item.pk: item for item in article_links(ArticlePage.objects.published().filter(pk__in=chosen_ids))
        }
        related = [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
    if len(related) < count and tag_ids:
        # Candidates: the most recently created articles per shared tag (bounded, so a tag on
        # 50,000 articles costs no more than a rare one), then the newest published among them.
        sharing = (
            ArticleTag.objects.filter(tag_id__in=tag_ids)
            .order_by("-content_object_id")
            .values("content_object_id")[:RELATED_CANDIDATES]
        )
        more = (
            article_links(ArticlePage.objects.published())
            .filter(pk__in=sharing)
            .exclude(pk__in=[article.pk, *chosen_ids])
            .order_by("-display_date", "-pk")[: count - len(related)]
        )
        related += list(more)
    return related


def meta_image_url(article, request):
    """Absolute address of the sharing image (the same rendition the OpenGraph tag uses)."""
    image = article.get_meta_image()
    if image is None:
        return ""
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return request.build_absolute_uri(rendition.url)


def surroundings(article, tags):
    """Previous/next and related reading, cached until the next (un)publication of any article.

    They change only when articles are published, unpublished or made private
    (each bumps the listing version), or when a future-dated article comes due
    (at most AROUND_CACHE_SECONDS late, like the CDN copy of the page itself).
    """
    if not article.pk:
        return (*previous_and_next(article), related_articles(article, [tag.pk for tag in tags]))
    return site_cache.remember(
        f"news-around:{article.pk}",
        lambda: (*previous_and_next(article), related_articles(article, [tag.pk for tag in tags])),
        timeout=AROUND_CACHE_SECONDS,
    )


def article_context(article, request):
    # The government meta tags (rendered before the body) include the image address.
    article.meta_image_url = meta_image_url(article, request)
    preview = getattr(request, "is_preview", False)
    tags = article.get_tag_list(from_cache=not preview)
    if preview:
        older, newer, related = (
            *previous_and_next(article),
            related_articles(article, [tag.pk for tag in tags]),
        )
    else:
        older, newer, related = surroundings(article, tags)
    return {
        "section": article.get_section(),
        "article_tags": tags,
        "previous_article": older,
        "next_article": newer,
        "related_articles": related,
        "view_count": total_views(article.pk, cached=not preview),
        "most_read": most_read_this_week(),
        "news_index": news_index_for(article),
        "meta_image_url": article.meta_image_url,
    }


def news_index_for(article):
    """The site's news index (tag and archive links point there); None if there is none."""
    from .models import NewsIndexPage

    site_root_path = article.path[: NewsIndexPage.steplen * 2]
    return site_cache.remember(
        f"news-index-for:{site_root_path}",
        lambda: (
            NewsIndexPage.objects.live()
            .filter(path__startswith=site_root_path)
            .only("id", "title", "url_path", "path", "depth")
            .first()
        ),
    )
