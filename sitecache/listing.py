"""Cached item counts for paginated listings.

A listing counts its items for the page numbers: on a large table that count
costs more than the rest of the page. `CachedCountPaginator` remembers it for
the current minute (listings compare dates with the current minute, so an
item dated in the future appears on time) under the site cache's version,
which any publication replaces. The listing names its count (its page and
filters): compiling the query only to name it cost a millisecond a page.
"""

import time

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import cache as site_cache

COUNT_CACHE_SECONDS = 60


class CachedCountPaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_name, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self):
        minute = int(time.time() // COUNT_CACHE_SECONDS)
        return site_cache.remember(
            f"listing-count:{self.count_name}:{minute}",
            lambda: Paginator.count.func(self),
            timeout=COUNT_CACHE_SECONDS,
        )
