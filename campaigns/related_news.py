"""News gathered for a campaign: hand-picked articles plus those carrying its tag.

The news app knows nothing about campaigns; this module asks it for live,
public, already-dated articles, so one bounded query feeds the landing page,
the campaign's `news/` listing and its feed alike.
"""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def article_model():
    try:
        return apps.get_model("news", "ArticlePage")
    except LookupError:
        return None


def related_news_queryset(tag_name, picked_ids=()):
    """Live, public articles published up to now, newest first, without their StreamFields."""
    article_page = article_model()
    if article_page is None:
        return Page.objects.none()
    condition = Q(pk__in=list(picked_ids))
    if tag_name:
        # A subquery instead of a join on tags: no duplicate rows, no DISTINCT.
        tagged = article_page.tags.through.objects.filter(tag__name=tag_name).values("content_object_id")
        condition |= Q(pk__in=tagged)
    return (
        article_page.objects.live()
        .public()
        .filter(condition, display_date__lte=timezone.now())
        .order_by("-display_date", "-pk")
        .defer_streamfields()
    )
