"""One scheduled-publishing run at a time, however many schedulers are running.

Several app servers may each run `publish_scheduled` from cron (or `run_scheduler`): without a lock
two of them read the same due revisions and publish each twice (two log entries, two purges, two
notifications). On PostgreSQL the lock is a session advisory lock, released by the database even if
the process dies; elsewhere (SQLite on one machine) an atomic `cache.add` with a timeout.
"""

import contextlib
import zlib

from django.core.cache import cache
from django.db import connection

LOCK_NAME = "unionsite:publish_scheduled"
# Advisory lock keys are 64-bit integers: a fixed one derived from the name.
ADVISORY_KEY = zlib.crc32(LOCK_NAME.encode())
CACHE_LOCK_SECONDS = 300


@contextlib.contextmanager
def scheduler_lock():
    """Yield True when this process holds the lock, False when another run holds it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
        return
    acquired = bool(cache.add(LOCK_NAME, 1, CACHE_LOCK_SECONDS))
    try:
        yield acquired
    finally:
        if acquired:
            cache.delete(LOCK_NAME)
