"""Template tags for the site chrome (menu, breadcrumbs, meta tags) and the home page's blocks."""

from django import template
from wagtail.models import Page, Site

from home import sections
from home.models import SiteSettings
from sitecache import cache as site_cache

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


# What a link to a page needs (titles and URLs); menus and breadcrumbs load nothing else.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id")


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Children of the site's home page marked 'show in menus' (from the site cache)."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    return site_cache.remember(
        f"main-menu:{root.pk}",
        # Wagtail's children query walks every page below the home page when the
        # path index is used for its range: fine once per change, not per request.
        lambda: list(root.get_children().live().public().in_menu().only(*LINK_FIELDS)),
    )


@register.simple_tag(takes_context=True)
def menu_position(context):
    """What the main navigation's markup depends on besides the site: which menu item `page` is or
    lies under, and whether it is the home page. A key for `{% sitefragment %}` (never None).

    Menu items are the home page's children, so a page's path up to their depth names the item it
    lies under (`is_active_for`), and the page is the item itself when its path ends there.
    """
    page = context.get("page")
    root = _site_root(context.get("request"))
    if not isinstance(page, Page) or root is None or not page.path:
        return "-"
    item_path_length = (root.depth + 1) * Page.steplen
    return f"{page.depth == 2:d}:{page.path[:item_path_length]}:{len(page.path) == item_path_length:d}"


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors from the home page down to (not including) `page` (from the site cache)."""
    page = page or context.get("page")
    request = context.get("request")
    root = _site_root(request)
    if not isinstance(page, Page) or root is None or not page.depth or page.depth <= root.depth:
        return []

    def ancestors():
        return list(
            Page.objects.ancestor_of(page).filter(depth__gte=root.depth).only(*LINK_FIELDS).order_by("depth")
        )

    if not page.pk:  # the preview of a page not saved yet
        return ancestors()
    return site_cache.remember(f"breadcrumbs:{root.pk}:{page.pk}", ancestors)


@register.simple_tag(takes_context=True)
def government_meta(context, page=None):
    """(name, content) pairs of the 政府网站网页设计规范 meta tags for `page`."""
    page = page or context.get("page")
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else None
    if hasattr(page, "get_government_meta"):
        return page.get_government_meta(site_settings, context.flatten())
    name = getattr(site_settings, "site_name", "") if site_settings else ""
    return [("SiteName", name)] if name else []


@register.filter
def is_active_for(menu_page, page):
    """True when `page` is `menu_page` or lies beneath it."""
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_page.path)


@register.simple_tag
def home_sections(home_page):
    """The blocks of `settings.HOME_PAGE_SECTIONS` that have something to show, in order."""
    return sections.home_sections(home_page)


@register.simple_tag
def latest_items(home_page):
    return sections.latest_items(home_page)
