"""One cache for whatever changes only when the site's pages change.

Menus, breadcrumbs, the route from a URL to a page, view restrictions, site
settings and rendered feeds all depend on the page tree and nothing else, yet
every uncached page view used to ask the database for them again. They are
kept here under a site-wide version that any change to a page, a view
restriction, a site or the site settings replaces (see `home.signals`), so
nothing is ever served stale from this cache after an edit.

Entries also expire after `SITE_CACHE_SECONDS`: with several server processes
and no shared cache (no `REDIS_URL`), another process's edit reaches this one
within that time, the same delay the CDN copy of a page has.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "site:version"


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300) or 300


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
    """When a page was last changed, published or unpublished, as far as this cache knows.

    Feeds never send a Last-Modified older than this, so an item that left a
    feed cannot hide behind a conditional GET with an older date."""
    return _version()["at"]


def _replace_version():
    version = _new_version()
    previous = cache.get(VERSION_KEY)
    if previous is not None:
        # Whole seconds (HTTP dates), strictly later than the last change, so that
        # If-Modified-Since from just before this change never matches.
        version["at"] = max(int(version["at"]), int(previous["at"]) + 1)
    cache.set(VERSION_KEY, version, None)


def bump_version():
    """Forget everything cached here, now and again when the current transaction commits.

    The second bump closes a race: a request that read the old rows while the
    change was not yet committed may have cached them under the new version."""
    _replace_version()
    transaction.on_commit(_replace_version)


def versioned_key(name, version=None):
    # Hashed: names can hold URL paths of any length and characters that some cache backends refuse.
    digest = hashlib.sha1(name.encode()).hexdigest()
    return f"site:{version or current_version()}:{digest}"


def get_many(names, version=None):
    """{name: value} of those `names` that are cached (one round trip to the cache)."""
    version = version or current_version()
    keys = {versioned_key(name, version): name for name in names}
    return {keys[key]: value for key, value in cache.get_many(list(keys)).items()}


def store(name, value, version=None):
    cache.set(versioned_key(name, version), value, cache_seconds())


def remember(name, build, timeout=None):
    """`build()`'s value, cached under `name` until the next change to the site.

    `build` may return None: that is remembered too (as "nothing there")."""
    key = versioned_key(name)
    found = cache.get(key)
    if found is None:
        found = (build(),)
        cache.set(key, found, timeout or cache_seconds())
    return found[0]
