from wagtail import hooks

from .signals import FEED_PURGE_HOOK
from .tags import tag_feed_urls


@hooks.register(FEED_PURGE_HOOK)
def purge_tag_feeds(page, feed_pages):
    """The tag listings and tag feeds of the page's tags, on every page that has tag feeds."""
    tags = getattr(page, "tags", None)
    if tags is None or not hasattr(tags, "all"):
        return []
    slugs = [tag.slug for tag in tags.all()]
    urls = []
    for feed_page in feed_pages:
        urls += tag_feed_urls(feed_page, slugs)
    return urls
