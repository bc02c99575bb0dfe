"""The reader's search filters: content type, news section, date range.

Every filter maps onto a field Wagtail indexes as a FilterField (content_type,
path, first_published_at), so the same filtered queryset works with the
database backend and with Elasticsearch/OpenSearch. Bad values are ignored and
reported in `notes`, never a 500.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.listing import parse_choice_filters
from sitecache import cache as site_cache

# Reader-facing content types: key in the URL -> (label, page models).
CONTENT_TYPES = {
    "news": ("新闻", ["news.ArticlePage"]),
    "workers": ("劳模", ["workers.WorkerPage"]),
    "campaigns": ("专题", ["campaigns.CampaignPage"]),
}
SECTION_MODEL = "news.NewsSectionPage"
MAX_SECTIONS = 200
EARLIEST_DATE = datetime.date(1990, 1, 1)


def existing_models(labels):
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def content_type_choices():
    return {key: label for key, (label, models) in CONTENT_TYPES.items() if existing_models(models)}


@dataclass(frozen=True)
class SectionChoice:
    pk: int
    title: str
    path: str


def section_choices(site_root):
    """Live, public news sections under the site, from the site cache (the query walks the
    page tree; any page change replaces the cache's version, in every server process)."""
    models = existing_models([SECTION_MODEL])
    if not models or site_root is None:
        return []

    def build():
        sections = models[0].objects.live().public().descendant_of(site_root).order_by("path")
        return [
            SectionChoice(pk, title, path)
            for pk, title, path in sections.values_list("pk", "title", "path")[:MAX_SECTIONS]
        ]

    return site_cache.remember(f"search-sections:{site_root.pk}", build)


def parse_date(value):
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    if not EARLIEST_DATE <= parsed <= datetime.date(2100, 12, 31):
        return None
    return parsed


@dataclass
class SearchFilters:
    content_type: str = ""
    section: SectionChoice | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    notes: list = field(default_factory=list)

    @property
    def active(self):
        return bool(self.content_type or self.section or self.date_from or self.date_to)

    def as_query_params(self):
        params = {}
        if self.content_type:
            params["type"] = self.content_type
        if self.section:
            params["section"] = str(self.section.pk)
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        return params

    def apply(self, queryset):
        if self.content_type:
            _label, labels = CONTENT_TYPES[self.content_type]
            models = existing_models(labels)
            type_ids = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
            queryset = queryset.filter(content_type__in=type_ids)
        if self.section:
            queryset = queryset.filter(path__startswith=self.section.path).exclude(pk=self.section.pk)
        tz = timezone.get_current_timezone()
        if self.date_from:
            start = datetime.datetime.combine(self.date_from, datetime.time.min, tzinfo=tz)
            queryset = queryset.filter(first_published_at__gte=start)
        if self.date_to:
            end = datetime.datetime.combine(
                self.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
            )
            queryset = queryset.filter(first_published_at__lt=end)
        return queryset


def parse_filters(request, sections):
    section_ids = {str(section.pk): section for section in sections}
    choices = parse_choice_filters(
        request,
        {
            "type": set(content_type_choices()),
            "section": lambda value: section_ids.get(value),
            "from": parse_date,
            "to": parse_date,
        },
    )
    labels = {"type": "类型", "section": "栏目", "from": "起始日期", "to": "截止日期"}
    notes = [f"已忽略无法识别的{labels.get(name, name)}：{value}" for name, value in choices.ignored]
    active = choices.active
    filters = SearchFilters(
        content_type=active.get("type", ""),
        section=active.get("section"),
        date_from=active.get("from"),
        date_to=active.get("to"),
        notes=notes,
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.date_from, filters.date_to = filters.date_to, filters.date_from
        filters.notes.append("起始日期晚于截止日期，已为您对调。")
    return filters
