from django.db import migrations, models


def fill_keys(apps, schema_editor):
    # Items created before keys existed get one from their primary key, so the column can become required.
    KnowledgeItem = apps.get_model("assessments", "KnowledgeItem")
    for item in KnowledgeItem.objects.filter(key__isnull=True):
        item.key = f"item-{item.pk}"
        item.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_unit_tally")]

    operations = [
        migrations.AddField(model_name="knowledgeitem", name="key", field=models.CharField(
            max_length=50, null=True, help_text="Stable key of a shipped item, e.g. A3.1-2-1.")),
        migrations.AddField(model_name="knowledgeitem", name="explanation_da", field=models.TextField(blank=True,
                                                                                                  default=""),
                           preserve_default=False),
        migrations.AddField(model_name="knowledgeitem", name="explanation_en", field=models.TextField(blank=True,
                                                                                                  default=""),
                           preserve_default=False),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(model_name="knowledgeitem", name="key", field=models.CharField(
            max_length=50, unique=True, help_text="Stable key of a shipped item, e.g. A3.1-2-1.")),
    ]
