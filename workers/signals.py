"""The vocabularies (行业, 地区, 荣誉称号) are snippets, not pages: changing one replaces the site
cache's version too, because the 劳模 index keeps its filter lists, counts and portrait cards there."""

from django.db.models.signals import post_delete, post_save

from sitecache.cache import bump_version

from .models import HonourTitle, Industry, Region


def forget_vocabulary(sender, **kwargs):
    bump_version()


def connect():
    for model in (HonourTitle, Industry, Region):
        for signal in (post_save, post_delete):
            signal.connect(forget_vocabulary, sender=model, dispatch_uid=f"workers-{model.__name__}-{signal}")
