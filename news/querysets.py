"""What a reader may see: one definition used by every listing, archive,
related block, prev/next link, home block, feed and the sitemap."""

from django.utils import timezone
from wagtail.models import PageManager, PageQuerySet


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """Live, not behind a view restriction, and not dated in the future."""
        return self.live().public().filter(display_date__isnull=False, display_date__lte=timezone.now())

    def for_listing(self):
        """Published, newest first, without the body (listings never show it)."""
        return self.published().defer_streamfields().order_by("-display_date", "-pk")


ArticleManager = PageManager.from_queryset(ArticleQuerySet)
