"""Template tags for the site chrome: menu, breadcrumbs, meta tags and cached fragments."""

import time

from django import template
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from wagtail.models import Page, Site

from home import site_cache
from home.models import SiteSettings

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


class SiteFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, per_minute):
        self.nodelist, self.name, self.vary_on, self.per_minute = nodelist, name, vary_on, per_minute

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = [variable.resolve(context) for variable in self.vary_on]
        if any(value is None for value in values):
            # Nothing to tell one use from another (e.g. no page): render it afresh.
            return self.nodelist.render(context)
        vary_on = [site_cache.current_version(), *values]
        if self.per_minute:
            vary_on.append(int(time.time() // 60))
        key = make_template_fragment_key(self.name, vary_on)
        fragment_cache = _fragment_cache()
        html = fragment_cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            fragment_cache.set(key, html, site_cache.cache_seconds())
        return html


def _fragment_cache():
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


@register.tag
def sitefragment(parser, token):
    """Render the enclosed HTML once per change to the site (`home.site_cache`) and reuse it.

        {% sitefragment "name" var1 var2 %}…{% endsitefragment %}
        {% sitefragment "name" var1 per_minute %}…{% endsitefragment %}

    For markup that is the same for every reader of the given variables (never
    anything from the reader's cookies or session). `per_minute` also renews it
    every minute, for listings that items dated in the future join when their
    minute comes. An editor's preview is never cached, and neither is a use
    where one of the variables is None (nothing to key it on).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("sitefragment needs a name")
    per_minute = bits[-1] == "per_minute"
    if per_minute:
        bits = bits[:-1]
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endsitefragment",))
    parser.delete_first_token()
    return SiteFragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]], per_minute)


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
