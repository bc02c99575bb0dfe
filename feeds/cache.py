"""Server-side feed cache, keyed by a version that every publish changes.

Any publish, unpublish or deletion of a page bumps the version, so no
feed is served stale from our cache after an edit; the CDN copies are purged by
URL in `signals.py`. Items also become visible without any edit, when their
display date arrives (scheduled and future-dated articles; listings compare
with the current minute), so a cached feed lives for the current minute only.
"""

import time
import uuid

from django.core.cache import cache

VERSION_KEY = "feeds:version"
# A rendered feed is used within the minute it was built (see above).
FEED_CACHE_SECONDS = 60


def _new_version():
    return {"id": uuid.uuid4().hex[:12], "at": time.time()}


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), None)
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def current_version():
    return _version()["id"]


def last_change():
    """When a page was last published, changed or unpublished (as far as this cache knows).

    A feed's Last-Modified is never older than this, so an item that left the
    feed cannot hide behind a conditional GET with an older date."""
    return _version()["at"]


def bump_version():
    version = _new_version()
    previous = cache.get(VERSION_KEY)
    if previous is not None:
        # Whole seconds (HTTP dates), strictly later than the last change, so that
        # If-Modified-Since from just before this change never matches.
        version["at"] = max(int(version["at"]), int(previous["at"]) + 1)
    cache.set(VERSION_KEY, version, None)


def _full_key(key):
    minute = int(time.time() // FEED_CACHE_SECONDS)
    return f"feeds:{current_version()}:{minute}:{key}"


def get_cached_feed(key):
    return cache.get(_full_key(key))


def set_cached_feed(key, value):
    cache.set(_full_key(key), value, FEED_CACHE_SECONDS)
