"""What replaces the site cache's version (`sitecache.cache`): any change to a page,
its place in the tree, a view restriction, a site or a site setting."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_version


def on_saved(sender, instance, created, **kwargs):
    # Any page type: post_save is sent with the concrete class as sender.
    if isinstance(instance, Page | PageViewRestriction | Site):
        bump_version()
    elif isinstance(instance, BaseSiteSetting) and not created:
        # Wagtail creates a settings row, with its defaults, the first time a page asks for it:
        # nothing cached so far depended on it, and a page view should not empty the cache.
        bump_version()


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site | BaseSiteSetting):
        bump_version()


def on_change(sender, **kwargs):
    bump_version()


def connect():
    post_save.connect(on_saved, dispatch_uid="sitecache-saved")
    post_delete.connect(on_deleted, dispatch_uid="sitecache-deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_change, dispatch_uid=f"sitecache-{id(signal)}")
