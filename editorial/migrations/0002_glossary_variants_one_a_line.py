from django.db import migrations, models

# Starter entries whose variants are correct in some sentences become advisory (慎用词),
# and variants that fired on correct text are dropped (see editorial/glossary_data.py).
ADVISORY = [("即使", "既使"), ("作为", "做为"), ("安排", "按排"), ("安装", "按装"), ("外国人", "老外")]
DROPPED = [("青海省总工会", "青海省总工会会"), ("12351职工服务热线", "12351热线电话"), ("12351职工服务热线", "12351职工热线电话")]


def update_starter_entries(apps, schema_editor):
    GlossaryEntry = apps.get_model("editorial", "GlossaryEntry")
    for term, variant in ADVISORY:
        GlossaryEntry.objects.filter(kind="preferred", term=term, variants=variant).update(kind="caution")
    for term, variant in DROPPED:
        for entry in GlossaryEntry.objects.filter(term=term):
            lines = [line for line in entry.variants.splitlines() if line.strip() != variant]
            if lines and len(lines) != len(entry.variants.splitlines()):
                entry.variants = "\n".join(lines)
                entry.save(update_fields=["variants"])


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="glossaryentry",
            name="variants",
            field=models.TextField(
                help_text="检查时要找出的写法，每行一个（顿号、逗号是写法的一部分，不作分隔）。禁用词、慎用词填写词语本身。",
                verbose_name="需纠正的写法",
            ),
        ),
        migrations.RunPython(update_starter_entries, migrations.RunPython.noop),
    ]
