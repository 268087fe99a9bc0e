"""The target groups and types of effort cases are classified by (editors may add more in the Django admin)."""

from django.db import migrations

TARGET_GROUPS = [
    # (slug, kind, Danish, English)
    ("alle-medarbejdere", "employees", "Alle medarbejdere", "All employees"),
    ("sundhed-og-omsorg", "employees", "Medarbejdere i sundhed og omsorg", "Employees in health and care"),
    ("skole-og-dagtilbud", "employees", "Medarbejdere i skole og dagtilbud", "Employees in schools and day care"),
    ("socialomraadet", "employees", "Medarbejdere på socialområdet", "Employees in social services"),
    ("administration", "employees", "Administrative medarbejdere", "Administrative staff"),
    ("teknik-og-miljoe", "employees", "Medarbejdere i teknik og miljø", "Employees in technical services"),
    ("borgerservice-og-bibliotek", "employees", "Medarbejdere i borgerservice og bibliotek",
     "Employees in citizen service and libraries"),
    ("ledere", "leaders", "Ledere", "Leaders"),
    ("topledelse", "leaders", "Topledelse og direktion", "Top management"),
    ("borgere", "citizens", "Borgere generelt", "Citizens in general"),
    ("aeldre", "special", "Ældre og seniorer", "Older people and seniors"),
    ("fritaget-digital-post", "special", "Borgere fritaget for Digital Post", "Citizens exempt from Digital Post"),
    ("handicap", "special", "Mennesker med handicap", "People with disabilities"),
    ("svage-danskkundskaber", "special", "Borgere med svage danskkundskaber", "Citizens with weak Danish"),
    ("unge", "special", "Unge", "Young people"),
    ("socialt-udsatte", "special", "Socialt udsatte borgere", "Socially vulnerable citizens"),
]

EFFORT_TYPES = [
    ("kursus", "Kursus og undervisning", "Course and teaching"),
    ("e-laering", "E-læring", "E-learning"),
    ("ambassadoerer", "Ambassadørnetværk", "Ambassador network"),
    ("it-cafe", "It-café og borgerhjælp", "IT café and help for citizens"),
    ("sidemandsoplaering", "Sidemandsoplæring", "Peer learning"),
    ("kampagne", "Kampagne", "Campaign"),
    ("vaerktoej", "Værktøj og materiale", "Tool and material"),
    ("netvaerk", "Netværk og vidensdeling", "Network and knowledge sharing"),
    ("ledelse", "Ledelse og strategi", "Leadership and strategy"),
]


def forward(apps, schema_editor):
    TargetGroup = apps.get_model("catalogue", "TargetGroup")
    EffortType = apps.get_model("catalogue", "EffortType")
    for position, (slug, kind, da, en) in enumerate(TARGET_GROUPS):
        TargetGroup.objects.update_or_create(slug=slug, defaults={"kind": kind, "name_da": da, "name_en": en,
                                                                  "position": position})
    for position, (slug, da, en) in enumerate(EFFORT_TYPES):
        EffortType.objects.update_or_create(slug=slug, defaults={"name_da": da, "name_en": en,
                                                                 "position": position})


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_search_index")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
