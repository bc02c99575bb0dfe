"""One cache for whatever changes only when the site's pages change.

Menus, breadcrumbs, the route from a URL to a page, view restrictions, site
settings and rendered feeds all depend on the page tree and nothing else, yet
every uncached page view used to ask the database for them again. They are
kept here under a site-wide version that any change to a page, a view
restriction, a site or the site settings replaces (see `sitecache.signals`), so
nothing is ever served stale from this cache after an edit.

The version is a database row (`SiteCacheVersion`), read once per request and
changed in the transaction of the edit, so every server process and the
scheduler agree on it even when each keeps its own local-memory cache.
Entries also expire after `PAGE_CACHE_SECONDS`, which bounds what a process
holds.
"""

import collections
import contextlib
import contextvars
import datetime
import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import SiteCacheVersion

# The version read once at the start of a request (see `pinned_for_request`); None outside requests.
_pinned = contextvars.ContextVar("site_cache_pinned_version", default=None)
VERSION_ROW = 1


def enabled():
    """False when `SITE_CACHE_ENABLED` is off: every lookup then builds its value afresh.

    The version is still kept (feeds date their Last-Modified from it)."""
    return getattr(settings, "SITE_CACHE_ENABLED", True)


def current_minute():
    """The minute that per-minute keys carry: what items dated in the future join on."""
    return int(time.time() // 60)


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 300) or 300


def _table():
    return connection.ops.quote_name(SiteCacheVersion._meta.db_table)


def _read_version():
    """{"id": …, "at": seconds} from the database: one indexed row, read with a plain cursor."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {_table()} WHERE id = %s", [VERSION_ROW])
        row = cursor.fetchone()
    if row is None:
        return {"id": "0", "number": 0, "at": 0.0}
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite through a plain cursor
        changed_at = datetime.datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = changed_at.replace(tzinfo=datetime.UTC)
    # With the time in the id, a change rolled back after its bump never shares an id with the next one.
    return {"id": f"{number}-{int(changed_at.timestamp())}", "number": number, "at": changed_at.timestamp()}


def _version():
    return _pinned.get() or _read_version()


def current_version():
    return _version()["id"]


@contextlib.contextmanager
def pinned_for_request():
    """Read the version once for a whole request: a page asks for it a dozen times.

    A change made during the request (an editor's POST) replaces the pinned
    version too, so the request's own later reads see the change."""
    token = _pinned.set(_read_version())
    try:
        yield
    finally:
        _pinned.reset(token)


def last_change():
    """When a page was last changed, published or unpublished.

    Feeds never send a Last-Modified older than this, so an item that left a
    feed cannot hide behind a conditional GET with an older date."""
    return _version()["at"]


def bump_version():
    """Forget everything cached here: a new version, in the transaction of the change itself.

    Readers in other transactions keep the old version (and the old rows) until
    the change commits, so nothing read before the commit is cached under the
    new version.
    """
    try:
        # A savepoint: if the table is missing, the caller's transaction must survive the error.
        with transaction.atomic(), connection.cursor() as cursor:
            previous = _read_version()
            # Whole seconds (HTTP dates), strictly later than the last change, so that
            # If-Modified-Since from just before this change never matches.
            changed_at = max(int(time.time()), int(previous["at"]) + 1)
            stamp = datetime.datetime.fromtimestamp(changed_at, tz=datetime.UTC)
            cursor.execute(
                f"UPDATE {_table()} SET number = number + 1, changed_at = %s WHERE id = %s",
                [stamp, VERSION_ROW],
            )
            if not cursor.rowcount:
                cursor.execute(
                    f"INSERT INTO {_table()} (id, number, changed_at) VALUES (%s, %s, %s)",
                    [VERSION_ROW, previous["number"] + 1, stamp],
                )
    except DatabaseError:
        # Only while the table does not exist yet (during the first migrations): nothing is cached then.
        return
    if _pinned.get() is not None:
        _pinned.set(_read_version())


def versioned_key(name, version=None):
    # Hashed: names can hold URL paths of any length and characters that some cache backends refuse.
    digest = hashlib.sha1(name.encode()).hexdigest()
    return f"site:{version or current_version()}:{digest}"


def get_many(names, version=None):
    """{name: value} of those `names` that are cached (one round trip to the cache)."""
    if not enabled():
        return {}
    version = version or current_version()
    keys = {versioned_key(name, version): name for name in names}
    return {keys[key]: value for key, value in cache.get_many(list(keys)).items()}


def store(name, value, version=None):
    if not enabled():
        return
    cache.set(versioned_key(name, version), value, cache_seconds())


def remember_many(names, build_missing):
    """{name: value} for `names` as `remember` gives each, in one round trip to the cache.

    `build_missing(missing_names)` returns {name: value} for those it can build; a name it leaves
    out is neither kept nor returned (e.g. a page deleted since it was listed)."""
    if not enabled():
        return build_missing(list(names))
    version = current_version()
    keys = {versioned_key(name, version): name for name in names}
    found = {keys[key]: kept[0] for key, kept in cache.get_many(list(keys)).items()}
    missing = [name for name in names if name not in found]
    if missing:
        built = build_missing(missing)
        cache.set_many(
            {versioned_key(name, version): (value,) for name, value in built.items()}, cache_seconds()
        )
        found.update(built)
    return found


class ProcessCopies:
    """The site-cache values this process read last, kept as live objects.

    Reading a value from the shared cache costs a round trip (Redis in production) and
    unpickling it; for what nearly every request reads (the site, its settings, the navigation
    and footer markup, a busy article's fragments) that was a good part of a cached page's time.
    Keys carry the site-cache version, so a change anywhere replaces them just as it replaces the
    shared entries; an entry also lapses after `seconds`, and beyond `entries` the least recently
    used goes. Only values that nobody changes after building them belong here: markup strings
    and model instances that are only read.
    """

    def __init__(self, entries, seconds):
        self.entries, self.seconds = entries, seconds
        self._values = collections.OrderedDict()
        self._lock = threading.Lock()  # gthread workers share a process

    def get(self, key):
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            if found[1] <= time.monotonic():
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return found[0]

    def put(self, key, value):
        if self.entries <= 0:
            return
        with self._lock:
            self._values[key] = (value, time.monotonic() + self.seconds)
            self._values.move_to_end(key)
            while len(self._values) > self.entries:
                self._values.popitem(last=False)

    def clear(self):
        with self._lock:
            self._values.clear()

    def __len__(self):
        return len(self._values)


process_copies = ProcessCopies(
    entries=getattr(settings, "SITE_CACHE_PROCESS_ENTRIES", 200),
    seconds=getattr(settings, "SITE_CACHE_PROCESS_SECONDS", 60),
)


def remember(name, build, timeout=None, keep_in_process=False):
    """`build()`'s value, cached under `name` until the next change to the site.

    `build` may return None: that is remembered too (as "nothing there").
    `keep_in_process`: also keep the live value in this process (`ProcessCopies`), for values
    read on most requests that nobody changes after they are built."""
    if not enabled():
        return build()
    key = versioned_key(name)
    if keep_in_process:
        found = process_copies.get(key)
        if found is not None:
            return found[0]
    found = cache.get(key)
    if found is None:
        found = (build(),)
        cache.set(key, found, timeout or cache_seconds())
    if keep_in_process:
        process_copies.put(key, found)
    return found[0]
