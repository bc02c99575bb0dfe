"""Pagination and filter parsing shared by every listing on the site.

Section pages, tag pages, archives, campaign news and the model-worker index
all page through a queryset the same way, and the feed of a listing is built
from the same queryset, so this is the one place that decides what bad input
(`?page=abc`, `?page=0`, `?page=99999`) does.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404

from sitecache.listing import CachedCountPaginator

# A page number beyond this is not a real page of any listing we have.
MAX_PAGE_NUMBER = 100_000


def parse_page_number(raw):
    """Return a 1-based page number; garbage and values below 1 mean the first page."""
    if raw is None:
        return 1
    raw = str(raw).strip()
    if not (raw.isascii() and raw.isdigit()):
        return 1
    if len(raw) > 6:
        return MAX_PAGE_NUMBER + 1
    return max(int(raw), 1)


def paginate(request, queryset, per_page=20, param="page", count_name=None):
    """Page through `queryset`; a page past the end is a 404, never a 500.

    `count_name` names the listing (its page and filters: it must change whenever
    they do); its item count is then kept for a minute in the site cache."""
    if count_name is None:
        paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    else:
        paginator = CachedCountPaginator(
            queryset, per_page, count_name=count_name, allow_empty_first_page=True
        )
    number = parse_page_number(request.GET.get(param))
    try:
        return paginator.page(number)
    except EmptyPage as exc:
        raise Http404("没有这一页：页码超出了范围。") from exc


def page_range_with_gaps(page_obj, around=2, edge=1):
    """Numbers for numbered pagination, with None where a gap (…) goes."""
    total = page_obj.paginator.num_pages
    current = page_obj.number
    shown = set(range(1, min(edge, total) + 1))
    shown |= set(range(max(total - edge + 1, 1), total + 1))
    shown |= set(range(max(current - around, 1), min(current + around, total) + 1))
    result, previous = [], 0
    for number in sorted(shown):
        if number - previous > 1:
            result.append(None)
        result.append(number)
        previous = number
    return result


@dataclass
class Option:
    """One value of a faceted filter, with how many items it would show."""

    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    """A faceted filter (the 劳模 index, 找工会): its options with their counts."""

    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return next((option for option in self.options if option.selected), None)


@dataclass
class FilterResult:
    """What a listing understood of its query string."""

    active: dict = field(default_factory=dict)
    ignored: list = field(default_factory=list)

    @property
    def notes(self):
        return [f"已忽略无法识别的筛选条件：{name}={value}" for name, value in self.ignored]


def parse_choice_filters(request, allowed, max_value_length=64):
    """Keep the query parameters whose value is one of `allowed[name]`.

    `allowed` maps a parameter name to a collection of accepted string values
    (or a callable that validates one value and returns the cleaned value or
    None). Anything else is reported in `ignored`, so the page can tell the
    reader instead of failing.
    """
    result = FilterResult()
    for name, accepted in allowed.items():
        for value in request.GET.getlist(name):
            value = value.strip()
            if not value:
                continue
            if len(value) > max_value_length:
                result.ignored.append((name, value[:max_value_length] + "…"))
                continue
            cleaned = accepted(value) if callable(accepted) else (value if value in accepted else None)
            if cleaned is None:
                result.ignored.append((name, value))
            else:
                result.active[name] = cleaned
    return result


class ListingMixin:
    """For page types that list other pages.

    Subclasses implement `get_listing_queryset(request)`: the live, public
    items of the listing, newest first. The page's template gets `listing`
    (a Django Page object) and `page_numbers`; feeds reuse the same queryset.
    """

    listing_per_page = 20
    # Browsers revalidate listings (a 304 when nothing changed): a reader who follows a
    # notification to a section, the 劳模 index or a 专题 must see the new item at once. The
    # CDN keeps them for PAGE_CACHE_SECONDS and publishing purges it. Comes before BasePage
    # in every listing's bases, so this wins over its one-minute default.
    browser_cache_seconds = 0

    def get_listing_queryset(self, request):
        raise NotImplementedError

    def get_listing_context(self, request, queryset=None, count_name=None):
        """`count_name`: see `paginate()`; a page type names its listings to have their counts cached."""
        if queryset is None:
            queryset = self.get_listing_queryset(request)
        listing = paginate(request, queryset, self.listing_per_page, count_name=count_name)
        return {"listing": listing, "page_numbers": page_range_with_gaps(listing)}
