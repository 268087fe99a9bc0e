"""Newsletter issues and their deliveries; the editors' group "Redaktører" may write, view, delete and send them.

Permissions for new models are normally created after all migrations (post_migrate), so the ones the group gets
are created here, as site migration 0002 does for the page permissions.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

EDITOR_GROUP = "Redaktører"
ISSUE_PERMISSIONS = ["add_newsletterissue", "change_newsletterissue", "delete_newsletterissue",
                     "view_newsletterissue", "send_newsletterissue"]


def grant_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="site", model="newsletterissue")
    for codename in ISSUE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename,
            defaults={"name": "Can " + codename.replace("_newsletterissue", "") + " newsletter issue"})
        group.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('site', '0002_initial_content'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='NewsletterIssue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.CharField(max_length=200, verbose_name='subject')),
                ('intro_da', wagtail.fields.RichTextField(verbose_name='introduction (Danish)')),
                ('intro_en', wagtail.fields.RichTextField(blank=True, help_text='Optional; shown below the Danish text.', verbose_name='introduction (English)')),
                ('include_updates', models.BooleanField(default=True, help_text='News and catalogue cases published since the previous issue, and the next events.', verbose_name='include what is new')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('send_requested_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='sent')),
                ('delivered_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='delivered')),
                ('recipient_count', models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='recipients')),
                ('send_requested_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
            ],
            options={
                'verbose_name': 'newsletter issue',
                'verbose_name_plural': 'newsletter issues',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('send_newsletterissue', 'Can send newsletter issue')],
            },
        ),
        migrations.CreateModel(
            name='NewsletterDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_at', models.DateTimeField(auto_now_add=True)),
                ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='site.subscriber')),
                ('issue', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='site.newsletterissue')),
            ],
            options={
                'verbose_name': 'newsletter delivery',
                'verbose_name_plural': 'newsletter deliveries',
                'constraints': [models.UniqueConstraint(fields=('issue', 'subscriber'), name='newsletter_delivery_once')],
            },
        ),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
