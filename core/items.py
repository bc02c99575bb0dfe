"""The page types the site publishes as items (news articles today), as declared in
`settings.SITE_ITEM_PAGE_TYPES`: the home page's 最新发布 and the site-wide feed list them.

Each declared type's manager offers `published()`: its items that readers may see now.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page


def site_item_models():
    return [apps.get_model(label) for label in settings.SITE_ITEM_PAGE_TYPES]


def newest_items_below(root, count):
    """The `count` most recently published items of every declared type below `root`, newest first."""
    newest = []
    for model in site_item_models():
        newest += _newest_published(model, root, count)
    newest_pks = [pk for _published, pk in sorted(newest, reverse=True)[:count]]
    pages = Page.objects.filter(pk__in=newest_pks).defer_streamfields().specific().in_bulk()
    return [pages[pk] for pk in newest_pks if pk in pages]


def _newest_published(model, root, count):
    """(first published, pk) of the newest `count` items of `model` below `root` that readers may see.

    Live pages are walked newest first through the first-published index, a growing window at a
    time, and each window is checked against `published()`. Asking `published()` for the newest
    directly made the database pick the display-date index, collect every published item and
    sort them all (20 ms against 2.5 ms at 10,000 articles on SQLite).
    """
    live_newest_first = (
        model.objects.live()
        .filter(path__startswith=root.path, first_published_at__isnull=False)
        .order_by("-first_published_at", "-pk")
    )
    found, offset, window = [], 0, count * 4
    while len(found) < count:
        candidates = list(live_newest_first.values_list("first_published_at", "pk")[offset : offset + window])
        visible = set(
            model.objects.published().filter(pk__in=[pk for _, pk in candidates]).values_list("pk", flat=True)
        )
        found += [candidate for candidate in candidates if candidate[1] in visible]
        if len(candidates) < window:
            break
        offset, window = offset + window, window * 2
    return found[:count]
