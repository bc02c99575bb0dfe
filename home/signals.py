"""What replaces the site cache's version (`home.site_cache`): any change to a page,
its place in the tree, a view restriction, a site or the site settings."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .site_cache import bump_version


def on_page_saved(sender, instance, **kwargs):
    # Any page type: post_save is sent with the concrete class as sender.
    if isinstance(instance, Page):
        bump_version()


def on_change(sender, **kwargs):
    bump_version()


def on_settings_saved(sender, instance, created, **kwargs):
    # Wagtail creates the settings row, with its defaults, the first time a page asks for it:
    # nothing cached so far depended on it, and a page view should not empty the cache.
    if not created:
        bump_version()


def connect():
    from .models import SiteSettings

    post_save.connect(on_page_saved, dispatch_uid="home-site-cache-page-saved")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_change, dispatch_uid=f"home-site-cache-{id(signal)}")
    post_delete.connect(on_change, sender=Page, dispatch_uid="home-site-cache-page-deleted")
    for model in (PageViewRestriction, Site, SiteSettings):
        post_delete.connect(on_change, sender=model, dispatch_uid=f"home-site-cache-{model.__name__}-deleted")
    for model in (PageViewRestriction, Site):
        post_save.connect(on_change, sender=model, dispatch_uid=f"home-site-cache-{model.__name__}-saved")
    post_save.connect(on_settings_saved, sender=SiteSettings, dispatch_uid="home-site-cache-settings-saved")
