"""阅读量: daily counters, written by a small POST endpoint, never by the page GET.

Pages stay fully cacheable: the count on a cached page may be a few minutes
old, and the script that reports the view updates it with the fresh figure.
"""

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

MOST_READ_COUNT = 10
MOST_READ_DAYS = 7
MOST_READ_CACHE_SECONDS = 300
# One counted view per reader address and article in this window.
REPEAT_WINDOW_SECONDS = 30 * 60
# At most this many counted views per reader address and hour (bots, reload loops).
VIEWS_PER_ADDRESS_PER_HOUR = 120
MOST_READ_CACHE_KEY = "news:most-read"


TOTAL_VIEWS_CACHE_SECONDS = 300


def _total_views_key(article_id):
    return f"news:total-views:{article_id}"


def total_views(article_id, cached=False):
    """All views of an article. `cached`: the figure the view-count endpoint last saw
    (it refreshes it on every report), for the article page's first paint."""
    from .models import ArticleDailyViews

    total = cache.get(_total_views_key(article_id)) if cached else None
    if total is None:
        total = (
            ArticleDailyViews.objects.filter(article_id=article_id).aggregate(total=Sum("views"))["total"]
            or 0
        )
        cache.set(_total_views_key(article_id), total, TOTAL_VIEWS_CACHE_SECONDS)
    return total


def record_view(article_id, day=None):
    """Add one view to today's row for the article (created on the first view of the day)."""
    from .models import ArticleDailyViews

    day = day or timezone.localdate()
    rows = ArticleDailyViews.objects.filter(article_id=article_id, date=day)
    if rows.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            ArticleDailyViews.objects.create(article_id=article_id, date=day, views=1)
    except IntegrityError:
        # Another request created the row in the meantime.
        rows.update(views=F("views") + 1)


def should_count(address, article_id):
    """Rate limit through the cache: True when this view should be counted."""
    if not cache.add(f"news:viewed:{address}:{article_id}", 1, REPEAT_WINDOW_SECONDS):
        return False
    bucket = f"news:views-by:{address}:{timezone.now():%Y%m%d%H}"
    cache.add(bucket, 0, 3600)
    try:
        return cache.incr(bucket) <= VIEWS_PER_ADDRESS_PER_HOUR
    except ValueError:
        return True


def most_read_this_week():
    """热点排行: the most-read published articles of the last seven days, cached for a few minutes
    within one site version, so an unpublished, moved or renamed article leaves it at once."""
    from sitecache.cache import current_version

    key = f"{MOST_READ_CACHE_KEY}:{current_version()}"
    items = cache.get(key)
    if items is None:
        items = _most_read(timezone.localdate() - datetime.timedelta(days=MOST_READ_DAYS - 1))
        cache.set(key, items, MOST_READ_CACHE_SECONDS)
    return items


def _most_read(since):
    from .models import ArticleDailyViews, ArticlePage

    totals = list(
        ArticleDailyViews.objects.filter(date__gte=since)
        .filter(article__in=ArticlePage.objects.published().values("pk"))
        .values("article_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-article_id")[:MOST_READ_COUNT]
    )
    pages = ArticlePage.objects.only("id", "title", "url_path", "path", "depth").in_bulk(
        [row["article_id"] for row in totals]
    )
    # Plain dicts, so the cached value does not depend on model pickling.
    return [
        {"title": pages[row["article_id"]].title, "url": pages[row["article_id"]].url, "views": row["total"]}
        for row in totals
        if row["article_id"] in pages
    ]
