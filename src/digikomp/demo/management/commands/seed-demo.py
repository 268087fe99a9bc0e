"""`digikomp seed-demo`: the demo installation `make run` serves.

Loads the national norm, then (once) the demo municipality Aarhus with a generated organisation of about 150
units and 3,000 synthetic people, imported through the real OS2mo import; maps job codes to profiles; adapts one
profile; simulates two closed survey waves (their figures released) and a third still open, and invites to a
fourth that opens in two weeks (nobody has answered: it can still be changed or deleted); creates one login
per role, an invited manager and a deactivated HR user; and fills the inspiration catalogue (35 fictional cases) and the site (news, publications, events).
Running it again changes nothing and only prints the logins.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from digikomp.accounts.models import User
from digikomp.accounts.services import municipal_scope, user_create, user_invite, user_set_active
from digikomp.assessments.knowledge import knowledge_bank_load
from digikomp.assessments.models import Campaign
from digikomp.demo.catalogue import seed_catalogue
from digikomp.demo.site_content import seed_site
from digikomp.frameworks.services import load_shipped_frameworks
from digikomp.lib.problems import Problems
from digikomp.orgimport.generate import generate_export, write_export
from digikomp.orgimport.services import org_import_apply, org_import_plan
from digikomp.orgimport.sources import read_path
from digikomp.profiles import services as profile_services
from digikomp.profiles.jobcodes import job_profile_set, job_profiles_suggest
from digikomp.profiles.models import Profile
from digikomp.tenancy.models import Municipality, OrgUnit, Person, UnitManager
from digikomp.tenancy.roles import Role
from digikomp.tenancy.selectors import within

DEMO_MUNICIPALITY = "751"
DEMO_PASSWORD = "demo-DigiKomp-2026"


class Command(BaseCommand):
    help = "Load the national norm and the demo municipality with one login per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=3000)
        parser.add_argument("--units", type=int, default=150)
        parser.add_argument("--waves", type=int, default=2, help="Survey waves to simulate (0: none).")

    def handle(self, *args, people: int, units: int, waves: int, **options):
        load_shipped_frameworks()
        profile_services.load_shipped_norm()
        knowledge_bank_load()
        municipality = Municipality.objects.get(code=DEMO_MUNICIPALITY)
        if not OrgUnit.objects.of_municipality(municipality).exists():
            self.stdout.write(f"Creating the demo organisation of {municipality.name} ({units} units, "
                              f"{people} people) ...")
            self._organisation(municipality, people=people, units=units)
            self._profiles(municipality)
        if waves and not Campaign.objects.of_municipality(municipality).exists():
            self.stdout.write(f"Simulating {waves} closed survey waves and one still open (answers through the real "
                              "submission code) ...")
            for _wave in range(waves):
                call_command("simulate-campaign", municipality=municipality.code, respond=0.7, waves_total=waves,
                             closed=True, stdout=self.stdout)
            # A third wave under way: its figures stay withheld until it closes; only response counts show,
            # in steps of k.
            call_command("simulate-campaign", municipality=municipality.code, respond=0.3, stdout=self.stdout)
            call_command("release-campaigns", stdout=self.stdout)
            self._upcoming(municipality)
        logins = self._users(municipality)
        cases = seed_catalogue(editor=User.objects.filter(email="redaktoer@digikomp.demo").first())
        pages = seed_site()
        if cases or pages:
            self.stdout.write(f"Inspiration catalogue: {cases} cases published; site: {pages} pages.")
        login = f"{settings.DIGIKOMP_BASE_URL}/konto/login/"
        self.stdout.write(self.style.SUCCESS(f"\nDigiKomp demo – log in at {login}"))
        for role, email in logins:
            self.stdout.write(f"  {role:<26} {email:<32} password: {DEMO_PASSWORD}")
        self.stdout.write("")

    def _upcoming(self, municipality) -> None:
        """A campaign that opens in two weeks, invited but answered by nobody: everything on it can still change
        (two questions of its own, one block each) and it can be deleted; its e-mail can be previewed."""
        from datetime import datetime, time, timedelta

        from django.utils import timezone

        from digikomp.assessments.services import CampaignSpec, campaign_create, invitations_create

        root = OrgUnit.objects.of_municipality(municipality).filter(parent__isnull=True).order_by("pk").first()
        unit = OrgUnit.objects.of_municipality(municipality).filter(parent=root).order_by("name").first()
        first = timezone.localdate() + timedelta(days=14)
        midnight = [timezone.make_aware(datetime.combine(day, time.min)) for day in (first, first + timedelta(22))]
        campaign = campaign_create(municipality=municipality, spec=CampaignSpec(
            name=f"Forårskortlægning {first.year}", series="Forårskortlægning", opens_at=midnight[0],
            closes_at=midnight[1], unit_ids=[unit.pk] if unit else [], reminder_days=[7, 14],
            custom_questions=[
                {"kind": "scale", "text_da": "Hvor tryg er du ved at lære nye digitale værktøjer?",
                 "text_en": "How confident are you learning new digital tools?"},
                {"kind": "text", "text_da": "Hvilket digitalt værktøj savner du oplæring i?",
                 "text_en": "Which digital tool would you like training in?"}]))
        invitations_create(campaign=campaign)

    def _organisation(self, municipality, *, people: int, units: int) -> None:
        export = generate_export(people=people, units=units, seed=int(municipality.code), name=municipality.name)
        with tempfile.TemporaryDirectory() as folder:
            write_export(export, Path(folder))
            problems = Problems()
            snapshot = read_path(Path(folder), problems)
        if snapshot is None or problems:
            raise CommandError("The generated demo export did not import: "
                               + "; ".join(p.text for p in problems))
        org_import_apply(plan=org_import_plan(municipality=municipality, snapshot=snapshot))

    @transaction.atomic
    def _profiles(self, municipality) -> None:
        everyone = Profile.objects.shared().get(slug="alle-medarbejdere")
        suggestions = job_profiles_suggest(municipality)
        codes = Person.objects.of_municipality(municipality).filter(active=True).exclude(job_code="")
        for code in codes.values_list("job_code", flat=True).distinct():
            job_profile_set(municipality=municipality, job_code=code, profile=suggestions.get(code, everyone))
        # One adapted profile, so the diff and the public adapted-profile page have something to show.
        ssa = Profile.objects.shared().get(slug="social-og-sundhedsassistent")
        adaptation = profile_services.adaptation_get_or_create(municipality=municipality, profile=ssa)
        adaptation.local_note = "Aarhus hæver kravet til velfærdsteknologi, fordi alle hjemmeplejegrupper bruger " \
                                "skærmbesøg og medicinrobotter."
        adaptation.save()
        effective = profile_services.selectors.effective_profile(ssa, municipality)
        rows = effective.rows()
        highest = max(level.value for level in effective.release.framework_version.levels.all())
        raised = next(((c, e) for c, e in rows if e.level is not None and e.level < highest), None)
        if raised:
            profile_services.adaptation_set(adaptation=adaptation, competence_identifier=raised[0].identifier,
                                            level=raised[1].level + 1, note="Lokalt prioriteret")

    def _users(self, municipality) -> list[tuple[str, str]]:
        manager = (UnitManager.objects.of_municipality(municipality).filter(unit__depth=2, active=True)
                   .select_related("unit", "person").order_by("unit__path").first())
        employee = None
        if manager:
            employee = (Person.objects.of_municipality(municipality).filter(within(manager.unit, via="primary_unit"),
                                              municipality=municipality, active=True)
                        .exclude(pk=manager.person_id).order_by("external_id").first())
        wanted = [
            (Role.NATIONAL_EDITOR, "redaktoer@digikomp.demo", None, {}),
            (Role.MUNICIPAL_ADMIN, "admin@aarhus.demo", municipality.code, {}),
            (Role.HR, "hr@aarhus.demo", municipality.code, {}),
            (Role.MANAGER, "leder@aarhus.demo", municipality.code,
             {"unit_ids": [manager.unit.external_id] if manager else [],
              "person_external_id": manager.person.external_id if manager else None}),
            (Role.EMPLOYEE, "medarbejder@aarhus.demo", municipality.code,
             {"person_external_id": employee.external_id if employee else None}),
            (Role.PROVIDER, "udbyder@digikomp.demo", None, {}),
        ]
        logins = []
        for role, email, code, extra in wanted:
            if not User.objects.filter(email=email).exists():
                user_create(email=email, role=role, password=DEMO_PASSWORD, municipality_code=code,
                            name=email.split("@")[0].capitalize(), **extra)
            logins.append((str(Role(role).label), email))
        self._more_users(municipality)
        return logins

    def _more_users(self, municipality) -> None:
        """Two more users on the admin's page "Users and roles" (/app/brugere/): a manager invited who has not
        chosen a password yet, and an HR user who left and is deactivated. Neither can log in."""
        admin = User.objects.filter(email="admin@aarhus.demo").first()
        scope = municipal_scope(municipality)
        if not User.objects.filter(email="ny.leder@aarhus.demo").exists():
            second = (UnitManager.objects.of_municipality(municipality).filter(unit__depth=2, active=True)
                      .select_related("unit", "person").order_by("unit__path")[1:2].first())
            if second is not None and not User.objects.filter(person=second.person).exists():
                user_invite(scope=scope, actor=admin, email="ny.leder@aarhus.demo", full_name=second.person.name,
                            roles=[Role.MANAGER], unit_ids=[second.unit.pk],
                            person_external_id=second.person.external_id)
        if not User.objects.filter(email="tidligere.hr@aarhus.demo").exists():
            former = user_create(email="tidligere.hr@aarhus.demo", role=Role.HR, password=DEMO_PASSWORD,
                                 municipality_code=municipality.code, name="Tidligere HR-medarbejder",
                                 actor=admin).user
            user_set_active(scope=scope, actor=admin, user=former, active=False)
