"""Wagtail/modelsearch database search backend with Chinese word segmentation.

Configure with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``.
Like Wagtail's own ``wagtail.search.backends.database`` it picks its flavour from
the default database: SQLite FTS5 or PostgreSQL full-text search, both fed with
text segmented by `search.segmentation` at indexing and at query time.
"""

from functools import cache

from django.db import connection


@cache
def sqlite_fts_usable():
    from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

    return fts5_available() and fts_table_exists()


# The backends are imported in the functions on purpose: only the database engine's own
# backend (and its driver-specific code) is loaded.
def SearchBackend(params):  # the name Wagtail's backend loader looks for
    if connection.vendor == "postgresql":
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite" and sqlite_fts_usable():
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    # MySQL, or SQLite without FTS5: the upstream backend, without segmentation.
    from modelsearch.backends.database import SearchBackend as upstream_backend

    return upstream_backend(params)
