"""Rebuild the organisations' search text: office hours and telephone are searchable now too."""

from django.db import migrations


def rebuild(apps, schema_editor):
    from directory.models import organisation_search_text

    Organisation = apps.get_model("directory", "UnionOrganisation")
    for organisation in Organisation.objects.iterator():
        text = organisation_search_text(organisation)
        if text != organisation.search_text:
            Organisation.objects.filter(pk=organisation.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
