"""阅读量: the cache side of the daily view counters (the queries are on the querysets).

Counters are written by a small POST endpoint, never by the page GET. Pages stay
fully cacheable: the count on a cached page may be a few minutes old, and the
script that reports the view updates it with the fresh figure.
"""

from django.core.cache import cache
from django.utils import timezone

from sitecache.cache import current_version

from .querysets import MOST_READ_COUNT, MOST_READ_HEADROOM

MOST_READ_DAYS = 7
MOST_READ_CACHE_SECONDS = 300
# One counted view per reader address and article in this window.
REPEAT_WINDOW_SECONDS = 30 * 60
# At most this many counted views per reader address and hour (bots, reload loops).
VIEWS_PER_ADDRESS_PER_HOUR = 120
MOST_READ_CACHE_KEY = "news:most-read"
MOST_READ_RANKING_KEY = "news:most-read-ranking"
TOTAL_VIEWS_CACHE_SECONDS = 300


def _total_views_key(article_id):
    return f"news:total-views:{article_id}"


def total_views(article_id, daily_views, cached=False):
    """All views of an article, summed over `daily_views` (its rows). `cached`: the figure
    the view-count endpoint last saw (it refreshes it on every report), for the article
    page's first paint."""
    total = cache.get(_total_views_key(article_id)) if cached else None
    if total is None:
        total = daily_views.total()
        cache.set(_total_views_key(article_id), total, TOTAL_VIEWS_CACHE_SECONDS)
    return total


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


def most_read_this_week(articles):
    """热点排行: the most-read published `articles` (a manager or queryset) of the last seven days.

    Two cached layers: the ranking of the week's daily views (the costly aggregate) for a few
    minutes whatever the site version, and the published articles it names (title, address) per
    site version, so an unpublished, moved or renamed article leaves or changes at once while the
    first view after an edit costs one query by primary key instead of the aggregate."""
    ranking = cache.get(MOST_READ_RANKING_KEY)
    if ranking is None:
        ranking = {
            "at": timezone.now().timestamp(),
            "rows": articles.view_ranking(MOST_READ_DAYS, MOST_READ_COUNT * MOST_READ_HEADROOM),
        }
        cache.set(MOST_READ_RANKING_KEY, ranking, MOST_READ_CACHE_SECONDS)
    key = f"{MOST_READ_CACHE_KEY}:{current_version()}:{ranking['at']}"
    items = cache.get(key)
    if items is None:
        items = articles.most_read_items(ranking["rows"], MOST_READ_COUNT)
        cache.set(key, items, MOST_READ_CACHE_SECONDS)
    return items
