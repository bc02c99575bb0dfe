"""Server-side feed cache, under the site cache's version (`sitecache.cache`).

Any change to a page replaces that version, so no feed is served stale from
our cache after an edit; the CDN copies are purged by URL in `signals.py`.
Items also become visible without any edit, when a future display date
arrives, so a cached feed lives for the current minute only. A publication,
an unpublication and a scheduled go-live replace the version, so they show in
every feed at once, in every server process.
"""

import time

from django.core.cache import cache

from sitecache.cache import current_version, last_change

__all__ = ["get_cached_feed", "last_change", "set_cached_feed"]

# A rendered feed is used within the minute it was built (see above).
FEED_CACHE_SECONDS = 60


def _full_key(key):
    minute = int(time.time() // FEED_CACHE_SECONDS)
    return f"feeds:{current_version()}:{minute}:{key}"


def get_cached_feed(key):
    return cache.get(_full_key(key))


def set_cached_feed(key, value):
    cache.set(_full_key(key), value, FEED_CACHE_SECONDS)
