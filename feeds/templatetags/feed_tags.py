"""Feed discovery for every page: `{% nearest_feeds as feeds %}`."""

from django import template

from feeds.registry import nearest_feed_links

register = template.Library()


@register.simple_tag(takes_context=True)
def nearest_feeds(context):
    """The feed links for the page being shown.

    A route that renders a sub-listing (a tag page, say) may put its own
    `feed_links` in the context; otherwise the page's own feed, its nearest
    ancestor's, or the site feed.
    """
    if context.get("feed_links"):
        return context["feed_links"]
    return nearest_feed_links(context.get("page"), context.get("request"))
