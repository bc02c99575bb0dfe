"""Tags get readable pinyin addresses; their percent-encoded Chinese ones are kept to redirect."""

import django.db.models.deletion
from django.db import migrations, models


def pinyin_addresses(apps, schema_editor):
    from core.slugs import is_usable_slug
    from news.tags import unique_tag_slug

    Tag = apps.get_model("taggit", "Tag")
    LegacyTagSlug = apps.get_model("news", "LegacyTagSlug")
    for tag in Tag.objects.order_by("pk").iterator():
        if is_usable_slug(tag.slug):
            continue
        old = tag.slug
        tag.slug = unique_tag_slug(tag.name, Tag.objects, exclude_pk=tag.pk)
        tag.save(update_fields=["slug"])
        if old:
            LegacyTagSlug.objects.update_or_create(slug=old, defaults={"tag_id": tag.pk})


def chinese_addresses(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    LegacyTagSlug = apps.get_model("news", "LegacyTagSlug")
    for legacy in LegacyTagSlug.objects.all():
        Tag.objects.filter(pk=legacy.tag_id).update(slug=legacy.slug)


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0002_display_date_named'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='LegacyTagSlug',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.CharField(max_length=255, unique=True, verbose_name='旧地址')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taggit.tag', verbose_name='标签')),
            ],
            options={
                'verbose_name': '标签旧地址',
                'verbose_name_plural': '标签旧地址',
            },
        ),
        migrations.RunPython(pinyin_addresses, chinese_addresses),
    ]
