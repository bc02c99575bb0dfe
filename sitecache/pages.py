"""The site cache's side of Wagtail's page and settings models.

Wagtail asks a page for its view restrictions and a settings class for the
request's row on every request; these mixins answer from the site cache
(`sitecache.cache`) instead, so that the page types themselves stay plain
queries. Page types get them through `core.pages.BasePage`; the site settings
through `CachedSiteSettingMixin`.
"""

import copy

from django.db.models import Q
from wagtail.models import PageViewRestriction, Site

from . import cache as site_cache


class CachedViewRestrictionsMixin:
    """The view restrictions that apply to a page, from the site cache.

    Wagtail checks them on every request (its `before_serve_page` hook) with two
    queries, ancestors then restrictions; they change only when a restriction
    or the tree changes, and the site cache's version changes with both. A page
    without restrictions, nearly every page, then costs no query at all.
    """

    def get_view_restrictions(self):
        if not self.pk:
            return super().get_view_restrictions()
        restriction_ids = site_cache.remember(
            f"view-restrictions:{self.pk}",
            lambda: tuple(
                super(CachedViewRestrictionsMixin, self).get_view_restrictions().values_list("pk", flat=True)
            ),
            keep_in_process=True,
        )
        if not restriction_ids:
            # Known to be empty: iterating it or asking .exists() (Wagtail's hook, `BasePage`'s
            # caching headers, both on every request) then costs no query compilation either.
            # A derived queryset (.order_by() in the admin) starts afresh, as querysets do.
            restrictions = PageViewRestriction.objects.none()
            restrictions._result_cache = []
            return restrictions
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)


class CachedSiteSettingMixin:
    """For a site setting that every public page reads (header, footer, meta tags).

    Only the reader's side is cached: the settings editor loads `for_site()` from
    the database, so it never edits a stale copy. `related_to_load` names the
    foreign keys to load before the copy is cached, so that it carries them.
    """

    related_to_load = ()

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            label = cls._meta.label_lower
            shared = site_cache.remember(
                f"site-setting:{label}:{site.pk}", lambda: cls._loaded_for(site), keep_in_process=True
            )
            # A copy for this request: the shared one is kept in the process and must not hold a request.
            instance = copy.copy(shared)
            instance._request = request  # as Wagtail does: page URLs in the settings reuse the request's site
            setattr(request, attr_name, instance)
        return getattr(request, attr_name)

    @classmethod
    def _loaded_for(cls, site):
        instance = cls.for_site(site)
        for name in cls.related_to_load:
            getattr(instance, name)
        return instance


def restricted_paths():
    """Tree paths of the pages behind a view restriction, from the site cache."""
    return site_cache.remember(
        "restricted-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def private_q():
    """Wagtail's `PageQuerySet.private_q()` (the pages behind a view restriction and their
    descendants) from the cached paths: Wagtail's reads the restrictions table every time a
    queryset calls `.public()`."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


class CachedPrivatePagesMixin:
    """For a page queryset: `.public()`, `.private()` and `.not_public()` without a query each.

    Wagtail's read the restrictions table each time a queryset is built, and an article page
    builds several; the list changes only with a restriction, which replaces the site cache's version.
    """

    def private_q(self):
        return private_q()
