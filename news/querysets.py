"""What a reader may see: one definition used by every listing, archive,
related block, prev/next link, home block, feed and the sitemap.

Plain queries only; what is cached is wrapped at the edges (`news.context`,
`sitecache`, template tags), never here.
"""

import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.models import PageManager, PageQuerySet

from core.tree import below_path_q
from sitecache.pages import CachedPrivatePagesMixin

# Fields a link to an article needs; listings never load the body.
LINK_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "display_date", "live", "locale_id")
RELATED_COUNT = 6
RELATED_CANDIDATES = 300
MOST_READ_COUNT = 10
# Ranked candidates per shown entry: room for articles unpublished since the ranking was made.
MOST_READ_HEADROOM = 3


class PlainArticleQuerySet(PageQuerySet):
    def published(self):
        """Live, not behind a view restriction, and not dated in the future."""
        # The exact moment, not the current minute: an article published now (its display
        # date is its publication time) is in every listing at once. Caches of listings are
        # keyed on the site version, which the publication replaces (sitecache).
        now = timezone.now()
        return self.live().public().filter(display_date__isnull=False, display_date__lte=now)

    def below(self, page_or_path):
        """Descendants of a page (or of the tree node at a path), through the path index."""
        return self.filter(below_path_q(getattr(page_or_path, "path", page_or_path)))

    def for_listing(self):
        """Published, newest first, without the body (listings never show it)."""
        return self.published().defer_streamfields().order_by("-display_date", "-pk")

    def links(self):
        """Only the fields a link to an article needs."""
        return self.only(*LINK_FIELDS)

    def siblings_of(self, article):
        """Published articles in the same section as `article`.

        Deliberately `path LIKE 'parent%'` rather than an index range: with the date
        condition of previous/next, the database then walks the display_date index
        from the article's date and stops at the first sibling, instead of sorting
        the whole section.
        """
        parent_path = article.path[: -article.steplen]
        return self.published().filter(path__startswith=parent_path, depth=article.depth)

    def previous_and_next(self, article):
        """The published siblings just before and after `article` by date (each may be None)."""
        if not article.display_date:
            return None, None
        siblings = self.siblings_of(article).exclude(pk=article.pk).links()
        date, pk = article.display_date, article.pk
        # "Before (date, pk)" written as a range on date plus an exclusion for ties, so the date index serves it.
        older = (
            siblings.filter(display_date__lte=date)
            .exclude(display_date=date, pk__gt=pk)
            .order_by("-display_date", "-pk")
            .first()
        )
        newer = (
            siblings.filter(display_date__gte=date)
            .exclude(display_date=date, pk__lt=pk)
            .order_by("display_date", "pk")
            .first()
        )
        return older, newer

    def related_to(self, article, tag_ids, count=RELATED_COUNT):
        """Hand-picked articles in editor order, then the newest articles sharing a tag."""
        chosen_ids = list(article.related_links.order_by("sort_order").values_list("article_id", flat=True))
        related = []
        if chosen_ids:
            by_id = {item.pk: item for item in self.published().filter(pk__in=chosen_ids).links()}
            related = [by_id[pk] for pk in chosen_ids if pk in by_id][:count]
        if len(related) < count and tag_ids:
            # Candidates: the most recently created articles per shared tag (bounded, so a tag on
            # 50,000 articles costs no more than a rare one), then the newest published among them.
            sharing = (
                self.model.tags.through.objects.filter(tag_id__in=tag_ids)
                .order_by("-content_object_id")
                .values("content_object_id")[:RELATED_CANDIDATES]
            )
            more = (
                self.published()
                .links()
                .filter(pk__in=sharing)
                .exclude(pk__in=[article.pk, *chosen_ids])
                .order_by("-display_date", "-pk")[: count - len(related)]
            )
            related += list(more)
        return related

    def view_ranking(self, days, count):
        """[(article id, views)] of the `count` articles most read over the last `days` days, most
        first, whatever their state now (`most_read_items` keeps the published ones). Read from the
        daily-view rows through their date index: the cost follows the week's rows, not the archive."""
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        daily_views = self.model.daily_views.rel.related_model.objects
        rows = (
            daily_views.filter(date__gte=since)
            .values("article_id")
            .annotate(total=Sum("views"))
            .order_by("-total", "-article_id")[:count]
        )
        return [(row["article_id"], row["total"]) for row in rows]

    def most_read_items(self, ranking, count=MOST_READ_COUNT):
        """The published articles of a `view_ranking`, in its order, as plain dicts (title, url,
        views), so that a cached copy does not depend on model pickling."""
        pages = (
            self.published()
            .filter(pk__in=[pk for pk, _ in ranking])
            .only("id", "title", "url_path", "path", "depth")
            .in_bulk()
        )
        return [
            {"title": pages[pk].title, "url": pages[pk].url, "views": views}
            for pk, views in ranking
            if pk in pages
        ][:count]

    def most_read(self, days, count=MOST_READ_COUNT):
        """The most-read published articles over the last `days` days (see `most_read_items`)."""
        return self.most_read_items(self.view_ranking(days, count * MOST_READ_HEADROOM), count)

    def tags_in_use(self, limit):
        """Tags of published articles with their number of uses, the most used first (one query)."""
        return (
            self.model.tags.through.objects.filter(content_object_id__in=self.published().values("pk"))
            .values("tag__name", "tag__slug")
            .annotate(uses=models.Count("id"))
            .order_by("-uses", "tag__name")[:limit]
        )


class ArticleQuerySet(CachedPrivatePagesMixin, PlainArticleQuerySet):
    """The queryset articles use: `.public()` from the site cache's list of restricted paths."""


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class DailyViewsQuerySet(models.QuerySet):
    def total(self):
        """The sum of the views in these rows (e.g. `article.daily_views.total()`)."""
        return self.aggregate(total=Sum("views"))["total"] or 0

    def record(self, article_id, day=None):
        """Add one view to the day's row for the article (created on the first view of the day)."""
        day = day or timezone.localdate()
        rows = self.filter(article_id=article_id, date=day)
        if rows.update(views=F("views") + 1):
            return
        try:
            with transaction.atomic():
                self.create(article_id=article_id, date=day, views=1)
        except IntegrityError:
            # Another request created the row in the meantime.
            rows.update(views=F("views") + 1)
