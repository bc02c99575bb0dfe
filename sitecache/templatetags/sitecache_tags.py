"""`{% sitefragment %}`: markup rendered once per change to the site and reused."""

from django import template
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key

from sitecache import cache as site_cache

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, per_minute):
        self.nodelist, self.name, self.vary_on, self.per_minute = nodelist, name, vary_on, per_minute

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or not site_cache.enabled():
            return self.nodelist.render(context)
        values = [variable.resolve(context) for variable in self.vary_on]
        if any(value is None for value in values):
            # Nothing to tell one use from another (e.g. no page): render it afresh.
            return self.nodelist.render(context)
        vary_on = [site_cache.current_version(), *values]
        if self.per_minute:
            vary_on.append(site_cache.current_minute())
        key = make_template_fragment_key(self.name, vary_on)
        # Markup is a string nobody changes: this process keeps its own copy of the busiest ones.
        html = site_cache.process_copies.get(key)
        if html is None:
            fragment_cache = _fragment_cache()
            html = fragment_cache.get(key)
            if html is None:
                html = self.nodelist.render(context)
                fragment_cache.set(key, html, site_cache.cache_seconds())
            site_cache.process_copies.put(key, html)
        return html


def _fragment_cache():
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


@register.tag
def sitefragment(parser, token):
    """Render the enclosed HTML once per change to the site (`sitecache.cache`) and reuse it.

        {% sitefragment "name" var1 var2 %}…{% endsitefragment %}
        {% sitefragment "name" var1 per_minute %}…{% endsitefragment %}

    For markup that is the same for every reader of the given variables. A reader's
    display choice (关怀模式, text size) may be one of them; nothing else from the
    reader's cookies or session may reach the markup. `per_minute` also renews it
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
