"""What a reader may see: one definition used by every listing, archive,
related block, prev/next link, home block, feed and the sitemap."""

import hashlib

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager, PageQuerySet

from sitecache import cache as site_cache


def below_path_q(path):
    """Pages strictly below the tree node at `path`, as a range on the indexed path column.

    Wagtail's `descendant_of()` uses `path LIKE 'prefix%'`, which SQLite cannot
    answer from the index (its LIKE is case-insensitive), so every listing would
    scan the whole page table. The range "after `path`, before the next sibling's
    path" selects the same pages through the index on any database.
    """
    step = path[-Page.steplen :]
    following = Page._str2int(step) + 1
    if not step or following >= len(Page.alphabet) ** Page.steplen:
        return Q(path__startswith=path) & ~Q(path=path)
    next_sibling = path[: -Page.steplen] + Page._int2str(following).rjust(Page.steplen, Page.alphabet[0])
    return Q(path__gt=path, path__lt=next_sibling)


COUNT_CACHE_SECONDS = 60


def restricted_paths():
    """Tree paths of pages behind a view restriction (what Wagtail's `.public()` excludes).

    `.public()` reads the restrictions table each time a queryset runs, and an
    article page runs several; the list changes only with a restriction, which
    replaces the site cache's version.
    """
    from wagtail.models import PageViewRestriction

    return site_cache.remember(
        "restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


class ArticleQuerySet(PageQuerySet):
    # Listings count their items for the page numbers: on a large table that count
    # costs more than the rest of the page, so it is remembered briefly (the page
    # itself is cached longer than that by the CDN) under the site cache's version,
    # which any publication replaces.
    count_cache_seconds = 0
    # Names the listing (see `counted_as`); without it the count is keyed by the query's SQL.
    count_name = None

    def _clone(self):
        clone = super()._clone()
        clone.count_cache_seconds = self.count_cache_seconds
        clone.count_name = self.count_name
        return clone

    def with_cached_count(self, seconds=COUNT_CACHE_SECONDS):
        clone = self._chain()
        clone.count_cache_seconds = seconds
        return clone

    def counted_as(self, name):
        """Key the cached count by a name the caller gives the listing (its page and filters)
        instead of by its compiled SQL: compiling the query only to name it cost a millisecond
        a page. The name must change whenever the filters do; the current minute is added here,
        as `published()` compares with it."""
        clone = self._chain()
        clone.count_name = name
        return clone

    def count(self):
        if not self.count_cache_seconds or self._result_cache is not None:
            return super().count()
        version = site_cache.current_version()
        if self.count_name is not None:
            minute = int(timezone.now().timestamp() // 60)
            name = f"{self.count_name}:{minute}"
        else:
            sql, params = self.query.sql_with_params()
            name = f"{sql}{params}"
        key = f"news:count:{version}:{hashlib.sha256(name.encode()).hexdigest()}"
        value = cache.get(key)
        if value is None:
            value = super().count()
            cache.set(key, value, self.count_cache_seconds)
        return value

    def published(self):
        """Live, not behind a view restriction, and not dated in the future."""
        # Whole minutes, so that the same listing is the same SQL for a minute (counts are cached by SQL).
        now = timezone.now().replace(second=0, microsecond=0)
        queryset = self.live().filter(display_date__isnull=False, display_date__lte=now)
        for path in restricted_paths():
            queryset = queryset.exclude(path__startswith=path)
        return queryset

    def below(self, page_or_path):
        """Descendants of a page (or of the tree node at a path), through the path index."""
        return self.filter(below_path_q(getattr(page_or_path, "path", page_or_path)))

    def for_listing(self):
        """Published, newest first, without the body (listings never show it)."""
        return self.published().defer_streamfields().order_by("-display_date", "-pk").with_cached_count()


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
