"""An import that deactivates more than 20 % of the people or units needs a second confirmation that names the
numbers: on the page (a checkbox below the summary), on the command line (--allow-mass-deactivation).

The personas' Aarhus has five active units and three active people; the small export of exports.py holds three
of the people (P1-P3) and two of the units (HJP, SKO), so importing it deactivates 3 of the 5 units.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from digikomp.audit.models import AuditEntry
from digikomp.lib.problems import Problems
from digikomp.orgimport.deactivation import Deactivation, MassDeactivationError
from digikomp.orgimport.models import OrgImport
from digikomp.orgimport.services import org_import_apply, org_import_plan
from digikomp.orgimport.sources import read_files
from digikomp.tenancy.models import OrgUnit, Person, UnitManager
from tests.orgimport import exports
from tests.orgimport.test_views import UPLOAD, files_for_upload

TOKEN = "0-3-3-5"  # 0 of 3 people, 3 of 5 units


def organisation(municipality) -> dict:
    """Every row an import writes, every column."""
    return {"units": list(OrgUnit.objects.filter(municipality=municipality).order_by("pk").values()),
            "people": list(Person.objects.filter(municipality=municipality).order_by("pk").values()),
            "managers": list(UnitManager.objects.filter(unit__municipality=municipality).order_by("pk")
                             .values())}


def previewed(client) -> OrgImport:
    response = client.post(UPLOAD, {"upload": files_for_upload()})
    assert response.status_code == 302
    return OrgImport.objects.get(status=OrgImport.Status.PREVIEWED)


def confirm_url(org_import) -> str:
    return reverse("orgimport:confirm", args=[org_import.pk])


# --- the numbers ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("people,units,exceeds", [
    ((0, 0), (0, 0), False),        # a first import: nothing is active yet
    ((20, 100), (0, 10), False),    # exactly 20 % is not more than 20 %
    ((21, 100), (0, 10), True),
    ((0, 100), (3, 10), True),      # units count on their own
    ((100, 100), (10, 10), True),
])
def test_more_than_twenty_percent_of_the_people_or_the_units_needs_the_second_confirmation(people, units,
                                                                                          exceeds):
    assert Deactivation(people[0], people[1], units[0], units[1]).exceeds() is exceeds


def test_the_threshold_is_a_setting(settings):
    deactivation = Deactivation(30, 100, 0, 10)
    settings.DIGIKOMP_MASS_DEACTIVATION_PERCENT = 50
    assert not deactivation.exceeds()
    settings.DIGIKOMP_MASS_DEACTIVATION_PERCENT = 0
    assert Deactivation(1, 100, 0, 10).exceeds()


def test_the_numbers_are_named_in_danish_and_english():
    deactivation = Deactivation(2937, 2937, 150, 150)
    assert deactivation.describe() == "2.937 af 2.937 personer og 150 af 150 enheder"
    with translation.override("en"):
        assert deactivation.describe() == "2,937 of 2,937 people and 150 of 150 units"
    assert Deactivation(0, 3, 1, 1).describe() == "1 af 1 enhed"


def test_applying_refuses_a_mass_deactivation_that_was_not_confirmed_with_its_numbers(world):
    snapshot = read_files(exports.as_uploads(), Problems())
    before = organisation(world.aarhus)
    plan = org_import_plan(municipality=world.aarhus, snapshot=snapshot)
    assert plan.deactivation == Deactivation(0, 3, 3, 5)
    for confirmed in (None, Deactivation(0, 3, 2, 5)):
        with pytest.raises(MassDeactivationError) as refused:
            org_import_apply(plan=plan, confirmed=confirmed)
        assert "3 af 5 enheder" in refused.value.messages[0]
    assert organisation(world.aarhus) == before
    assert not AuditEntry.objects.filter(action="org.import").exists()
    org_import_apply(plan=plan, confirmed=Deactivation(0, 3, 3, 5))
    assert not OrgUnit.objects.get(municipality=world.aarhus, external_id="SOC").active


# --- the page --------------------------------------------------------------------------------------------------

def test_the_page_shows_the_summary_then_the_numbers_then_the_button(client_for, world):
    client = client_for("municipal_admin")
    org_import = previewed(client)
    html = client.get(reverse("orgimport:preview", args=[org_import.pk])).content.decode()
    summary = html.index('id="summary-heading"')
    warning = html.index("Importen deaktiverer 3 af 5 enheder: mere end 20 % af de personer eller enheder")
    checkbox = html.index(f'<input type="checkbox" name="deactivation" id="id_deactivation" value="{TOKEN}"')
    label = html.index('<label for="id_deactivation">Ja, deaktivér 3 af 5 enheder</label>')
    button = html.index("Bekræft import</button>")
    assert summary < warning < checkbox < label < button
    assert 'aria-describedby="mass-deactivation-text"' in html


def test_confirming_without_ticking_the_box_is_refused_and_stores_nothing(client_for, world):
    client = client_for("municipal_admin")
    org_import = previewed(client)
    before = organisation(world.aarhus)

    response = client.post(confirm_url(org_import))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    reason = "Sæt kryds for at bekræfte, at importen deaktiverer 3 af 5 enheder."
    assert f'<a href="#id_deactivation">{reason}</a>' in html
    assert f'<p class="field-error" id="id_deactivation_error">{reason}</p>' in html
    assert 'aria-describedby="mass-deactivation-text id_deactivation_error" aria-invalid="true"' in html
    assert organisation(world.aarhus) == before
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.PREVIEWED


def test_a_box_ticked_for_other_numbers_confirms_nothing(client_for, world):
    client = client_for("municipal_admin")
    org_import = previewed(client)
    before = organisation(world.aarhus)
    response = client.post(confirm_url(org_import), {"deactivation": "0-3-2-5"})
    assert response.status_code == 400
    assert "Tallene har ændret sig, siden siden blev vist." in response.content.decode()
    assert organisation(world.aarhus) == before


def test_ticking_the_box_applies_the_import(client_for, world):
    client = client_for("municipal_admin")
    org_import = previewed(client)
    response = client.post(confirm_url(org_import), {"deactivation": TOKEN}, follow=True)
    assert response.status_code == 200
    assert "Organisationen er importeret. Du kan fortryde importen i 7 dage." in response.content.decode()
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.APPLIED
    assert not OrgUnit.objects.get(municipality=world.aarhus, external_id="SOC").active
    assert AuditEntry.objects.get(action="org.import").actor == world.user("municipal_admin")


def test_an_import_below_the_threshold_needs_one_click(client_for, world, settings):
    settings.DIGIKOMP_MASS_DEACTIVATION_PERCENT = 60  # 3 of 5 units is 60 %: not more
    client = client_for("municipal_admin")
    org_import = previewed(client)
    html = client.get(reverse("orgimport:preview", args=[org_import.pk])).content.decode()
    assert 'name="deactivation"' not in html and "Importen deaktiverer" not in html
    assert client.post(confirm_url(org_import)).status_code == 302
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.APPLIED


def test_numbers_that_changed_since_the_preview_are_shown_and_asked_for_again(client_for, world, run_import,
                                                                              tmp_path):
    client = client_for("municipal_admin")
    org_import = previewed(client)
    # Meanwhile the command line imports the same organisation with two units more (and none of the
    # personas'): now the preview's file would deactivate those two, 2 of 8 units, numbers nobody confirmed.
    home_care = "HJP;Hjemmeplejen Nord;SUN;Plejevej 2;8999;Søbjerg\n"
    extra = "EX1;Ekstra enhed 1;ROOT;;;\nEX2;Ekstra enhed 2;ROOT;;;\n"
    files = exports.edited({exports.ORGANISATION: [(home_care, home_care + extra)]})
    assert run_import(exports.write(tmp_path, files), "--allow-mass-deactivation").error is None
    before = organisation(world.aarhus)

    response = client.post(confirm_url(org_import), {"deactivation": TOKEN}, follow=True)

    html = response.content.decode()
    assert "Organisationen har ændret sig siden forhåndsvisningen, og importen deaktiverer nu 2 af 8 enheder." \
        in html
    assert '<label for="id_deactivation">Ja, deaktivér 2 af 8 enheder</label>' in html
    assert organisation(world.aarhus) == before
    org_import.refresh_from_db()
    assert org_import.status == OrgImport.Status.PREVIEWED
    # Five active people: P5 has no active engagement.
    assert org_import.summary["deactivation"] == {"people": 0, "people_active": 5, "units": 2, "units_active": 8}
    # The new numbers, confirmed, apply it.
    assert client.post(confirm_url(org_import), {"deactivation": "0-5-2-8"}).status_code == 302
    assert not OrgUnit.objects.get(municipality=world.aarhus, external_id="EX1").active


# --- the command line ------------------------------------------------------------------------------------------

def test_the_command_refuses_a_mass_deactivation_without_the_flag(world, run_import, tmp_path):
    before = organisation(world.aarhus)
    result = run_import(exports.write(tmp_path))
    assert result.error is not None and result.error.returncode == 1
    assert "Importen ville deaktivere 3 af 5 enheder, mere end 20 % af de aktive personer eller enheder. " \
           "Intet blev gemt." in result.stderr and "--allow-mass-deactivation" in result.stderr
    assert "Enheder deaktiveret" in result.stdout  # what it would have done
    assert organisation(world.aarhus) == before
    assert not OrgImport.objects.exists() and not AuditEntry.objects.filter(action="org.import").exists()


def test_a_dry_run_says_that_a_real_run_needs_the_flag(world, run_import, tmp_path):
    result = run_import(exports.write(tmp_path), "--dry-run")
    assert result.error is None
    assert "En rigtig kørsel kræver --allow-mass-deactivation: importen deaktiverer 3 af 5 enheder" in result.stdout


def test_with_the_flag_the_command_imports_and_records_the_import(world, run_import, tmp_path):
    result = run_import(exports.write(tmp_path), "--allow-mass-deactivation")
    assert result.error is None, result.stderr
    assert not OrgUnit.objects.get(municipality=world.aarhus, external_id="SOC").active
    org_import = OrgImport.objects.get()
    assert org_import.status == OrgImport.Status.APPLIED and org_import.uploaded_by is None
    assert org_import.file_names == sorted(exports.BASE)
    assert org_import.summary["deactivation"] == {"people": 0, "people_active": 3, "units": 3, "units_active": 5}
    assert org_import.undo["units"] and org_import.snapshot == {}

