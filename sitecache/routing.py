"""Finding the page for a URL and the site for a host without walking the tree each time.

Wagtail routes a request from the site's root page down, one query for each
path component and one more for each page's specific type: six queries before
an article is even looked at. Which page a path leads to only changes when the
tree changes, so the answer is kept in the site cache (`sitecache.cache`) and
a request costs one query for the page itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.db import connections, router
from wagtail.models import Site

from . import cache as site_cache

# Deeper URLs than this are routed the ordinary way (and not cached).
MAX_CACHED_DEPTH = 8


def _prefix_name(root, components):
    return f"route:{root.pk}:{'/'.join(components)}"


def _routed_page(result):
    # Wagtail's RouteResult, or the (page, args, kwargs) tuple older custom routes return.
    return getattr(result, "page", None) or result[0]


class CachedRoutingMixin:
    """For the site's root page: route through the cached tree position of the deepest known page.

    The cache maps a path prefix to the page the tree walk reached there. On a
    hit, that page's own `route()` handles the rest of the path exactly as the
    walk would have (sub-routes of routable pages, 404 for unpublished pages),
    so the result is the walk's result as long as the tree is unchanged, and any
    change to the tree replaces the cache's version.
    """

    def route(self, request, path_components):
        if not path_components or len(path_components) > MAX_CACHED_DEPTH:
            return super().route(request, path_components)
        version = site_cache.current_version()
        names = [
            _prefix_name(self, path_components[:length]) for length in range(len(path_components), 0, -1)
        ]
        found = site_cache.get_many(names, version)
        longest_known = next((name for name in names if name in found), None)
        if longest_known is not None:
            page = self._page_from_cache(*found[longest_known])
            if page is not None:
                consumed = page.depth - self.depth
                result = page.route(request, path_components[consumed:])
                # A section known before its articles were read: the article reached below it is
                # remembered too, or every later request would walk down from the section again.
                reached = _routed_page(result)
                if reached.depth > page.depth:
                    self._remember_route(reached, path_components, version)
                return result
        result = super().route(request, path_components)
        self._remember_route(_routed_page(result), path_components, version)
        return result

    def _remember_route(self, page, path_components, version):
        consumed = page.depth - self.depth
        if page.pk == self.pk or not 0 < consumed <= len(path_components):
            return
        site_cache.store(
            _prefix_name(self, path_components[:consumed]), (page.content_type_id, page.pk), version
        )

    def _page_from_cache(self, content_type_id, page_pk):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            return None
        if model is None:
            return None
        query = _OnePageQuery.for_model(model)
        if query is None:  # a page type whose default queryset loads more than its own row
            found = list(model.objects.filter(pk=page_pk).order_by()[:1])
            return found[0] if found else None
        return query.fetch(page_pk)


class _NotPlain(Exception):
    pass


class _OnePageQuery:
    """`model.objects.filter(pk=…).order_by()[:1]`, compiled once per page type and database.

    Every request loads its page by primary key (the only query of most pages), and turning that
    queryset into SQL cost more than running it: a page type's SELECT joins its parents' tables
    and names dozens of columns. The compiled statement, its column converters and the field
    names are kept per process; each request only runs it and builds the instance as Django's
    own model iterable does (`Model.from_db`, the same converters).
    """

    _compiled = {}
    # Stands for the primary key while compiling; found again among the parameters.
    _PLACEHOLDER = -7_301_104_933

    @classmethod
    def for_model(cls, model):
        """The compiled query for `model`, or None if its default queryset loads related rows or
        annotations (then the caller runs the queryset itself)."""
        using = router.db_for_read(model)
        key = (model, using)
        if key not in cls._compiled:
            try:
                cls._compiled[key] = cls(model, using)
            except _NotPlain:
                cls._compiled[key] = None
        return cls._compiled[key]

    def __init__(self, model, using):
        self.model, self.using = model, using
        # Unordered: an ORDER BY for a single row only costs query compilation.
        queryset = model.objects.filter(pk=self._PLACEHOLDER).order_by()[:1]
        compiler = queryset.query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.pk_position = self.params.index(self._PLACEHOLDER)
        klass_info = compiler.klass_info
        if (
            klass_info["model"] is not model
            or klass_info.get("related_klass_infos")
            or compiler.annotation_col_map
        ):
            raise _NotPlain(model)
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.fields = slice(start, end)
        self.attnames = [column[0].target.attname for column in compiler.select[start:end]]
        self.converters = list(
            compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]]).items()
        )

    def fetch(self, pk):
        params = list(self.params)
        params[self.pk_position] = pk
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        row = list(row)
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        return self.model.from_db(self.using, self.attnames, row[self.fields])


class CachedSiteMiddleware:
    """Tells Wagtail the request's site (with its root page) from the site cache, and reads
    the cache's version once for the whole request.

    `Site.find_for_request` looks for `request._wagtail_site` before querying,
    and Wagtail's routing then asks for the root page's specific type: two
    queries per request for something that changes when a site or its root
    page is edited.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            # Django answers 400 for this host later on; nothing to look up.
            return self.get_response(request)
        with site_cache.pinned_for_request():
            name = f"site-for:{host}:{request.get_port()}"
            request._wagtail_site = site_cache.remember(
                name, lambda: _site_with_specific_root(request), keep_in_process=True
            )
            return self.get_response(request)


def _site_with_specific_root(request):
    site = Site._find_for_request(request)
    if site is not None and site.root_page_id:
        site.root_page = site.root_page.specific
    return site
