"""Server-side feed cache, keyed by a version that every publish changes.

Any publish, unpublish or deletion of a page bumps the version, so no
feed is ever served stale from our cache; the CDN copies are purged by URL
in `signals.py`.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "feeds:version"
# Rendered feeds live this long at most even if nothing is published.
FEED_CACHE_SECONDS = 60 * 60


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], None)


def get_cached_feed(key):
    return cache.get(f"feeds:{current_version()}:{key}")


def set_cached_feed(key, value):
    cache.set(f"feeds:{current_version()}:{key}", value, FEED_CACHE_SECONDS)
