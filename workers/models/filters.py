"""Combinable filters of the 劳模风采 index, each value with its count.

Every filter lives in the query string (`?level=national&region=xining&sort=name`),
so a filtered view can be shared and bookmarked. Counts follow the usual
faceted-search rule: the counts of one filter are computed with all the *other*
active filters applied, so a reader can switch between its values. The three
honour filters (level, title, year) describe one and the same honour: "国家级 +
2020" finds workers who received a national honour in 2020.

The number of queries is fixed: three vocabulary lists (site cache), one grouped count for the
four profile filters together and one per honour filter, and the page of results
with its honours and portraits prefetched. The counts depend only on the profiles
and their honours, which change only with a page: the index keeps them in the
site cache (`sitecache.cache`) per combination of filters, so a reader paging or
re-sorting, and every reader of the unfiltered index, costs none of those queries.
"""

from collections import Counter
from urllib.parse import urlencode

from django.db.models import Count

from core.listing import Facet, Option, parse_choice_filters
from sitecache import cache as site_cache

from .choices import ETHNICITY_CHOICES, Gender, HonourLevel
from .honours import FIRST_HONOUR_YEAR, LAST_HONOUR_YEAR, WorkerHonour
from .vocabularies import HonourTitle, Industry, Region

SORTS = {"recent": "最近获奖", "name": "姓名拼音"}
DEFAULT_SORT = "recent"
SORT_PARAM = "sort"

# Query parameter -> (label, field on WorkerPage or on WorkerHonour, applies to honours?)
PROFILE_FIELDS = {
    "industry": "industry_id",
    "region": "region_id",
    "ethnicity": "ethnicity",
    "gender": "gender",
}
HONOUR_FIELDS = {"level": "level", "title": "title_id", "year": "year"}
LABELS = {
    "level": "荣誉级别",
    "title": "荣誉称号",
    "year": "获奖年份",
    "industry": "所属行业",
    "region": "地区",
    "ethnicity": "民族",
    "gender": "性别",
}
FILTER_ORDER = ["level", "title", "year", "industry", "region", "ethnicity", "gender"]


def parse_year(value):
    """'2020' -> 2020; anything that is not a plausible award year -> None."""
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        return None
    year = int(value)
    return year if FIRST_HONOUR_YEAR <= year <= LAST_HONOUR_YEAR else None


class WorkerFilters:
    def __init__(self, request, profiles, cache_name=None):
        """`cache_name` names the listing (its index page): its counts are then kept in the site cache."""
        self.request = request
        self.profiles = profiles
        self.cache_name = cache_name
        # The three lists change only with a vocabulary, which replaces the site cache's version.
        self.titles, self.industries, self.regions = site_cache.remember(
            "worker-vocabularies",
            lambda: tuple(list(model.objects.all()) for model in (HonourTitle, Industry, Region)),
        )
        self.ids_by_slug = {
            "title": {item.slug: item.pk for item in self.titles},
            "industry": {item.slug: item.pk for item in self.industries},
            "region": {item.slug: item.pk for item in self.regions},
        }
        allowed = {
            "level": set(HonourLevel.values),
            "title": self.ids_by_slug["title"].keys(),
            "year": parse_year,
            "industry": self.ids_by_slug["industry"].keys(),
            "region": self.ids_by_slug["region"].keys(),
            "ethnicity": {value for value, _label in ETHNICITY_CHOICES},
            "gender": set(Gender.values),
        }
        parsed = parse_choice_filters(request, allowed)
        # URL value (slug, code or year) of every understood filter, in display order.
        self.active = {name: parsed.active[name] for name in FILTER_ORDER if name in parsed.active}
        self.notes = [f"已忽略无法识别的筛选条件：{LABELS[name]}“{value}”" for name, value in parsed.ignored]
        raw_sort = request.GET.get(SORT_PARAM, "").strip()
        self.sort = raw_sort if raw_sort in SORTS else DEFAULT_SORT
        if raw_sort and raw_sort not in SORTS:
            self.notes.append(f"已忽略无法识别的排序方式“{raw_sort[:64]}”，按{SORTS[DEFAULT_SORT]}排序。")

    # --- querying ---------------------------------------------------------------------------

    def db_value(self, name, value):
        """The stored value for a URL value: slugs become ids."""
        return self.ids_by_slug[name][value] if name in self.ids_by_slug else value

    def honour_conditions(self, exclude=()):
        exclude = {exclude} if isinstance(exclude, str) else set(exclude)
        return {
            HONOUR_FIELDS[name]: self.db_value(name, value)
            for name, value in self.active.items()
            if name in HONOUR_FIELDS and name not in exclude
        }

    def matching(self, exclude=(), honours=True):
        """Profiles matching the active filters except those named in `exclude` (and the honour
        filters unless `honours`)."""
        exclude = {exclude} if isinstance(exclude, str) else set(exclude)
        profiles = self.profiles.filter(
            **{
                PROFILE_FIELDS[name]: self.db_value(name, value)
                for name, value in self.active.items()
                if name in PROFILE_FIELDS and name not in exclude
            }
        )
        conditions = self.honour_conditions(exclude) if honours else {}
        if conditions:
            profiles = profiles.filter(pk__in=WorkerHonour.objects.filter(**conditions).values("page_id"))
        return profiles

    def results(self):
        return self.matching().ordered(self.sort).with_card_data()

    def profile_groups(self):
        """Profiles passing the honour filters, grouped by their four profile facts (one query).

        Each profile filter's counts are sums over these groups, so the four of them cost a
        single grouped query instead of one join over the page tree each.
        """
        if not hasattr(self, "_profile_groups"):
            columns = list(PROFILE_FIELDS.values())
            rows = self.matching(exclude=PROFILE_FIELDS).order_by().values(*columns).annotate(n=Count("pk"))
            self._profile_groups = [
                ({name: row[column] for name, column in PROFILE_FIELDS.items()}, row["n"]) for row in rows
            ]
        return self._profile_groups

    def counts(self, name):
        """{stored value: number of profiles} for one filter, the others applied."""
        if name in PROFILE_FIELDS:
            others = {
                other: self.db_value(other, value)
                for other, value in self.active.items()
                if other in PROFILE_FIELDS and other != name
            }
            counts = Counter()
            for facts, number in self.profile_groups():
                if all(facts[other] == value for other, value in others.items()):
                    counts[facts[name]] += number
        else:
            column = HONOUR_FIELDS[name]
            rows = (
                WorkerHonour.objects.filter(
                    page__in=self.matching(honours=False).values("pk"), **self.honour_conditions(exclude=name)
                )
                .order_by()
                .values(column)
                .annotate(n=Count("page_id", distinct=True))
            )
            counts = {row[column]: row["n"] for row in rows}
        return {value: number for value, number in counts.items() if value is not None}

    def all_counts(self):
        """{filter: counts(filter)} for every filter, from the site cache when the listing is named."""

        def build():
            return {name: self.counts(name) for name in FILTER_ORDER}

        if self.cache_name is None:
            return build()
        return site_cache.remember(f"worker-facet-counts:{self.cache_name}:{self.filter_key()}", build)

    def filter_key(self):
        """The understood filters (not the sort or page): what the counts and the result count depend on."""
        return urlencode(self.active)

    # --- presenting -------------------------------------------------------------------------

    def choices(self, name):
        """(URL value, stored value, label) of every value a filter can take, in display order."""
        if name == "level":
            return [(value, value, label) for value, label in HonourLevel.choices]
        if name in self.ids_by_slug:
            items = {"title": self.titles, "industry": self.industries, "region": self.regions}[name]
            return [(item.slug, item.pk, item.name) for item in items]
        if name == "ethnicity":
            return [(value, value, label) for value, label in ETHNICITY_CHOICES]
        if name == "gender":
            return [(value, value, label) for value, label in Gender.choices]
        raise KeyError(name)

    def facets(self):
        facets = []
        all_counts = self.all_counts()
        for name in FILTER_ORDER:
            counts = all_counts[name]
            if name == "year":
                years = sorted(set(counts) | ({self.active["year"]} if "year" in self.active else set()))
                choices = [(str(year), year, f"{year}年") for year in reversed(years)]
            else:
                choices = self.choices(name)
            facet = Facet(name=name, label=LABELS[name])
            for url_value, stored, label in choices:
                selected = str(self.active.get(name, "")) == url_value
                count = counts.get(stored, 0)
                if count or selected:
                    facet.options.append(
                        Option(
                            url_value,
                            label,
                            count,
                            selected,
                            self.url_with(name, None if selected else url_value),
                        )
                    )
            facets.append(facet)
        return facets

    def params(self, **changes):
        params = {name: str(value) for name, value in self.active.items()}
        if self.sort != DEFAULT_SORT:
            params[SORT_PARAM] = self.sort
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        if params.get(SORT_PARAM) == DEFAULT_SORT:
            params.pop(SORT_PARAM)
        return params

    def url_with(self, name, value):
        """Link to this listing with filter `name` set to `value` (None removes it), back on page 1."""
        query = urlencode(self.params(**{name: value}))
        return f"?{query}" if query else self.request.path

    def query_string(self):
        """The current filters and sort, for the pagination links."""
        return urlencode(self.params())

    def sort_options(self):
        return [
            (value, label, value == self.sort, self.url_with(SORT_PARAM, value))
            for value, label in SORTS.items()
        ]

    def active_filters(self):
        """(filter label, value label, link that removes it) for the chips above the grid."""
        labels = {}
        for name, value in self.active.items():
            if name == "year":
                labels[name] = f"{value}年"
            else:
                labels[name] = next(
                    label for url_value, _s, label in self.choices(name) if url_value == value
                )
        return [(LABELS[name], labels[name], self.url_with(name, None)) for name in self.active]

    @property
    def is_filtered(self):
        return bool(self.active)
