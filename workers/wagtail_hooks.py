"""Admin menu for the worker vocabularies."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import HonourTitle, Industry, Region


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
