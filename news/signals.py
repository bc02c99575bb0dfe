"""Keep cached listings fresh: publishing or unpublishing an article purges the pages that list it.

Wagtail's frontend cache integration purges the article itself; its section,
the parent section, the news index (latest, tags, archives) and the home page
list it too and would otherwise stay stale for up to PAGE_CACHE_SECONDS.
"""

from urllib.parse import quote

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import Tag
from wagtail.contrib.frontend_cache import utils as frontend_cache
from wagtail.signals import page_published, page_unpublished

from sitecache.cache import bump_version

from .models import ArticlePage, LegacyTagSlug, NewsIndexPage
from .tags import give_pinyin_slug


def purge_listings(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    ancestors = list(instance.get_ancestors().filter(depth__gt=1).specific())
    indexes = list(
        NewsIndexPage.objects.live().filter(path__startswith=instance.path[: instance.steplen * 2])
    )
    frontend_cache.purge_pages_from_cache(ancestors + indexes)
    urls = []
    for index in indexes:
        base = index.full_url or ""
        date = instance.display_date
        if base and date:
            urls += [f"{base}{date:%Y}/", f"{base}{date:%Y}/{date.month}/"]
        urls += [f"{base}tags/{quote(tag.slug)}/" for tag in instance.tags.all() if base]
    if urls:
        frontend_cache.purge_urls_from_cache(urls)


def forget_tag(sender, **kwargs):
    # Tag pages, article tags and feeds show tag names; the site cache keeps them (see NewsIndexPage.get_tag).
    bump_version()


def remember_previous_slug(sender, instance, raw=False, **kwargs):
    """A tag's former address (see news.tags) redirects to its new one."""
    previous = getattr(instance, "_previous_slug", None)
    if raw or not previous:
        return
    LegacyTagSlug.objects.update_or_create(slug=previous, defaults={"tag": instance})
    LegacyTagSlug.objects.filter(slug=instance.slug).delete()
    del instance._previous_slug


def connect():
    pre_save.connect(give_pinyin_slug, sender=Tag, dispatch_uid="news-tag-pinyin-slug")
    post_save.connect(remember_previous_slug, sender=Tag, dispatch_uid="news-tag-previous-slug")
    for signal in (post_save, post_delete):
        signal.connect(forget_tag, sender=Tag, dispatch_uid=f"news-tag-{signal}")

    page_published.connect(purge_listings, sender=ArticlePage, dispatch_uid="news-purge-published")
    page_unpublished.connect(purge_listings, sender=ArticlePage, dispatch_uid="news-purge-unpublished")
