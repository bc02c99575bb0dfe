"""The news pages' cached edge: what the section, index and article pages show around
their own content, with the site cache wrapped around the models' plain queries.

The models call this module (it never imports them: it works on the pages it is
given and their managers), and everything cached about a news page is cached here.

Each block of the article page costs a fixed number of queries, whatever the number
of articles: section (1), previous/next (2), tags (1), related reading (2-3), view
count (1); the most-read list and the QR code come from the cache.
"""

from django.http import Http404
from django.utils.functional import lazy

from sitecache import cache as site_cache

from .stats import most_read_this_week, total_views

AROUND_CACHE_SECONDS = 300


def subsections(section):
    # Wagtail's child_of() is a `path LIKE` that scans the page table; the answer changes with the tree only.
    return site_cache.remember(f"news-subsections:{section.pk}", section.get_subsections)


def archive_years(index):
    """Years that have articles, newest first (a full scan, so kept until the site changes)."""
    return site_cache.remember(f"news-archive-years:{index.pk}", index.get_archive_years)


def tag_for_slug(index, slug):
    """The tag of a tag page, or a 404; tags in use change with publications and tag edits,
    which replace the site cache's version."""

    def find():
        tag = index.find_tag(slug)
        if tag is None:
            # Raised, so not remembered: made-up addresses cannot fill the cache.
            raise Http404("没有这个标签。")
        return tag

    return site_cache.remember(f"tag:{slug}", find)


def meta_image_url(article, request):
    """Absolute address of the sharing image (the same rendition the OpenGraph tag uses)."""
    image = article.get_meta_image()
    if image is None:
        return ""
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    return request.build_absolute_uri(rendition.url)


# Made once: each call of `lazy()` builds a new proxy class, which costs more than the rest of the context.
lazy_meta_image_url = lazy(meta_image_url, str)


def _surroundings(article, articles, tags):
    return (*articles.previous_and_next(article), articles.related_to(article, [tag.pk for tag in tags]))


def surroundings(article, articles, tags):
    """Previous/next and related reading, cached until the next (un)publication of any article.

    They change only when articles are published, unpublished or made private
    (each replaces the site cache's version), or when a future-dated article comes
    due (at most AROUND_CACHE_SECONDS late, like the CDN copy of the page itself).
    """
    if not article.pk:
        return _surroundings(article, articles, tags)
    return site_cache.remember(
        f"news-around:{article.pk}",
        lambda: _surroundings(article, articles, tags),
        timeout=AROUND_CACHE_SECONDS,
    )


class Deferred:
    """A context value worked out when a template first reads it (templates call what is
    callable), then kept for the rest of the request.

    The article's tags, previous/next and related reading appear only inside fragments that are
    cached between edits, so most views never need them."""

    def __init__(self, build):
        self._build, self._done, self._value = build, False, None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._build(), True
        return self._value


def resolved(value):
    """A context value as the template sees it: a `Deferred` worked out."""
    return value() if isinstance(value, Deferred) else value


def article_context(article, request):
    """The article page's context. A preview shows the editor's form as it is: its tags,
    previous/next and related reading are worked out afresh, never from the cache."""
    # The article's own manager: this module does not import the models (they import it).
    articles = type(article).objects
    preview = getattr(request, "is_preview", False)
    if preview or not article.pk:
        tags = Deferred(article.get_tag_list)
        around = Deferred(lambda: _surroundings(article, articles, tags()))
    else:
        # A published article's live tags change only when it is published again.
        tags = Deferred(lambda: site_cache.remember(f"article-tags:{article.pk}", article.get_tag_list))
        around = Deferred(lambda: surroundings(article, articles, tags()))
    parent_path = article.path[: -article.steplen]
    site_root_path = article.path[: article.steplen * 2]
    return {
        "section": site_cache.remember(
            f"section-at:{parent_path}", article.get_section, keep_in_process=True
        ),
        "article_tags": tags,
        "previous_article": Deferred(lambda: around()[0]),
        "next_article": Deferred(lambda: around()[1]),
        "related_articles": Deferred(lambda: around()[2]),
        "view_count": total_views(article.pk, article.daily_views.all(), cached=not preview)
        if article.pk
        else 0,
        "most_read": most_read_this_week(articles),
        "news_index": site_cache.remember(
            f"news-index-for:{site_root_path}", article.get_news_index, keep_in_process=True
        ),
        # The government meta tags read it from here (see ArticlePage.get_government_meta). Lazy: its
        # two readers sit in cached fragments, so a view between two edits needs no image query.
        "meta_image_url": lazy_meta_image_url(article, request),
    }
