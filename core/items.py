"""The page types the site publishes as items (news articles today), as declared in
`settings.SITE_ITEM_PAGE_TYPES`: the home page's 最新发布 and the site-wide feed list them.

Each declared type's manager offers `published()`: its items that readers may see now.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from wagtail.models import Page


def site_item_models():
    return [apps.get_model(label) for label in settings.SITE_ITEM_PAGE_TYPES]


def published_items_below(root):
    """Every declared type's published items below `root`, as one Page queryset (unordered)."""
    condition = Q()
    for model in site_item_models():
        condition |= Q(pk__in=model.objects.published().filter(path__startswith=root.path).values("pk"))
    if not condition:
        return Page.objects.none()
    return Page.objects.filter(condition)
