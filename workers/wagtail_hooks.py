"""Admin menu for the worker vocabularies and the home-page block of featured workers."""

from django.db.models import F
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import site_cache

from .filters import with_card_data
from .models import HonourTitle, Industry, Region, WorkerIndexPage, WorkerPage

HOME_FEATURED_COUNT = 6


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class IndustryViewSet(VocabularyViewSet):
    model = Industry
    icon = "tag"


class RegionViewSet(VocabularyViewSet):
    model = Region
    icon = "site"


class HonourTitleViewSet(VocabularyViewSet):
    model = HonourTitle
    icon = "pick"
    list_display = ["name", "level", "slug", "sort_order"]
    list_filter = ["level"]


class WorkerVocabularyGroup(SnippetViewSetGroup):
    menu_label = "劳模词表"
    menu_icon = "list-ul"
    menu_order = 250
    items = (HonourTitleViewSet, IndustryViewSet, RegionViewSet)


register_snippet(WorkerVocabularyGroup)


@hooks.register("union_home_sections")
def workers_home_section(home_page, request):
    """A row of model workers on the front page: those marked 在首页展示 first, then the most
    recently honoured, so the row is always full. It changes only when pages are published
    (which replaces the site cache's version), so it is built once per change."""
    return site_cache.remember(f"workers-home:{home_page.pk}", lambda: _featured_workers_block(home_page))


def _featured_workers_block(home_page):
    # Ordered by id, not path: the database then starts from the one-row index table instead of walking
    # every page below home in path order.
    index = WorkerIndexPage.objects.live().public().descendant_of(home_page).order_by("pk").first()
    if index is None:
        return None
    profiles = WorkerPage.objects.child_of(index).live().public()
    ordering = (F("latest_honour_year").desc(nulls_last=True), "pinyin_key")
    items = list(with_card_data(profiles.filter(featured=True).order_by(*ordering))[:HOME_FEATURED_COUNT])
    if len(items) < HOME_FEATURED_COUNT:
        others = profiles.exclude(pk__in=[item.pk for item in items]).order_by(*ordering)
        items += list(with_card_data(others)[: HOME_FEATURED_COUNT - len(items)])
    if not items:
        return None
    return {
        "order": 40,
        "template": "components/home/workers_featured.html",
        "items": items,
        "index": index,
    }
