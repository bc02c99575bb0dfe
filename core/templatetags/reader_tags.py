"""Template tags for readers' display choices (关怀模式, text size)."""

from django import template

from core.display import TEXT_SIZES, reader_display
from sitecache import cache as site_cache

register = template.Library()

TEXT_SIZE_LABELS = {"large": "大", "medium": "中", "small": "小"}


@register.simple_tag(takes_context=True)
def display_choices(context):
    """{"care_mode": bool, "text_size": str} from the reader's cookies."""
    return reader_display(context.get("request"))


@register.simple_tag(takes_context=True)
def text_size_options(context):
    """(value, label, is_current) for the 大/中/小 switch, largest first as Chinese sites show it."""
    current = reader_display(context.get("request"))["text_size"]
    return [(size, TEXT_SIZE_LABELS[size], size == current) for size in reversed(TEXT_SIZES)]


@register.simple_tag(takes_context=True)
def page_own_path(context):
    """The request's path when it is the page's own address with no query string, else None.

    The display forms carry the address to return to, so their markup is kept per address:
    only then, so that it is one copy per page and display choice, not one per query string
    or per address a routable page answers (`{% sitefragment %}` renders afresh on None)."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None or request.META.get("QUERY_STRING"):
        return None
    # Asked by the header and by the article's tools: the page's URL is worked out once.
    known = getattr(request, "_page_own_path", None)
    if known is not None and known[0] is page:
        return known[1]
    get_url = getattr(page, "get_url", None)
    if get_url is None or page.pk is None:
        return None
    # Working out a page's URL walks the site's root paths: kept per page and host.
    page_url = site_cache.remember(
        f"page-url:{page.pk}:{request.get_host()}", lambda: get_url(request=request), keep_in_process=True
    )
    own_path = request.path if page_url == request.path else None
    request._page_own_path = (page, own_path)
    return own_path
