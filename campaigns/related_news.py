"""News gathered for a campaign: hand-picked articles plus those carrying its tag.

The news app knows nothing about campaigns; this module asks it for live,
public, already-dated articles, so one bounded query feeds the landing page,
the campaign's `news/` listing and its feed alike.
"""

from django.db.models import Q

from news.models import ArticlePage


def related_news_queryset(tag_name, picked_ids=()):
    """Published related articles, newest first (the news app's own definition of published)."""
    condition = Q(pk__in=list(picked_ids))
    if tag_name:
        # A subquery instead of a join on tags: no duplicate rows, no DISTINCT.
        tagged = ArticlePage.tags.through.objects.filter(tag__name=tag_name).values("content_object_id")
        condition |= Q(pk__in=tagged)
    # for_listing(): live, public, display_date <= now, newest first, StreamFields deferred.
    return ArticlePage.objects.for_listing().filter(condition)
