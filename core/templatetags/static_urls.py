"""`{% load static_urls %}`: Django's `{% static %}`, each path's URL worked out once per process.

Django's tag asks `apps.is_installed("django.contrib.staticfiles")` (a walk over every app) and
the storage for the hashed name on every use: five times on every page. The answer stays the
same for the life of a process (the manifest storage reads its manifest once, at start), so it
is remembered per path, and forgotten when a test changes the static settings. The site's
templates load this library instead of `static`; the tag reads and behaves as Django's.
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import StaticNode, get_media_prefix, get_static_prefix

register = template.Library()
register.tag("get_static_prefix", get_static_prefix)
register.tag("get_media_prefix", get_media_prefix)


@lru_cache(maxsize=512)
def static_url(path):
    return StaticNode.handle_simple(path)


class RememberedStaticNode(StaticNode):
    @classmethod
    def handle_simple(cls, path):
        return static_url(path)


@register.tag("static")
def do_static(parser, token):
    """{% static "css/site.css" %} or {% static path as url %}: as Django's own tag."""
    return RememberedStaticNode.handle_token(parser, token)


@receiver(setting_changed)
def forget_static_urls(setting, **kwargs):
    if setting in {"STATIC_URL", "STORAGES", "INSTALLED_APPS", "STATIC_ROOT"}:
        static_url.cache_clear()
