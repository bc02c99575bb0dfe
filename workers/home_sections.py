"""The home page's block of model workers: a plain query, named in `settings.HOME_PAGE_SECTIONS`."""

from django.db.models import F

from .models import WorkerIndexPage, WorkerPage

HOME_FEATURED_COUNT = 6


def featured_workers(home_page):
    """A row of model workers on the front page: those marked 在首页展示 first, then the most
    recently honoured, so the row is always full."""
    # Ordered by id, not path: the database then starts from the one-row index table instead of walking
    # every page below home in path order.
    index = WorkerIndexPage.objects.live().public().descendant_of(home_page).order_by("pk").first()
    if index is None:
        return None
    profiles = WorkerPage.objects.child_of(index).live().public()
    ordering = (F("latest_honour_year").desc(nulls_last=True), "pinyin_key")
    items = list(profiles.filter(featured=True).order_by(*ordering).with_card_data()[:HOME_FEATURED_COUNT])
    if len(items) < HOME_FEATURED_COUNT:
        others = profiles.exclude(pk__in=[item.pk for item in items]).order_by(*ordering)
        items += list(others.with_card_data()[: HOME_FEATURED_COUNT - len(items)])
    if not items:
        return None
    return {
        "template": "components/home/workers_featured.html",
        "items": items,
        "index": index,
    }
