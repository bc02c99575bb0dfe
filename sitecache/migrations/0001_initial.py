import django.utils.timezone
from django.db import migrations, models


def create_version_row(apps, schema_editor):
    apps.get_model("sitecache", "SiteCacheVersion").objects.get_or_create(id=1)


class Migration(migrations.Migration):
    """The version row moves here from `home` (its old table is dropped by home 0004): a fresh
    row is all it needs, since a new version only means that nothing cached before is reused."""

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SiteCacheVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(default=1, verbose_name="版本号")),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="更改时间")),
            ],
            options={
                "verbose_name": "站点缓存版本",
                "verbose_name_plural": "站点缓存版本",
            },
        ),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
    ]
