"""The reader's query on the directory: filters with counts, segmented text search, nearest first.

Every count is one grouped query per filter, whatever the number of organisations, so a page
costs the same handful of queries for 50 or 5,000 organisations (tests/directory: ≤ 15).
"""

import math
from dataclasses import dataclass

from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, Value
from django.http import QueryDict

from core.listing import Facet, Option, parse_choice_filters
from search.segmentation import MAX_QUERY_LENGTH, query_terms

from .models import UnionOrganisation
from .vocab import (
    COUNTY_TO_PREFECTURE,
    INDUSTRIES,
    LEVELS,
    PREFECTURE_CHOICES,
    PREFECTURE_SEATS,
    PREFECTURE_SHORT,
    REGIONS,
    WORKER_GROUPS,
)

# Qinghai and its neighbours; a location outside this box is not one we can sort by.
LATITUDE_RANGE = (30.0, 41.0)
LONGITUDE_RANGE = (88.0, 106.0)
EARTH_RADIUS_KM = 6371.0


def _county(value):
    return value if value in COUNTY_TO_PREFECTURE else None


FILTERS = [
    # (parameter, label, choices)
    ("region", "市州", PREFECTURE_CHOICES),
    ("county", "县区", None),  # choices follow the chosen 市州
    ("level", "层级", LEVELS),
    ("industry", "行业", INDUSTRIES),
    ("group", "接收职工", WORKER_GROUPS),
    ("online", "网上入会", [("1", "接受网上入会")]),
]
ALLOWED = {
    "region": {code for code, _ in PREFECTURE_CHOICES},
    "county": _county,
    "level": {code for code, _ in LEVELS},
    "industry": {code for code, _ in INDUSTRIES},
    "group": {code for code, _ in WORKER_GROUPS},
    "online": {"1"},
}


# The field each filter looks at; 网上入会 has one value, "1", and asks for a flag.
LOOKUPS = {
    "region": "prefecture",
    "county": "county",
    "level": "level",
    "industry": "industry",
    "group": "worker_groups__contains",
}


def condition(name, value):
    if name == "online":
        return Q(accepts_online=True)
    return Q(**{LOOKUPS[name]: value})


def text_condition(text):
    """Every word of the query must match a whole token of the organisation's search text
    (or, failing that, all of the word's parts do), as the site search matches its index."""
    result = Q()
    for term in query_terms(text):
        whole = Q(search_text__contains=f" {term.word} ")
        if term.parts:
            parts = Q()
            for part in term.parts:
                parts &= Q(search_text__contains=f" {part} ")
            whole |= parts
        result &= whole
    return result


def parse_location(request):
    """(lat, lng) from the GET parameters, or None; a note when they were given but unusable."""
    raw_lat, raw_lng = request.GET.get("lat", "").strip(), request.GET.get("lng", "").strip()
    if not raw_lat and not raw_lng:
        return None, None
    try:
        lat, lng = float(raw_lat[:20]), float(raw_lng[:20])
    except ValueError:
        return None, "未能识别所给的位置，已按默认顺序排列。"
    if not (
        math.isfinite(lat)
        and math.isfinite(lng)
        and LATITUDE_RANGE[0] <= lat <= LATITUDE_RANGE[1]
        and LONGITUDE_RANGE[0] <= lng <= LONGITUDE_RANGE[1]
    ):
        return None, "所给位置不在青海及周边，已按默认顺序排列。"
    return (round(lat, 4), round(lng, 4)), None


def distance_km(lat1, lng1, lat2, lng2):
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class DirectoryQuery:
    active: dict
    text: str
    location: tuple | None
    notes: list

    @classmethod
    def from_request(cls, request):
        parsed = parse_choice_filters(request, ALLOWED)
        active = dict(parsed.active)
        notes = list(parsed.notes)
        county = active.get("county")
        if county:
            prefecture = COUNTY_TO_PREFECTURE[county]
            if active.get("region", prefecture) != prefecture:
                notes.append(f"{county}不属于{active['region']}，已忽略县区条件。")
                del active["county"]
            else:
                active["region"] = prefecture
        text = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        location, note = parse_location(request)
        if note:
            notes.append(note)
        return cls(active=active, text=text, location=location, notes=notes)

    # -- URLs --------------------------------------------------------------
    def params(self, **changes):
        values = {"q": self.text, **self.active}
        if self.location:
            values["lat"], values["lng"] = (str(value) for value in self.location)
        values.update(changes)
        if "region" in changes:
            values.pop("county", None)
        query = QueryDict(mutable=True)
        for key, value in values.items():
            if value:
                query[key] = value
        return query.urlencode()

    def url_with(self, name, value):
        selected = self.active.get(name) == value
        return "?" + self.params(**{name: "" if selected else value})

    # -- querysets ---------------------------------------------------------
    def base_queryset(self):
        queryset = UnionOrganisation.objects.public()
        if self.text:
            queryset = queryset.filter(text_condition(self.text))
        return queryset

    def filtered(self, queryset, skip=None):
        for name, value in self.active.items():
            if name != skip:
                queryset = queryset.filter(condition(name, value))
        return queryset

    def results(self):
        queryset = self.filtered(self.base_queryset()).select_related("parent")
        if self.location:
            lat, lng = self.location
            # Ordering by an equirectangular approximation is exact enough to rank within a province
            # and is plain arithmetic on every database; the page shows the haversine distance.
            scale = math.cos(math.radians(lat))
            dx = ExpressionWrapper((F("longitude") - Value(lng)) * Value(scale), output_field=FloatField())
            dy = ExpressionWrapper(F("latitude") - Value(lat), output_field=FloatField())
            # Organisations without a location come last.
            queryset = queryset.annotate(
                distance_rank=ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())
            )
            return queryset.order_by(F("distance_rank").asc(nulls_last=True), "pk")
        return queryset.order_by("tree_path")

    def facets(self):
        """Each filter's options with the number of organisations it would leave, given the others."""
        base = self.base_queryset()
        facets = []
        for name, label, choices in FILTERS:
            if name == "county":
                region = self.active.get("region")
                if not region:
                    continue
                choices = [(county, county) for county in REGIONS[region]]
            queryset = self.filtered(base, skip=name)
            if name == "group":
                counts = queryset.aggregate(
                    **{code: Count("pk", filter=Q(worker_groups__contains=code)) for code, _ in choices}
                )
            elif name == "online":
                counts = queryset.aggregate(**{"1": Count("pk", filter=Q(accepts_online=True))})
            else:
                column = {"region": "prefecture"}.get(name, name)
                counts = dict(queryset.order_by().values_list(column).annotate(n=Count("pk")))
            facet = Facet(name, label)
            for value, option_label in choices:
                selected = self.active.get(name) == value
                count = counts.get(value, 0)
                if count or selected:
                    facet.options.append(
                        Option(value, option_label, count, selected, self.url_with(name, value))
                    )
            facets.append(facet)
        return facets


def with_distances(organisations, location):
    """Attach `distance` (km, haversine) to each organisation; None without a location."""
    for organisation in organisations:
        organisation.distance = None
        if location and organisation.latitude is not None and organisation.longitude is not None:
            organisation.distance = distance_km(
                location[0], location[1], float(organisation.latitude), float(organisation.longitude)
            )
    return organisations


# The schematic map: Qinghai's extent (89.4–103.1°E, 31.6–39.2°N) on a 310 × 150 viewBox, north up.
MAP_WEST, MAP_NORTH, MAP_SCALE = 88.5, 39.5, 19.0
# Where each label sits beside its dot (dx, dy, text-anchor): the eastern seats are close together.
MAP_LABELS = {
    "西宁市": (8, -6, "start"),
    "海东市": (4, 14, "start"),
    "海北藏族自治州": (0, -9, "middle"),
    "海南藏族自治州": (-2, 14, "end"),
    "黄南藏族自治州": (0, 16, "middle"),
    "果洛藏族自治州": (0, 16, "middle"),
    "玉树藏族自治州": (0, 16, "middle"),
    "海西蒙古族藏族自治州": (0, -9, "middle"),
}


def region_map(query, facets):
    """Points for the 市州 map: position, label, count and the filter link (same as the facet's)."""
    region = next((facet for facet in facets if facet.name == "region"), None)
    options = {option.value: option for option in region.options} if region else {}
    points = []
    for name, (lat, lng) in PREFECTURE_SEATS.items():
        option = options.get(name)
        points.append(
            {
                "name": name,
                "label": PREFECTURE_SHORT[name],
                "x": round((lng - MAP_WEST) * MAP_SCALE, 1),
                "y": round((MAP_NORTH - lat) * MAP_SCALE, 1),
                "dx": MAP_LABELS[name][0],
                "dy": MAP_LABELS[name][1],
                "anchor": MAP_LABELS[name][2],
                "count": option.count if option else 0,
                "selected": bool(option and option.selected),
                "url": option.url if option else query.url_with("region", name),
            }
        )
    return points
