"""Template tags for the site chrome: menu, breadcrumbs and meta tags."""

from django import template
from wagtail.models import Page, Site

from home.models import SiteSettings

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Children of the site's home page marked 'show in menus', memoised per request."""
    request = context.get("request")
    cached = getattr(request, "_union_main_menu", None)
    if cached is not None:
        return cached
    root = _site_root(request)
    items = (
        list(root.get_children().live().public().in_menu().only("id", "title", "url_path", "path", "depth"))
        if root
        else []
    )
    if request is not None:
        request._union_main_menu = items
    return items


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors from the home page down to (not including) `page`."""
    page = page or context.get("page")
    request = context.get("request")
    root = _site_root(request)
    if not isinstance(page, Page) or root is None or page.depth <= root.depth:
        return []
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=root.depth)
        .only("id", "title", "url_path", "path", "depth")
        .order_by("depth")
    )


@register.simple_tag(takes_context=True)
def government_meta(context, page=None):
    """(name, content) pairs of the 政府网站网页设计规范 meta tags for `page`."""
    page = page or context.get("page")
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if hasattr(page, "get_government_meta"):
        return page.get_government_meta(site_settings)
    name = getattr(site_settings, "site_name", "") if site_settings else ""
    return [("SiteName", name)] if name else []


@register.filter
def is_active_for(menu_page, page):
    """True when `page` is `menu_page` or lies beneath it."""
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_page.path)
