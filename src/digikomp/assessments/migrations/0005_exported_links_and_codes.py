"""Exported links apart from e-mailed ones, one-time codes, and the drafts' writer.

Links handed out before this migration were the e-mailed links themselves (the links CSV and the API's
invitations endpoint returned them). Every invitation that existed when such a hand-out was logged gets that
link as its exported link, so it becomes answer-only: the result, the consent and the saved answers then need a
proof that only the person has. Invitations get the person's current address as the one codes go to.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery

LEGACY_HAND_OUTS = ("campaign.links_download", "campaign.links_api")


def forward(apps, schema_editor):
    Invitation = apps.get_model("assessments", "Invitation")
    Person = apps.get_model("tenancy", "Person")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    Invitation.objects.update(email=Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("email")[:1]))
    entries = (AuditEntry.objects.filter(action__in=LEGACY_HAND_OUTS, object_type="assessments.Campaign")
               .order_by("at", "pk"))
    for entry in entries:
        if not entry.object_id.isdigit():
            continue
        Invitation.objects.filter(campaign_id=int(entry.object_id), created_at__lte=entry.at,
                                  links_exported_at__isnull=True).update(
            export_public_id=F("public_id"), links_exported_at=entry.at)


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0004_knowledge_item_key'),
        ('audit', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='draft',
            name='writer',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='invitation',
            name='email',
            field=models.EmailField(blank=True, max_length=254),
        ),
        migrations.AddField(
            model_name='invitation',
            name='export_public_id',
            field=models.CharField(blank=True, editable=False, max_length=32, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='invitation',
            name='links_exported_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.CreateModel(
            name='VerificationCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('digest', models.CharField(blank=True, max_length=64)),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('expires_at', models.DateTimeField()),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('invitation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='assessments.invitation')),
            ],
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
