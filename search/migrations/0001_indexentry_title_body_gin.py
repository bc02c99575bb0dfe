"""A GIN index on the tsvector PostgreSQL search filters by: title || body.

The database search backend matches `(title || body) @@ query`. Wagtail indexes
title and body separately, so without this index every search reads and
concatenates every index row, and PostgreSQL, having no statistics for the
expression, guesses one match and plans nested loops: 0.3-25 s per query on
10,000 articles (bench/search.md). The index gives it both a fast path and the
statistics. SQLite (FTS5) and other databases: nothing to do.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # CONCURRENTLY: an existing site keeps accepting edits while it is built.
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
