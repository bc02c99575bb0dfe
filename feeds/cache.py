"""Server-side feed cache, keyed by a version that every publish changes.

Any publish, unpublish or deletion of a page bumps the version, so no
feed is ever served stale from our cache; the CDN copies are purged by URL
in `signals.py`.
"""

import time
import uuid

from django.core.cache import cache

VERSION_KEY = "feeds:version"
# Rendered feeds live this long at most even if nothing is published.
FEED_CACHE_SECONDS = 60 * 60


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


def get_cached_feed(key):
    return cache.get(f"feeds:{current_version()}:{key}")


def set_cached_feed(key, value):
    cache.set(f"feeds:{current_version()}:{key}", value, FEED_CACHE_SECONDS)
