"""The shipped national model, DigComp 2.2 and the national profile library load, publish and resolve."""

import pytest

from digikomp.frameworks.models import Competence, Framework
from digikomp.frameworks.services import load_shipped_frameworks, missing_for_publish
from digikomp.profiles import selectors
from digikomp.profiles.models import NormRelease, Profile
from digikomp.profiles.services import load_shipped_norm

pytestmark = pytest.mark.django_db


def test_the_shipped_norm_loads_published_and_complete():
    kl, digcomp = load_shipped_frameworks()
    assert kl.is_published and digcomp.is_published
    assert missing_for_publish(kl) == [] and missing_for_publish(digcomp) == []
    assert kl.areas.filter(parent__isnull=False).count() >= 12 and kl.competences.count() >= 36
    assert kl.levels.count() == 4
    assert all(c.digcomp_codes for c in kl.competences.all())
    assert digcomp.areas.count() == 5 and digcomp.competences.count() == 21 and digcomp.levels.count() == 8
    assert "CC BY 4.0" in digcomp.attribution_en
    # Every DigComp code the national model points to exists in DigComp 2.2.
    codes = {c.code for c in digcomp.competences.all()}
    assert {code for c in kl.competences.all() for code in c.digcomp_codes} <= codes

    release = load_shipped_norm()
    assert release.is_published and release.framework_version == kl
    national = Profile.objects.filter(owner__isnull=True)
    assert national.count() >= 20
    everyone = Profile.objects.get(slug="alle-medarbejdere")
    generic = set(Competence.objects.filter(version=kl, generic=True).values_list("identifier", flat=True))
    assert set(selectors.national_norm(everyone, release)) == generic
    for profile in national.exclude(pk=everyone.pk):
        assert selectors.revision_in(profile, release).extends == everyone
        # Every profile holds the generic competences through "Alle medarbejdere".
        assert generic <= set(selectors.national_norm(profile, release))
    assert load_shipped_norm() == release and NormRelease.objects.count() == 1  # idempotent
    assert Framework.objects.count() == 2


def test_load_norm_command_is_idempotent(capsys):
    from django.core.management import call_command

    call_command("load-norm")
    call_command("load-norm")
    out = capsys.readouterr().out
    assert out.count("Norm release 1.0: 20 national profiles") == 2
    assert NormRelease.objects.count() == 1 and Framework.objects.count() == 2
