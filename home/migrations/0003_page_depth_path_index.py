"""On PostgreSQL, an index on wagtailcore_page (depth, path) for Wagtail's children queries.

`get_children()` asks for `depth = d AND path BETWEEN …`; with only the path
index the database walks every page below the parent (all 100,000 articles
below the home page, just to find the menu's ten sections). With this index
it reads the children alone: the menu query on 100,000 articles took 39-45 ms
(a parallel sequential scan) and takes 0.26 ms. SQLite is left alone: without planner statistics it also picks this
index for `depth >= 2` and `depth = 4` conditions that match nearly every page,
which made other queries slower; PostgreSQL's planner knows better. The index
belongs to Wagtail's table, so it is made with SQL rather than declared on a
model of ours.
"""

from django.db import migrations

INDEX = "home_page_depth_path_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_cache_version"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
