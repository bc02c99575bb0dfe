from django.db import migrations


class Migration(migrations.Migration):
    """The site cache's version row now lives in the `sitecache` app."""

    dependencies = [
        ("home", "0003_page_depth_path_index"),
        ("sitecache", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="SiteCacheVersion"),
    ]
