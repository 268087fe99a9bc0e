"""The parsed organisation of an import is kept compressed (fields.CompressedJSONField): saving it as JSON text
took most of an upload's memory, and it is a fifth of the size."""

from django.db import migrations

import digikomp.orgimport.fields


def compress(apps, schema_editor):
    OrgImport = apps.get_model("orgimport", "OrgImport")
    for pk, snapshot in OrgImport.objects.values_list("pk", "snapshot").iterator(chunk_size=10):
        OrgImport.objects.filter(pk=pk).update(packed=snapshot)


def uncompress(apps, schema_editor):
    OrgImport = apps.get_model("orgimport", "OrgImport")
    for pk, packed in OrgImport.objects.values_list("pk", "packed").iterator(chunk_size=10):
        OrgImport.objects.filter(pk=pk).update(snapshot=packed)


class Migration(migrations.Migration):

    dependencies = [
        ("orgimport", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="orgimport",
            name="packed",
            field=digikomp.orgimport.fields.CompressedJSONField(blank=True, default=dict),
        ),
        migrations.RunPython(compress, uncompress),
        migrations.RemoveField(model_name="orgimport", name="snapshot"),
        migrations.RenameField(model_name="orgimport", old_name="packed", new_name="snapshot"),
    ]
