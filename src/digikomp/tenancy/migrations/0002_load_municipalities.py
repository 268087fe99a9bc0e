"""Load the 98 municipalities, so every installation and every test database has them."""

from django.db import migrations


def load(apps, schema_editor):
    from digikomp.tenancy.reference import load_municipalities

    load_municipalities(apps.get_model("tenancy", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("tenancy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
