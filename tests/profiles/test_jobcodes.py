
from digikomp.profiles.jobcodes import (
    job_codes_in_use,
    job_profiles_csv,
    job_profiles_import,
    job_profiles_suggest,
)
from digikomp.profiles.models import JobProfile, Profile
from digikomp.profiles.selectors import profile_for_person
from tests.profiles.test_adaptation import norm  # noqa: F401  (fixture)


def test_a_csv_maps_job_codes_and_every_person_gets_a_profile(norm, world):  # noqa: F811
    problems, count = job_profiles_import(municipality=world.aarhus,
                                          data=b"stillingskode;profil\n7120;ssa\n1410;alle\n")
    assert not problems and count == 2
    assert profile_for_person(world.people["anna"]).slug == "ssa"
    assert profile_for_person(world.people["bo"]).slug == "alle"
    rows = {r["job_code"]: r for r in job_codes_in_use(world.aarhus)}
    assert rows["7120"]["profile"].slug == "ssa" and rows["9000"]["profile"] is None
    assert job_profiles_csv(world.aarhus).splitlines()[1:] == ["1410;alle;Lærer",
                                                               "7120;ssa;Social- og sundhedsassistent"]


def test_a_bad_row_imports_nothing_and_names_row_and_column(norm, world):  # noqa: F811
    JobProfile.objects.create(municipality=world.aarhus, job_code="1410", profile=Profile.objects.get(slug="alle"))
    data = b"stillingskode;profil\n7120;ssa\n7120;alle\n;alle\n9000;findes-ikke\n"
    problems, _ = job_profiles_import(municipality=world.aarhus, data=data)
    found = {(p.line, p.column) for p in problems}
    assert found == {(3, "stillingskode"), (4, "stillingskode"), (5, "profil")}
    assert list(JobProfile.objects.values_list("job_code", flat=True)) == ["1410"]  # untouched


def test_a_local_profile_of_another_municipality_cannot_be_mapped(norm, world):  # noqa: F811
    Profile.objects.create(owner=world.kobenhavn, slug="kbh-only", framework=Profile.objects.first().framework)
    problems, _ = job_profiles_import(municipality=world.aarhus, data=b"stillingskode;profil\n7120;kbh-only\n")
    assert [p.column for p in problems] == ["profil"]


def test_suggestions_come_from_typical_titles_and_leader_endings(shipped_norm, world):
    suggested = {code: p.slug for code, p in job_profiles_suggest(world.aarhus).items()}
    assert suggested == {"7120": "social-og-sundhedsassistent", "1410": "laerer", "9000": "linjeleder"}
    JobProfile.objects.create(municipality=world.aarhus, job_code="1410", profile=Profile.objects.get(slug="alle"
                                                                                                    "-medarbejdere"))
    assert "1410" not in job_profiles_suggest(world.aarhus)  # a mapped code is left alone
