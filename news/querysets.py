"""What a reader may see: one definition used by every listing, archive,
related block, prev/next link, home block, feed and the sitemap."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager, PageQuerySet


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


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """Live, not behind a view restriction, and not dated in the future."""
        return self.live().public().filter(display_date__isnull=False, display_date__lte=timezone.now())

    def below(self, page_or_path):
        """Descendants of a page (or of the tree node at a path), through the path index."""
        return self.filter(below_path_q(getattr(page_or_path, "path", page_or_path)))

    def for_listing(self):
        """Published, newest first, without the body (listings never show it)."""
        return self.published().defer_streamfields().order_by("-display_date", "-pk")


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
